package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                    out.add(new Config(p.function(), pair[0], pair[1], m, p.overflow(), 0));
                }
            }
        }
        return out.stream();
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
