package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.ExactReference;
import dev.hsig.function.HardSigmoid;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every input of every preset in every rounding mode, for a few formats up to 16 bits: model == specification. */
class ExhaustiveModelTest {
    static Stream<Config> configs() {
        List<QFormat[]> pairs = List.of(
                new QFormat[] {QFormat.parse("Q4.12"), QFormat.parse("UQ1.15")},
                new QFormat[] {QFormat.parse("Q3.5"), QFormat.parse("UQ1.7")},
                new QFormat[] {QFormat.parse("UQ4.4"), QFormat.parse("Q2.6")},
                new QFormat[] {QFormat.parse("Q6.4"), QFormat.parse("UQ0.8")},
                new QFormat[] {QFormat.parse("Q2.10"), QFormat.parse("UQ1.4")});
        List<Config> out = new ArrayList<>();
        for (QFormat[] p : pairs) {
            for (HardSigmoid f : HardSigmoid.PRESETS) {
                for (RoundingMode m : RoundingMode.values()) {
                    out.add(Config.of(f, p[0], p[1], m));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void everyInputMatchesTheSpecification(Config config) {
        Datapath datapath = DatapathPlanner.plan(config);
        ExactReference spec = config.exactReference();
        QFormat in = config.input();
        for (long x = in.minRaw(); x <= in.maxRaw(); x++) {
            long expected = spec.outputRaw(x);
            long got = datapath.evaluate(x);
            if (expected != got) {
                assertEquals(expected, got, "x_raw=" + x + " (0x" + Long.toHexString(in.toBits(x)) + ", x="
                        + in.value(x).toDecimalString() + ") for " + config.options() + "; datapath: "
                        + datapath.realization());
            }
        }
    }
}
