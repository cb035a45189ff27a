package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import dev.hsig.spec.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Register placement: for every preset and every pipeline depth from 1 to the logic depth, each stage holds at
 * most the promised number of levels, stages never run backwards along an edge, and the output sits in the last
 * stage, so the latency is exactly N.
 */
class PipelineTest {
    @Test
    void stagesAreBalancedAndTheLatencyIsExact() {
        for (Presets.Preset p : Presets.ALL) {
            Config c = new Config(p.function(), QFormat.parse("Q4.12"), p.output(), p.rounding(), p.overflow(), 0);
            Datapath d = DatapathPlanner.plan(c);
            int depth = Pipeline.depth(d);
            List<Node> nodes = d.nodes();
            int[] level = new int[nodes.size()];
            for (int i = 0; i < nodes.size(); i++) {
                for (int o : Operands.of(nodes.get(i))) {
                    level[i] = Math.max(level[i], level[o]);
                }
                level[i] += nodes.get(i).depth();
            }
            assertEquals(level[nodes.size() - 1], depth, p.name());
            for (int n = 1; n <= depth; n++) {
                Pipeline pipe = Pipeline.of(d, n);
                int bound = Pipeline.levelsPerStage(d, n);
                // Equal slices of the levels: no stage may hold more than ceil(depth / n) levels of logic.
                assertTrue(bound <= (depth + n - 1) / n + 1, p.name() + " n=" + n + ": " + bound + " levels in a stage");
                for (int i = 0; i < nodes.size(); i++) {
                    for (int o : Operands.of(nodes.get(i))) {
                        assertTrue(pipe.stage(o) <= pipe.stage(i), p.name() + ": an operand in a later stage");
                    }
                    assertTrue(pipe.stage(i) < n, p.name() + ": stage " + pipe.stage(i) + " of " + n);
                }
                // N registers: the last stage's value is registered once more at the output.
                assertEquals(n - 1, pipe.stage(nodes.size() - 1), p.name() + " n=" + n);
                int[] start = new int[n];
                int[] end = new int[n];
                java.util.Arrays.fill(start, Integer.MAX_VALUE);
                for (int i = 0; i < nodes.size(); i++) {
                    int s = pipe.stage(i);
                    start[s] = Math.min(start[s], level[i] - nodes.get(i).depth());
                    end[s] = Math.max(end[s], level[i]);
                }
                for (int s = 0; s < n; s++) {
                    if (start[s] != Integer.MAX_VALUE) {
                        assertTrue(end[s] - start[s] <= bound, p.name() + " n=" + n + " stage " + s);
                    }
                }
            }
            assertTrue(Pipeline.levelsPerStage(d, Math.max(1, depth)) <= 2, p.name()
                    + ": at full depth a stage holds one node (a multiplier counts two levels)");
        }
    }
}
