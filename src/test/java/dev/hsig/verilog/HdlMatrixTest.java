package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.area.Implementation;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.hdl.Interface;
import dev.hsig.spec.Activation;
import dev.hsig.spec.Config;
import dev.hsig.spec.Functions;
import dev.hsig.spec.Presets;
import dev.hsig.testbench.CoreBundle;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated hardware equals the model bit for bit, in two real simulators, over a matrix that covers every
 * function of the family, every rounding mode and both overflow modes, input widths from 4 to 24 bits (the 24-bit
 * ones on sampled vectors), signed and unsigned formats, outputs that cannot hold the function's range, --terms
 * approximations, large denominators, and pipelines of 0 to 3 stages, as shift-add and as table cores. Every core is also linted with Verilator
 * -Wall and checked in Yosys: only hard-swish may have a multiplier cell, and none a divider.
 */
@Execution(ExecutionMode.CONCURRENT)
class HdlMatrixTest {
    record Case(String name, Config config, Interface iface) {
        @Override
        public String toString() {
            return name + " [" + config.options() + iface.options() + "]";
        }
    }

    static Case c(String name, String function, String in, String out, String mode, int pipeline) {
        return c(name, Presets.get(function).function(), in, out, mode, 0, pipeline);
    }

    static Case c(String name, Activation f, String in, String out, String mode, int terms, int pipeline) {
        return c(name, f, in, out, mode, Overflow.SATURATE, terms, Interface.of(pipeline));
    }

    /** A shift-add core: the matrix below was written for it, so auto may not swap in a table at small widths. */
    static Case c(String name, Activation f, String in, String out, String mode, Overflow o, int terms, Interface i) {
        return build(name, f, in, out, mode, o, terms, i, Implementation.SHIFT_ADD);
    }

    static Case build(String name, Activation f, String in, String out, String mode, Overflow o, int terms, Interface i,
            Implementation implementation) {
        return new Case(name, new Config(f, QFormat.parse(in), QFormat.parse(out), RoundingMode.parse(mode), o, terms)
                .with(implementation), i);
    }

    /** A table core. */
    static Case t(String name, String function, String in, String out, String mode, Interface i) {
        Presets.Preset p = Presets.get(function);
        return build(name, p.function(), in, out, mode, p.overflow(), 0, i, Implementation.TABLE);
    }

    static Config semantics(String semantics, String function, String in, String out) {
        return dev.hsig.spec.ModelOptions.config(java.util.Map.of("semantics", semantics, "function", function, "input",
                in, "output", out));
    }

    static Interface valid(int pipeline, int lanes, boolean ce, Interface.Reset reset) {
        return new Interface(Interface.Kind.VALID, pipeline, lanes, ce, reset, false);
    }

    static Interface axis(int pipeline, int lanes, boolean tlast) {
        return new Interface(Interface.Kind.AXIS, pipeline, lanes, false, Interface.Reset.SYNC_HIGH, tlast);
    }

    static Activation custom(String alpha, String beta) {
        return custom(alpha, beta, "0", "1");
    }

    static Activation custom(String alpha, String beta, String lo, String hi) {
        return Functions.custom(Rational.parse(alpha), Rational.parse(beta), Rational.parse(lo), Rational.parse(hi));
    }

