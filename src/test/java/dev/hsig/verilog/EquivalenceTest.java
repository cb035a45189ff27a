package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A formal proof, not a simulation: Yosys shows with a SAT solver that the generated shift-add core equals, for
 * all 2^16 inputs at once, a reference written the obvious way with {@code *}, {@code /} and {@code %}.
 * The reference is built here from the rationals alone (round half to even of (A*x + B) / L, clipped), not
 * from the datapath.
 */
class EquivalenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"keras", "pytorch", "qkeras-smooth"})
    void coreEqualsAMultiplyDivideReference(String function) throws Exception {
        HdlTools.require("yosys");
        QFormat in = QFormat.parse("Q4.12");
        QFormat out = QFormat.parse("UQ1.15");
        Config c = Config.of(HardSigmoid.preset(function), in, out, RoundingMode.NEAREST_EVEN);
        String name = "equiv_" + function.replace('-', '_');
        String core = VerilogEmitter.emit(DatapathPlanner.plan(c), name, 0, java.util.List.of("core under proof"));
        Path dir = HdlTools.workDir(name);
        Files.writeString(dir.resolve(name + ".v"), core);
        Files.writeString(dir.resolve("reference.v"), reference(c));
        String script = "read_verilog reference.v " + name + ".v; proc; memory_map; opt_clean; "
                + "miter -equiv -flatten -make_assert reference " + name + " miter; hierarchy -top miter; "
                + "sat -verify -prove-asserts -show-ports miter";
        HdlTools.Result r = HdlTools.runOk(dir, 600, "yosys", "-p", script);
        assertTrue(r.output().contains("SUCCESS!"), HdlTools.tail(r.output(), 3000));
        System.out.println(name + ": yosys sat proved the core equal to the * and / reference for every input");
    }

    /** The '*' comparison design of ./hsig synth computes the same function as the core (so the area ratio is fair). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"keras, nearest-even", "pytorch, floor", "qkeras-smooth, nearest-even",
        "qkeras-smooth, ceil", "keras, nearest-down"})
    void multiplierReferenceEqualsTheCore(String function, String mode) throws Exception {
        HdlTools.require("yosys");
        Config c = Config.of(HardSigmoid.preset(function), QFormat.parse("Q4.12"), QFormat.parse("UQ1.15"),
                RoundingMode.parse(mode));
        String name = "mulref_" + function.replace('-', '_') + "_" + mode.replace('-', '_');
        Path dir = HdlTools.workDir(name);
        Files.writeString(dir.resolve(name + ".v"), VerilogEmitter.emit(DatapathPlanner.plan(c), name, 0,
                java.util.List.of("core under proof")));
        Files.writeString(dir.resolve("mulref.v"), MultiplierReference.verilog(c, "mulref"));
        String script = "read_verilog mulref.v " + name + ".v; proc; memory_map; opt_clean; "
                + "miter -equiv -flatten -make_assert mulref " + name + " miter; hierarchy -top miter; "
                + "sat -verify -prove-asserts -show-ports miter";
        HdlTools.Result r = HdlTools.runOk(dir, 600, "yosys", "-p", script);
        assertTrue(r.output().contains("SUCCESS!"), HdlTools.tail(r.output(), 3000));
    }

    /** The proof can fail: against a reference that rounds ties up instead of to even, SAT finds an input. */
    @org.junit.jupiter.api.Test
    void aWrongReferenceIsRefuted() throws Exception {
        HdlTools.require("yosys");
        Config c = Config.of(HardSigmoid.preset("qkeras-smooth"), QFormat.parse("Q4.12"), QFormat.parse("UQ1.15"),
                RoundingMode.NEAREST_EVEN);
        String name = "equiv_refuted";
        Path dir = HdlTools.workDir(name);
        Files.writeString(dir.resolve(name + ".v"), VerilogEmitter.emit(DatapathPlanner.plan(c), name, 0,
                java.util.List.of("core under proof")));
        Files.writeString(dir.resolve("reference.v"), reference(c).replace("&& q[0]", "&& 1'b1"));
        String script = "read_verilog reference.v " + name + ".v; proc; memory_map; opt_clean; "
                + "miter -equiv -flatten -make_assert reference " + name + " miter; hierarchy -top miter; "
                + "sat -verify -prove-asserts -show-ports miter";
        HdlTools.Result r = HdlTools.run(dir, 600, "yosys", "-p", script);
        assertTrue(r.exit() != 0 && r.output().contains("proof did fail"), HdlTools.tail(r.output(), 3000));
    }

    /** y = clip(round_half_even((A*x + B) / L), 0, 2^F) with t = alpha*x*2^(F-Fin) + beta*2^F = (A*x + B)/L. */
    static String reference(Config c) {
        QFormat in = c.input();
        QFormat out = c.output();
        Rational scale = c.function().alpha().scaleByPowerOfTwo(out.fraction() - in.fraction());
        Rational offset = c.function().beta().scaleByPowerOfTwo(out.fraction());
        BigInteger l = scale.den().multiply(offset.den());
        BigInteger a = scale.num().multiply(offset.den());
        BigInteger b = offset.num().multiply(scale.den());
        int w = 48;
        long cap = Math.min(1L << out.fraction(), out.maxRaw());
        return "module reference (input wire [" + (in.width() - 1) + ":0] x, output wire [" + (out.width() - 1)
                + ":0] y);\n"
                + "    wire signed [" + (w - 1) + ":0] xs = $signed(x);\n"
                + "    wire signed [" + (w - 1) + ":0] m = xs * " + w + "'sd" + a + " + " + w + "'sd" + b + ";\n"
                + "    wire signed [" + (w - 1) + ":0] q = m / " + w + "'sd" + l + ";\n"
                + "    wire signed [" + (w - 1) + ":0] r = m % " + w + "'sd" + l + ";\n"
                + "    wire up = (2 * r > " + w + "'sd" + l + ") || (2 * r == " + w + "'sd" + l + " && q[0]);\n"
                + "    wire signed [" + (w - 1) + ":0] rounded = q + up;\n"
                + "    assign y = m < 0 ? 0 : rounded > " + cap + " ? " + cap + " : rounded;\n"
                + "endmodule\n";
    }
}
