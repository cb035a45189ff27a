package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;
import dev.hsig.testbench.CoreBundle;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated hardware equals the model bit for bit, in two real simulators, over a matrix that covers every
 * preset, every rounding mode, input widths from 4 to 20 bits, signed and unsigned formats, outputs that cannot
 * hold 1.0, --terms approximations, large denominators, and pipelines of 0 to 3 stages. Every core is also
 * linted with Verilator -Wall and checked in Yosys for multiplier or divider cells.
 */
class HdlMatrixTest {
    record Case(String name, Config config, int pipeline) {
        @Override
        public String toString() {
            return name + " [" + config.options() + " --pipeline " + pipeline + "]";
        }
    }

    static Case c(String name, String function, String in, String out, String mode, int pipeline) {
        return c(name, HardSigmoid.preset(function), in, out, mode, 0, pipeline);
    }

    static Case c(String name, HardSigmoid f, String in, String out, String mode, int terms, int pipeline) {
        return new Case(name, new Config(f, QFormat.parse(in), QFormat.parse(out), RoundingMode.parse(mode), terms),
                pipeline);
    }

    static HardSigmoid custom(String alpha, String beta) {
        return HardSigmoid.custom(Rational.parse(alpha), Rational.parse(beta));
    }

    static Stream<Case> matrix() {
        return Stream.of(
                c("m01_keras", "keras", "Q4.12", "UQ1.15", "nearest-even", 0),
                c("m02_keras_p3", "keras", "Q4.12", "UQ1.15", "nearest-even", 3),
                c("m03_keras_floor", "keras", "Q4.12", "UQ1.15", "floor", 0),
                c("m04_keras_ceil", "keras", "Q4.12", "UQ1.15", "ceil", 1),
                c("m05_keras_nup", "keras", "Q4.12", "UQ1.15", "nearest-up", 0),
                c("m06_keras_ndown", "keras", "Q4.12", "UQ1.15", "nearest-down", 0),
                c("m07_keras_4bit", "keras", "Q2.2", "UQ1.3", "nearest-zero", 0),
                c("m08_keras_20bit", "keras", "Q5.15", "UQ1.15", "nearest-even", 1),
                c("m09_keras_k5", "keras", "Q4.12", "UQ1.7", "nearest-even", 0),
                c("m10_keras_k5_p1", "keras", "Q4.12", "UQ1.7", "nearest-up", 1),
                c("m11_pytorch_floor", "pytorch", "Q4.12", "UQ1.15", "floor", 0),
                c("m12_pytorch_signed_out", "pytorch", "Q8.8", "Q2.14", "ceil", 1),
                c("m13_pytorch_uq0_16", "pytorch", "Q4.12", "UQ0.16", "nearest-away", 0),
                c("m14_pytorch_p3", "pytorch", "Q3.13", "UQ1.15", "nearest-even", 3),
                c("m15_pytorch_k1", "pytorch", "Q8.8", "UQ1.7", "ceil", 0),
                c("m16_courbariaux", "courbariaux", "Q3.5", "UQ1.7", "zero", 0),
                c("m17_courbariaux_q1_15", "courbariaux", "Q4.12", "Q1.15", "nearest-even", 2),
                c("m18_quarter_unsigned_in", "quarter", "UQ4.4", "UQ1.7", "nearest-up", 0),
                c("m19_quarter_uq0_4", "quarter", "Q1.3", "UQ0.4", "nearest-even", 0),
                c("m20_qkeras_smooth", "qkeras-smooth", "Q4.12", "UQ1.15", "nearest-down", 1),
                c("m21_keras_unsigned_16", "keras", "UQ4.12", "UQ1.15", "nearest-even", 0),
                c("m22_keras_terms3", HardSigmoid.preset("keras"), "Q4.12", "UQ1.15", "nearest-even", 3, 0),
                c("m23_pytorch_terms2_p3", HardSigmoid.preset("pytorch"), "Q6.6", "UQ1.11", "floor", 2, 3),
                c("m24_smooth_terms1_20bit", HardSigmoid.preset("qkeras-smooth"), "Q10.10", "UQ1.15", "ceil", 1, 1),
                c("m25_custom_7_10", custom("7/10", "-1/3"), "Q4.8", "UQ1.10", "nearest-even", 0, 0),
                c("m26_custom_1_7_p1", custom("1/7", "1/2"), "Q5.7", "Q2.10", "floor", 0, 1),
                c("m27_custom_0_3", custom("0.3", "0.45"), "Q3.9", "UQ1.12", "ceil", 0, 0),
                c("m28_custom_3_1000", custom("3/1000", "0.45"), "Q9.5", "UQ1.10", "nearest-even", 0, 2),
                c("m29_custom_steep", custom("5/3", "1/2"), "Q3.5", "UQ1.7", "nearest-zero", 0, 0),
                c("m30_custom_3_1000_zero", custom("0.003", "0.45"), "Q9.5", "UQ1.10", "nearest-down", 0, 0),
                c("m31_keras_24bit_sampled", "keras", "Q8.16", "UQ1.23", "nearest-even", 2),
                c("m32_custom_45_256_ties", custom("45/256", "0.5"), "Q4.12", "UQ1.15", "nearest-even", 0, 1),
                c("m33_custom_1_1000003_wide", custom("1/1000003", "1/2"), "Q12.12", "UQ1.31", "nearest-even", 0, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void hardwareEqualsTheModelInIcarusAndVerilator(Case c) throws Exception {
        HdlTools.require("iverilog", "vvp", "verilator", "yosys");
        Datapath d = DatapathPlanner.plan(c.config);
        // Inputs up to 20 bits: every input word; wider ones: labelled corners plus seeded random vectors.
        boolean exhaustive = c.config.input().width() <= CoreBundle.EXHAUSTIVE_LIMIT_BITS;
        CoreBundle bundle = CoreBundle.build(d, c.name, c.pipeline, exhaustive ? 0 : CoreBundle.DEFAULT_SAMPLED_COUNT);
        long inputs = exhaustive ? c.config.input().count() : CoreBundle.DEFAULT_SAMPLED_COUNT;
        assertTrue(bundle.exhaustive() == exhaustive && bundle.vectorCount() == inputs, "vector count");
        Path dir = Simulation.write(bundle);
        // Comments and the sensitivity list "always @*" aside, no * / % may appear: the core has no multiplier.
        String code = bundle.verilog().replaceAll("//[^\n]*", "").replace("@*", "");
        assertTrue(!code.contains("*") && !code.contains("/") && !code.contains("%"),
                "no *, /, % or ** may appear outside comments in the core");

        HdlTools.Result lint = HdlTools.run(dir, 120, "verilator", "--lint-only", "-Wall", c.name + ".v");
        assertEquals("", lint.output().trim(), "verilator --lint-only -Wall must report nothing");
        assertEquals(0, lint.exit());

        Simulation.assertAllPassed(Simulation.icarus(dir, c.name), "Icarus", inputs);
        Simulation.verilatorBuild(dir, c.name);
        Simulation.assertAllPassed(Simulation.verilatorRun(dir, c.name), "Verilator", inputs);

        System.out.println(c.name + ": " + YosysChecks.noArithmeticCellsThenSynth(dir, c.name));
    }

    static List<Case> all() {
        return matrix().toList();
    }
}