    static Activation preset(String name) {
        return Presets.get(name).function();
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
                c("m22_keras_terms3", preset("keras"), "Q4.12", "UQ1.15", "nearest-even", 3, 0),
                c("m23_pytorch_terms2_p3", preset("pytorch"), "Q6.6", "UQ1.11", "floor", 2, 3),
                c("m24_smooth_terms1_20bit", preset("qkeras-smooth"), "Q10.10", "UQ1.15", "ceil", 1, 1),
                c("m25_custom_7_10", custom("7/10", "-1/3"), "Q4.8", "UQ1.10", "nearest-even", 0, 0),
                c("m26_custom_1_7_p1", custom("1/7", "1/2"), "Q5.7", "Q2.10", "floor", 0, 1),
                c("m27_custom_0_3", custom("0.3", "0.45"), "Q3.9", "UQ1.12", "ceil", 0, 0),
                c("m28_custom_3_1000", custom("3/1000", "0.45"), "Q9.5", "UQ1.10", "nearest-even", 0, 2),
                c("m29_custom_steep", custom("5/3", "1/2"), "Q3.5", "UQ1.7", "nearest-zero", 0, 0),
                c("m30_custom_3_1000_zero", custom("0.003", "0.45"), "Q9.5", "UQ1.10", "nearest-down", 0, 0),
                c("m31_keras_24bit_sampled", "keras", "Q8.16", "UQ1.23", "nearest-even", 2),
                c("m32_custom_45_256_ties", custom("45/256", "0.5"), "Q4.12", "UQ1.15", "nearest-even", 0, 1),
                c("m33_custom_1_1000003_wide", custom("1/1000003", "1/2"), "Q12.12", "UQ1.31", "nearest-even", 0, 2),
                // The family: hard tanh, ReLU6, hard swish (the one multiplier), PLAN, lines with lo/hi, pwl.
                c("m34_hard_tanh", "hard-tanh", "Q4.12", "Q2.14", "nearest-even", 0),
                c("m35_hard_tanh_k4_zero_p2", "hard-tanh", "Q4.12", "Q2.8", "zero", 2),
                c("m36_relu6", "relu6", "Q4.12", "UQ3.13", "nearest-even", 0),
                c("m37_relu6_narrow_p1", "relu6", "Q6.10", "UQ2.6", "nearest-away", 1),
                c("m38_hard_swish", "hard-swish", "Q4.12", "Q4.12", "nearest-even", 0),
                c("m39_hard_swish_away_p3", "hard-swish", "Q4.8", "Q3.9", "nearest-away", 3),
                c("m40_hard_swish_unsigned_out", "hard-swish", "Q4.6", "UQ3.7", "floor", 1),
                c("m41_plan", "plan", "Q4.12", "UQ1.15", "nearest-even", 0),
                c("m42_plan_ceil_p2", "plan", "Q5.7", "UQ1.9", "ceil", 2),
                c("m43_custom_lo_hi_falling", custom("-3/5", "1/4", "-1/2", "3/2"), "Q4.8", "Q2.10", "nearest-zero", 0, 0),
                c("m44_pwl", Functions.pwl("-2:0,-1/2:1/3,1:-1/4,3:2"), "Q3.9", "Q2.10", "nearest-even", 0, 1),
                c("m45_hls4ml_wrap", preset("hls4ml"), "ap_fixed<8,3>", "ap_ufixed<8,0>", "floor", Overflow.WRAP, 0,
                        Interface.of(0)),
                c("m46_keras_wrap_signed", preset("keras"), "Q4.6", "Q1.7", "nearest-even", Overflow.WRAP, 0,
                        Interface.of(1)),
                c("m47_keras_lanes_ce_p2", preset("keras"), "Q3.5", "UQ1.7", "nearest-even", Overflow.SATURATE, 0,
                        valid(2, 3, true, Interface.Reset.ASYNC_LOW)),
                // Integration: the valid options, and AXI4-Stream with lanes, tlast, odd widths and pipelines.
                c("m48_valid_ce_sync_high", preset("pytorch"), "Q4.8", "UQ1.11", "nearest-even", Overflow.SATURATE, 0,
                        valid(3, 1, true, Interface.Reset.SYNC_HIGH)),
                c("m49_valid_sync_low", preset("hard-tanh"), "Q3.7", "Q2.8", "floor", Overflow.SATURATE, 0,
                        valid(1, 2, false, Interface.Reset.SYNC_LOW)),
                c("m50_valid_async_high_ce", preset("plan"), "Q4.6", "UQ1.9", "nearest-up", Overflow.SATURATE, 0,
                        valid(2, 1, true, Interface.Reset.ASYNC_HIGH)),
                c("m51_axis_1lane_p1", preset("keras"), "Q4.12", "UQ1.15", "nearest-even", Overflow.SATURATE, 0,
                        axis(1, 1, false)),
                c("m52_axis_2lanes_tlast_p2", preset("pytorch"), "Q3.7", "UQ1.9", "ceil", Overflow.SATURATE, 0,
                        axis(2, 2, true)),
                c("m53_axis_4lanes_p3", preset("keras"), "Q4.12", "UQ1.15", "nearest-even", Overflow.SATURATE, 0,
                        axis(3, 4, false)),
                c("m54_axis_signed_3lanes_p5", preset("hard-swish"), "Q4.6", "Q3.7", "nearest-even", Overflow.SATURATE,
                        0, axis(5, 3, true)),
                c("m55_axis_unsigned_in_p2", preset("relu6"), "UQ4.4", "UQ3.5", "nearest-down", Overflow.SATURATE, 0,
                        axis(2, 2, false)),
                // Table cores: signed and unsigned index, signed output, wrap, 4,096 entries, every interface; and
                // one core as auto chooses it.
                t("t01_keras_table", "keras", "Q3.5", "UQ0.8", "nearest-even", Interface.of(0)),
                t("t02_hard_swish_table_p2", "hard-swish", "Q3.5", "Q3.5", "nearest-even", Interface.of(2)),
                t("t03_hls4ml_table_wrap", "hls4ml", "ap_fixed<8,3>", "ap_ufixed<8,0>", "floor", Interface.of(1)),
                t("t04_relu6_table_axis", "relu6", "UQ4.4", "UQ3.5", "nearest-down", axis(1, 2, true)),
                t("t05_pytorch_table_12bit", "pytorch", "Q6.6", "UQ1.11", "ceil", valid(2, 2, true,
                        Interface.Reset.ASYNC_LOW)),
                build("t06_hard_tanh_auto", preset("hard-tanh"), "Q3.5", "Q2.6", "nearest-even", Overflow.SATURATE, 0,
                        Interface.of(1), Implementation.AUTO),
                // Hybrid cores: comparators and a table of the computed region by x's low bits (signed and
                // unsigned input, a window crossing zero, pipelined with lanes).
                build("h01_hard_tanh_hybrid", preset("hard-tanh"), "Q8.8", "Q2.6", "nearest-even", Overflow.SATURATE, 0,
                        Interface.of(0), Implementation.HYBRID),
                build("h02_keras_hybrid_p2", preset("keras"), "Q6.6", "UQ1.9", "floor", Overflow.SATURATE, 0,
                        valid(2, 2, false, Interface.Reset.SYNC_HIGH), Implementation.HYBRID),
                build("h03_relu6_unsigned_hybrid", preset("relu6"), "UQ5.4", "UQ3.5", "nearest-up", Overflow.SATURATE,
                        0, Interface.of(1), Implementation.HYBRID),
                // Affine formats, as TFLite, ONNX and PyTorch quantize: the output's zero point folded into the
                // value, or (odd, under ties to even) added after rounding; an unsigned input; wrap; a table.
                c("a01_hard_swish_int8", preset("hard-swish"), "int8[scale=0.0235294,zero=-128]",
                        "int8[scale=0.0235294,zero=-128]", "nearest-even", Overflow.SATURATE, 0, valid(2, 1, false,
                                Interface.Reset.SYNC_HIGH)),
                c("a02_pytorch_odd_zero", preset("pytorch"), "int8[scale=0.05,zero=3]", "uint8[scale=1/256,zero=1]",
                        "nearest-even", Overflow.SATURATE, 0, Interface.of(0)),
                c("a03_keras_uint_in_wrap", preset("keras"), "uint6[scale=1/7,zero=31]", "int5[scale=0.03,zero=-9]",
                        "nearest-away", Overflow.WRAP, 0, Interface.of(1)),
                t("a04_hard_swish_int8_table", "hard-swish", "int8[scale=0.047,zero=-64]", "int8[scale=0.05,zero=-19]",
                        "nearest-even", axis(1, 2, false)),
                // A framework's semantics: TFLite's HARD_SWISH, which differs from correct rounding on 20 inputs.
                new Case("a05_hard_swish_tflite", semantics("tflite", "hard-swish", "int8[scale=0.03125,zero=-40]",
                        "int8[scale=0.0625,zero=-100]"), valid(2, 2, true, Interface.Reset.ASYNC_LOW)),
                new Case("a06_hardsigmoid_pytorch", semantics("pytorch", "pytorch", "uint8[scale=0.05,zero=100]",
                        "uint8[scale=0.00390625]"), Interface.of(0)),
                // The correctly rounded core patched at the 2 inputs where PyTorch differs.
                new Case("a07_hardswish_pytorch_patched", semantics("pytorch", "hard-swish", "uint8[scale=0.05,zero=128]",
                        "uint8[scale=0.05,zero=128]").with(Implementation.SHIFT_ADD), valid(1, 1, false,
                                Interface.Reset.SYNC_HIGH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void hardwareEqualsTheModelInIcarusAndVerilator(Case c) throws Exception {
        HdlTools.require("iverilog", "vvp", "verilator", "yosys");
        Datapath d = DatapathPlanner.plan(c.config);
        // Inputs up to 20 bits: every input word; wider ones: labelled corners plus seeded random vectors.
        boolean exhaustive = c.config.input().width() <= CoreBundle.EXHAUSTIVE_LIMIT_BITS;
        CoreBundle bundle = CoreBundle.build(d, c.name, c.iface, exhaustive ? 0 : CoreBundle.DEFAULT_SAMPLED_COUNT,
                CoreBundle.DEFAULT_CORE_PATH);
        long inputs = exhaustive ? c.config.input().count() : CoreBundle.DEFAULT_SAMPLED_COUNT;
        assertTrue(bundle.exhaustive() == exhaustive && bundle.vectorCount() == inputs, "vector count");
        Path dir = Simulation.write(bundle);
        // Comments and the sensitivity list "always @*" aside, no * / % may appear, but for the product of
        // hard-swish, the one multiplier any core has.
        String code = bundle.verilog().replaceAll("//[^\n]*", "").replace("@*", "")
                .replaceAll("\\[lane\\*\\d+ \\+: \\d+\\]", "[lane]"); // a lane's slice of a bus
        long stars = code.chars().filter(ch -> ch == '*').count();
        assertEquals(d.multipliers(), stars, "one '*' per multiplier node, no other");
        assertTrue(!code.contains("/") && !code.contains("%"), "no / or % may appear outside comments in the core");

        HdlTools.Result lint = HdlTools.run(dir, 120, "verilator", "--lint-only", "-Wall", c.name + ".v");
        assertEquals("", lint.output().trim(), "verilator --lint-only -Wall must report nothing");
        assertEquals(0, lint.exit());

        Simulation.assertAllPassed(Simulation.icarus(dir, c.name), "Icarus", inputs);
        Simulation.verilatorBuild(dir, c.name);
        Simulation.assertAllPassed(Simulation.verilatorRun(dir, c.name), "Verilator", inputs);

        System.out.println(c.name + ": " + YosysChecks.arithmeticCellsThenSynth(dir, c.name,
                d.multipliers() * c.iface.lanes()));
    }

    static List<Case> all() {
        return matrix().toList();
    }
}
