package dev.hsig.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.Rational;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import dev.hsig.spec.ExactReference;
import dev.hsig.spec.Presets;
import org.junit.jupiter.api.Test;

/**
 * The measured error directly: it is the largest |spec output - f(x)| over every input (computed here through the
 * exact reference, not the model), it is reached at the word it names, it never exceeds the proven bound, and for
 * the correctly rounded presets the bound is tight: some input reaches it exactly.
 */
class MeasuredErrorTest {
    @Test
    void measuredErrorIsTheLargestErrorAndTheBoundIsTight() {
        for (Presets.Preset p : Presets.ALL) {
            for (String out : new String[] {null, "UQ0.16", "Q3.5"}) {
                Config c = new Config(p.function(), QFormat.parse("Q4.8"), out == null ? p.output() : QFormat.parse(out),
                        p.rounding(), p.overflow(), 0);
                Datapath d = DatapathPlanner.plan(c);
                MeasuredError e = MeasuredError.of(d);
                ExactReference spec = c.exactReference();
                Rational worst = Rational.ZERO;
                for (long x = c.input().minRaw(); x <= c.input().maxRaw(); x++) {
                    worst = worst.max(error(c, spec, x));
                }
                String what = c.options();
                assertEquals(worst, e.maxUlps(), what);
                assertEquals(worst, error(c, spec, e.atRaw()), what + ": reached at the word it names");
                assertTrue(d.errorBound().admits(worst), what + ": measured " + worst + " above " + d.errorBound());
                // Q4.8 -> any output: the computed regions span many residues, so the bound is reached exactly,
                // except under wrap, where the bound allows every wrap count in a region.
                if (c.overflow() == dev.hsig.arithmetic.Overflow.SATURATE) {
                    assertEquals(d.errorBound().ulps(), worst, what + ": the bound " + d.errorBound() + " is tight");
                }
            }
        }
    }

    private static Rational error(Config c, ExactReference spec, long x) {
        return Rational.of(spec.outputRaw(x)).subtract(spec.scaledExact(x)).abs();
    }

    @Test
    void wideInputsAreNotMeasured() {
        Config c = Config.of(Presets.get("keras").function(), QFormat.parse("Q8.9"), QFormat.parse("UQ1.15"),
                dev.hsig.arithmetic.RoundingMode.NEAREST_EVEN);
        assertNull(MeasuredError.of(DatapathPlanner.plan(c)));
    }
}
