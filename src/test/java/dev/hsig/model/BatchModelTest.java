package dev.hsig.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.datapath.Generators;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import dev.hsig.spec.IntegerReference;
import dev.hsig.spec.Presets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The examples of BatchModelProperties, apart so that each engine's run has a class (and a surefire report) of its own. */
class BatchModelTest {
    /**
     * Datapaths with words over 31 bits run the kernel printed over long words: hard-swish (its product) on every
     * input of Q4.12, and 32-bit keras, pytorch, PLAN and hls4ml on random inputs and the format's extremes, equal
     * the scalar model through both APIs.
     */
    @Test
    void theLongWordKernelEqualsScalar() {
        String[][] cases = {{"hard-swish", "Q4.12", "Q4.12"}, {"hard-swish", "Q6.18", "Q6.18"},
            {"keras", "Q16.16", "UQ1.31"}, {"pytorch", "Q16.16", "UQ1.31"}, {"plan", "Q16.16", "UQ1.31"},
            {"hls4ml", "Q12.12", "Q8.24"}};
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (String[] k : cases) {
            Datapath d = DatapathPlanner.plan(dev.hsig.spec.ModelOptions.config(java.util.Map.of("function", k[0],
                    "input", k[1], "output", k[2])));
            BatchModel m = BatchModel.compiled(d);
            assertTrue(!m.vectorizable() && m.isCompiled(), String.join(" ", k) + ": the long-word kernel");
            QFormat in = d.config().input();
            int n = in.width() <= 16 ? (int) in.count() : 200_000;
            long[] x = new long[n];
            for (int i = 0; i < n; i++) {
                x[i] = in.width() <= 16 ? in.minRaw() + i : in.minRaw() + random.nextLong(in.count());
            }
            x[0] = in.minRaw();
            x[n - 1] = in.maxRaw();
            long[] y = new long[n];
            m.evaluate(x, y);
            ScalarModel scalar = new ScalarModel(d);
            for (int i = 0; i < n; i++) {
                assertEquals(scalar.evaluate(x[i]), y[i], String.join(" ", k) + " x_raw=" + x[i]);
            }
            if (in.width() <= 31 && d.config().output().width() <= 31) {
                int[] xi = java.util.Arrays.stream(x).mapToInt(v -> (int) v).toArray();
                int[] yi = new int[n];
                m.evaluate(xi, yi);
                for (int i = 0; i < n; i++) {
                    assertEquals(y[i], yi[i], String.join(" ", k) + " int[] x_raw=" + x[i]);
                }
            }
        }
    }

    /** Raw words outside the input format are refused, by index and value, in both APIs and both forms. */
    @Test
    void wordsOutsideTheInputFormatAreRefused() {
        Config c = Config.of(Presets.get("keras").function(), QFormat.parse("Q3.5"), QFormat.parse("UQ1.7"),
                RoundingMode.NEAREST_EVEN);
        Datapath d = DatapathPlanner.plan(c);
        for (BatchModel m : new BatchModel[] {BatchModel.interpreted(d), BatchModel.compiled(d)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.evaluate(new int[] {0, 160}, new int[2]));
            assertTrue(e.getMessage().contains("160") && e.getMessage().contains("index 1")
                    && e.getMessage().contains("Q3.5"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> m.evaluate(new long[] {-129}, new long[1]));
        }
        // The edges of a signed and an unsigned format, in the compiled kernel's range check and the interpreted one.
        for (String format : new String[] {"Q3.5", "UQ2.6", "Q1.30", "UQ0.31"}) {
            QFormat in = QFormat.parse(format);
            Datapath dd = DatapathPlanner.plan(Config.of(Presets.get("keras").function(), in, QFormat.parse("UQ1.7"),
                    RoundingMode.NEAREST_EVEN));
            for (BatchModel m : new BatchModel[] {BatchModel.interpreted(dd), BatchModel.compiled(dd)}) {
                m.evaluate(new int[] {(int) in.minRaw(), (int) in.maxRaw(), 0}, new int[3]);
                m.evaluate(new long[] {in.minRaw(), in.maxRaw(), 0}, new long[3]);
                for (long outside : new long[] {in.minRaw() - 1, in.maxRaw() + 1}) {
                    if (outside >= Integer.MIN_VALUE && outside <= Integer.MAX_VALUE) {
                        assertThrows(IllegalArgumentException.class, () -> m.evaluate(new int[] {0, (int) outside},
                                new int[2]), format + " " + outside);
                    }
                    assertThrows(IllegalArgumentException.class, () -> m.evaluate(new long[] {outside, 0}, new long[2]),
                            format + " " + outside);
                }
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScalarModel(d).evaluate(128));
        assertTrue(e.getMessage().contains("128") && e.getMessage().contains("-128 to 127"), e.getMessage());
    }

    @Test
    void exhaustiveCheckFindsNothingForPresetsAndSomethingForABrokenModel() {
        for (Presets.Preset p : Presets.ALL) {
            Config c = new Config(p.function(), QFormat.parse("Q4.12"), p.output(), p.rounding(), p.overflow(), 0);
            Datapath d = DatapathPlanner.plan(c);
            assertEquals(0, ExhaustiveCheck.run(d, IntegerReference.of(c).orElseThrow()).mismatches(), p.name());
        }
        Config keras = Config.of(Presets.get("keras").function(), QFormat.parse("Q4.12"), QFormat.parse("UQ1.15"),
                RoundingMode.NEAREST_EVEN);
        Config floor = Config.of(Presets.get("keras").function(), QFormat.parse("Q4.12"), QFormat.parse("UQ1.15"),
                RoundingMode.FLOOR);
        ExhaustiveCheck.Result r = ExhaustiveCheck.run(DatapathPlanner.plan(floor), IntegerReference.of(keras).orElseThrow());
        // On the 20480 linear inputs 8x/5 has fraction 0, .2, .4, .6 or .8 equally often; floor differs from
        // nearest on .6 and .8: 2/5 of them.
        assertEquals(8192, r.mismatches(), "a floor datapath against a nearest-even reference: " + r);
    }

    @Test
    void affineTablesAreRefusedForNonMonotoneTables() {
        assertEquals(null, AffineTable.find(new int[] {0, 2, 1, 3}));
    }
}
