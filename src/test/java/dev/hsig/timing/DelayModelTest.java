package dev.hsig.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.cli.Cli;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.datapath.Pipeline;
import dev.hsig.spec.Config;
import dev.hsig.spec.ModelOptions;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Frequency-directed pipelining: the fewest stages the model predicts, and one line when none will do. */
class DelayModelTest {
    static final DelayModel M = DelayModel.ICE40_HX8K;

    @Test
    void thePeriodGrowsWithTheStageDelayAndHasAFloor() {
        assertEquals(M.floorNs(), M.periodNs(0), 1e-9, "no logic is the wrapper's own floor");
        for (int tenths = 1; tenths < 300; tenths++) {
            assertTrue(M.periodNs(tenths / 10.0) >= M.periodNs((tenths - 1) / 10.0));
            assertEquals(1000.0 / M.periodNs(tenths / 10.0), M.predictedMhz(tenths / 10.0), 1e-9);
        }
        assertTrue(M.periodNs(20) > M.periodNs(10), "a slower stage must give a longer period");
    }

    /** For every preset and many targets: the chosen count meets the target, and no smaller count does. */
    @Test
    void theChoiceIsTheFewestStagesThatMeetTheTarget() {
        for (String f : new String[] {"keras", "pytorch", "courbariaux", "qkeras-smooth", "plan", "hard-swish"}) {
            Datapath d = DatapathPlanner.plan(ModelOptions.config(Map.of("function", f)));
            for (int mhz = 20; mhz <= 240; mhz += 5) {
                OptionalInt s = M.stagesFor(d, mhz);
                for (int p = 0; p < (s.isPresent() ? s.getAsInt() : Pipeline.depth(d) + 1); p++) {
                    assertTrue(M.predictedMhz(Pipeline.stageDelayNs(d, p)) < mhz,
                            f + " " + mhz + " MHz: " + p + " stages would do");
                }
                if (s.isPresent()) {
                    assertTrue(M.predictedMhz(Pipeline.stageDelayNs(d, s.getAsInt())) >= mhz);
                }
            }
        }
    }

    @Test
    void theCommandLineTakesATargetAndSaysWhenItCannotBeMet() {
        Config keras = ModelOptions.config(Map.of("function", "keras"));
        Datapath d = DatapathPlanner.plan(keras);
        Cli.Result r = Cli.run("report", "--function", "keras", "--target-mhz", "100", "--format", "json");
        assertEquals(0, r.status(), r.err());
        int expected = M.stagesFor(d, 100).getAsInt();
        assertTrue(r.out().contains("\"stages\": " + expected), r.out());

        Cli.Result limit = Cli.run("report", "--function", "keras", "--target-mhz", "400");
        assertEquals(2, limit.status());
        assertEquals(1, limit.err().lines().count(), limit.err());
        int best = M.bestStages(d);
        assertTrue(limit.err().startsWith("hsig: error: --target-mhz '400' cannot be met on iCE40-HX8K: the delay model"
                + " predicts at best " + String.format(java.util.Locale.ROOT, "%.1f", M.predictedMhz(d, best))
                + " MHz, with " + best + " stages"), limit.err());

        Cli.Result both = Cli.run("generate", "--function", "keras", "--target-mhz", "100", "--pipeline", "2");
        assertEquals(2, both.status(), both.err());
        assertTrue(both.err().contains("both choose the stage count"), both.err());
        Cli.Result bad = Cli.run("report", "--function", "keras", "--target-mhz", "fast");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--target-mhz 'fast' is not valid"), bad.err());
    }
}
