package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import dev.hsig.spec.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Register placement: for every preset and every pipeline depth from 1 to the logic depth, stages never run
 * backwards along an edge and stay below N, the slowest stage (by the pipeline's timing estimate) is never slower
 * than cutting the levels into equal slices (the placement before delays were weighed) and, where an exhaustive
 * search is small enough, it is the fastest placement there is.
 */
class PipelineTest {
    @Test
    void stagesFollowTheEdgesAndBeatEqualLevelSlices() {
        for (Presets.Preset p : Presets.ALL) {
            Datapath d = plan(p);
            int depth = Pipeline.depth(d);
            List<Node> nodes = d.nodes();
            double previous = Double.MAX_VALUE;
            for (int n = 1; n <= depth; n++) {
                Pipeline pipe = Pipeline.of(d, n);
                for (int i = 0; i < nodes.size(); i++) {
                    for (int o : Operands.of(nodes.get(i))) {
                        assertTrue(pipe.stage(o) <= pipe.stage(i), p.name() + ": an operand in a later stage");
                    }
                    assertTrue(pipe.stage(i) < n, p.name() + ": stage " + pipe.stage(i) + " of " + n);
                }
                int ours = slowestStage(d, pipe.stages());
                assertEquals(ours / 10.0, Pipeline.stageDelayNs(d, n), 1e-9, p.name() + " n=" + n);
                int sliced = slowestStage(d, equalLevelSlices(d, n));
                assertTrue(ours <= sliced, p.name() + " n=" + n + ": " + ours + " > " + sliced + " of equal slices");
                assertTrue(ours <= previous * 10 + 1e-9, p.name() + ": more registers made it slower at n=" + n);
                previous = ours / 10.0;
            }
            int widest = 0;
            for (int i = 0; i < nodes.size(); i++) {
                widest = Math.max(widest, new NodeDelay(nodes).of(i));
            }
            assertEquals(widest, slowestStage(d, Pipeline.of(d, Pipeline.MAX_REGISTERS).stages()), p.name()
                    + ": with registers to spare a stage holds one node's delay");
        }
    }

    /** Against every placement of keras and pytorch into 2 and 3 stages: none has a faster slowest stage. */
    @Test
    void theSlowestStageIsAsFastAsAnyPlacementAllows() {
        for (String name : new String[] {"keras", "pytorch"}) {
            Datapath d = plan(Presets.get(name));
            for (int n = 2; n <= 3; n++) {
                int best = bestOfAll(d, n, new int[d.nodes().size()], 1);
                assertEquals(best, slowestStage(d, Pipeline.of(d, n).stages()), name + " n=" + n);
            }
        }
    }

    private static int bestOfAll(Datapath d, int n, int[] stages, int i) {
        if (i == stages.length) {
            return slowestStage(d, stages);
        }
        int earliest = 0;
        for (int o : Operands.of(d.nodes().get(i))) {
            earliest = Math.max(earliest, stages[o]);
        }
        int best = Integer.MAX_VALUE;
        for (int s = earliest; s < n; s++) {
            stages[i] = s;
            best = Math.min(best, bestOfAll(d, n, stages, i + 1));
        }
        return best;
    }

    /** The slowest stage of a placement, in tenths of a ns, by the pipeline's own timing estimate. */
    private static int slowestStage(Datapath d, int[] stages) {
        return Pipeline.slowestStage(d, stages);
    }

    /** The old placement: levels 1..depth cut into n equal slices, no node before its operands. */
    private static int[] equalLevelSlices(Datapath d, int n) {
        List<Node> nodes = d.nodes();
        int[] level = new int[nodes.size()];
        int[] stages = new int[nodes.size()];
        int total = Math.max(1, Pipeline.depth(d));
        for (int i = 0; i < nodes.size(); i++) {
            for (int o : Operands.of(nodes.get(i))) {
                level[i] = Math.max(level[i], level[o]);
            }
            level[i] += nodes.get(i).depth();
            int s = level[i] == 0 ? 0 : ((level[i] - 1) * n) / total;
            for (int o : Operands.of(nodes.get(i))) {
                s = Math.max(s, stages[o]);
            }
            stages[i] = s;
        }
        return stages;
    }

    private static Datapath plan(Presets.Preset p) {
        return DatapathPlanner.plan(new Config(p.function(), QFormat.parse("Q4.12"), p.output(), p.rounding(),
                p.overflow(), 0));
    }
}
