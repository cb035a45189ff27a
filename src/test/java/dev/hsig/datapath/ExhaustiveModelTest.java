package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hsig.area.Implementation;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.model.BatchModel;
import dev.hsig.spec.Config;
import dev.hsig.spec.IntegerReference;
import dev.hsig.spec.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input of every preset in every rounding mode, for a few formats up to 16 bits (and each preset's own
 * output format): model == specification. The specification here is the 64-bit integer reference, which a
 * property checks against the exact rational one.
 */
class ExhaustiveModelTest {
    static Stream<Config> configs() {
        List<QFormat[]> pairs = List.of(
                new QFormat[] {QFormat.parse("Q4.12"), QFormat.parse("UQ1.15")},
                new QFormat[] {QFormat.parse("Q3.5"), QFormat.parse("UQ1.7")},
                new QFormat[] {QFormat.parse("UQ4.4"), QFormat.parse("Q2.6")},
                new QFormat[] {QFormat.parse("Q6.4"), QFormat.parse("Q3.5")},
                new QFormat[] {QFormat.parse("Q2.10"), QFormat.parse("UQ1.4")});
        List<Config> out = new ArrayList<>();
        for (Presets.Preset p : Presets.ALL) {
            for (RoundingMode m : RoundingMode.values()) {
                out.add(new Config(p.function(), QFormat.parse("Q4.12"), p.output(), m, p.overflow(), 0));
                for (QFormat[] pair : pairs) {
                    Config c = new Config(p.function(), pair[0], pair[1], m, p.overflow(), 0);
                    // Below the table limit both builds, whichever auto would pick.
                    out.add(pair[0].width() <= Implementation.MAX_TABLE_INPUT_BITS ? c.with(Implementation.SHIFT_ADD) : c);
                    if (pair[0].width() <= Implementation.MAX_TABLE_INPUT_BITS) {
                        out.add(c.with(Implementation.TABLE));
                    }
                }
            }
        }
        return out.stream();
    }

    /**
     * Lines whose numerator is lifted to stay non-negative, with negative outputs, in every mode: found by the
     * properties, an odd lift turned ties-to-even into ties-to-odd (alpha 1/3, lo -1, hi 0, Q2.2 -> Q5.1 at x = -3/4
     * gave -1/2 for the tie at -1/2 * 1/2). Checked here against the exact rational reference, every input.
     */
    static Stream<Config> liftedLines() {
        List<Config> out = new ArrayList<>();
        for (String alpha : new String[] {"1/3", "-1/3", "1/5", "2/3", "-3/7"}) {
            for (String beta : new String[] {"0", "-1/4", "1/8"}) {
                for (String[] f : new String[][] {{"Q2.2", "Q5.1"}, {"Q3.3", "Q3.1"}, {"Q4.4", "Q4.2"}, {"UQ2.3", "Q3.2"}}) {
                    for (RoundingMode m : RoundingMode.values()) {
                        out.add(dev.hsig.spec.ModelOptions.config(java.util.Map.of("function", "custom", "alpha", alpha,
                                "beta", beta, "lo", "-1", "hi", "0", "input", f[0], "output", f[1], "rounding",
                                m.cliName())));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("liftedLines")
    void liftedLinesMatchTheExactSpecification(Config config) {
        Datapath datapath = DatapathPlanner.plan(config);
        ScalarModelAccess model = new ScalarModelAccess(datapath);
        QFormat in = config.input();
        for (long x = in.minRaw(); x <= in.maxRaw(); x++) {
            assertEquals(config.exactReference().outputRaw(x), model.evaluate(x), "x_raw=" + x + " for "
                    + config.options() + "; datapath: " + datapath.realization());
        }
    }

    /**
     * Where the shift-add words would pass 62 bits (a wild rational slope), auto builds the table instead of failing,
     * and it is exact on every input; at 32 bits, with no table allowed, it is still one clear refusal.
     */
    @org.junit.jupiter.api.Test
    void autoBuildsATableWhereTheShiftAddWordsWouldNotFit() {
        java.util.Map<String, String> o = new java.util.HashMap<>(java.util.Map.of("function", "custom", "alpha",
                "123456789012345/987654321098767", "beta", "1/3", "input", "Q6.6", "output", "UQ1.31"));
        Config config = dev.hsig.spec.ModelOptions.config(o);
        org.junit.jupiter.api.Assertions.assertThrows(dev.hsig.InvalidInputException.class,
                () -> DatapathPlanner.plan(config.with(Implementation.SHIFT_ADD)));
        Datapath d = DatapathPlanner.plan(config);
        // A table, or the hybrid's table of the computed region, whichever the estimate finds smaller.
        org.junit.jupiter.api.Assertions.assertTrue(d.build().implementation() == Implementation.TABLE
                || d.build().implementation() == Implementation.HYBRID, d.build().toString());
        org.junit.jupiter.api.Assertions.assertTrue(d.build().why().contains("the shift-add core cannot be"
                + " built: this configuration needs internal words wider than 62 bits"), d.build().why());
        ScalarModelAccess model = new ScalarModelAccess(d);
        for (long x = config.input().minRaw(); x <= config.input().maxRaw(); x++) {
            assertEquals(config.exactReference().outputRaw(x), model.evaluate(x), "x_raw=" + x);
        }
        o.put("input", "Q16.16");
        org.junit.jupiter.api.Assertions.assertThrows(dev.hsig.InvalidInputException.class,
                () -> DatapathPlanner.plan(dev.hsig.spec.ModelOptions.config(o)));
    }

    /** The scalar model, the reference semantics of the nodes. */
    record ScalarModelAccess(Datapath d) {
        long evaluate(long x) {
            return new dev.hsig.model.ScalarModel(d).evaluate(x);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void everyInputMatchesTheSpecification(Config config) {
        Datapath datapath = DatapathPlanner.plan(config);
        IntegerReference spec = IntegerReference.of(config).orElseThrow();
        QFormat in = config.input();
        long[] x = new long[(int) in.count()];
        for (int i = 0; i < x.length; i++) {
            x[i] = in.minRaw() + i;
        }
        long[] y = new long[x.length];
        BatchModel.interpreted(datapath).evaluate(x, y);
        expectSpecification(config, datapath, spec, x, y);
        boolean lookup = datapath.build().implementation() == Implementation.TABLE && config.rounding()
                == RoundingMode.NEAREST_EVEN;
        if (in.width() == 16 || lookup) {
            // The compiled kernel too (it folds shift-add chains into multiplies, and tables into arithmetic or, for
            // a whole-function table, a lookup).
            BatchModel.compiled(datapath).evaluate(x, y);
            expectSpecification(config, datapath, spec, x, y);
        }
    }

    private static void expectSpecification(Config config, Datapath datapath, IntegerReference spec, long[] x,
            long[] y) {
        QFormat in = config.input();
        for (int i = 0; i < x.length; i++) {
            long expected = spec.outputRaw(x[i]);
            if (expected != y[i]) {
                assertEquals(expected, y[i], "x_raw=" + x[i] + " (0x" + Long.toHexString(in.toBits(x[i])) + ", x="
                        + in.value(x[i]).toDecimalString() + ") for " + config.options() + "; datapath: "
                        + datapath.realization());
            }
        }
    }
}
