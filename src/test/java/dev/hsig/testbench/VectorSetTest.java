package dev.hsig.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import dev.hsig.spec.ExactReference;
import dev.hsig.spec.Presets;
import org.junit.jupiter.api.Test;

class VectorSetTest {
    /** Every vector labelled a rounding tie is one: f(x) * 2^F lies exactly half-way, by exact rationals. */
    @Test
    void tieLabelsAreTies() {
        int ties = 0;
        for (String f : new String[] {"qkeras-smooth", "plan", "hard-swish", "hls4ml"}) {
            Config c = new Config(Presets.get(f).function(), QFormat.parse("Q4.12"), QFormat.parse("Q2.9"),
                    RoundingMode.NEAREST_EVEN, Presets.get(f).overflow(), 0);
            Datapath d = DatapathPlanner.plan(c);
            Vectors v = VectorSet.sampled(d, 200, 3);
            ExactReference spec = c.exactReference();
            for (int i = 0; i < v.size(); i++) {
                assertEquals(spec.outputRaw(v.x()[i]), v.y()[i], "expected outputs are the spec's");
                if ("rounding tie".equals(v.label(i))) {
                    Rational t = spec.scaledExact(v.x()[i]);
                    assertEquals(Rational.HALF, t.subtract(Rational.of(t.floor())), f + " x=" + v.x()[i]);
                    ties++;
                }
            }
        }
        assertTrue(ties > 4, "ties found: " + ties);
    }

    @Test
    void exactlyTheCountAskedFor() {
        Datapath d = DatapathPlanner.plan(Config.of(Presets.get("plan").function(), QFormat.parse("Q4.12"),
                QFormat.parse("UQ1.15"), RoundingMode.NEAREST_EVEN));
        int corners = VectorSet.corners(d).size();
        for (long n : new long[] {1, corners - 1, corners, corners + 1, 5000}) {
            Vectors v = VectorSet.sampled(d, n, 1);
            assertEquals(n, v.size());
            assertEquals(n > corners ? "random" : VectorSet.corners(d).values().toArray()[(int) n - 1], v.label((int) n - 1));
        }
    }
}
