package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.reference.DivisionReference;
import dev.hsig.reference.MultiplierReference;
import dev.hsig.spec.Config;
import dev.hsig.spec.Functions;
import dev.hsig.spec.Presets;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Formal proofs, not simulations: Yosys shows with a SAT solver that a generated shift-add core equals, for all
 * 2^16 inputs at once (2^12 for hard-swish), a reference written the obvious way with {@code *}, {@code /} and
 * {@code %}.
 */
@Execution(ExecutionMode.CONCURRENT)
class EquivalenceTest {
    /** The hard sigmoids against a reference built here from the rationals alone (ties to even, clipped). */
    @ParameterizedTest
    @ValueSource(strings = {"keras", "pytorch", "qkeras-smooth"})
    void coreEqualsAMultiplyDivideReference(String function) throws Exception {
        Config c = config(function, "UQ1.15", RoundingMode.NEAREST_EVEN);
        assertProved(c, "equiv_" + function.replace('-', '_'), reference(c), "reference");
    }

    /** The rest of the family against the division reference written from the specification. */
    @ParameterizedTest
    @CsvSource({"hard-tanh, Q2.14, nearest-even", "hard-swish, Q4.8, nearest-even", "plan, UQ1.15, nearest-even",
        "hard-swish, Q3.9, nearest-away", "relu6, UQ3.13, floor"})
    void familyEqualsTheDivisionReference(String function, String out, String mode) throws Exception {
        Config c = config(function, out, RoundingMode.parse(mode));
        assertProved(c, "family_" + function.replace('-', '_') + "_" + mode.replace('-', '_'),
                DivisionReference.verilog(c, "divref"), "divref");
    }

    @Test
    void aPiecewiseLinearCoreEqualsTheDivisionReference() throws Exception {
        Config c = Config.of(Functions.pwl("-2:0,-1/2:1/3,1:-1/4,3:2"), QFormat.parse("Q4.12"), QFormat.parse("Q2.14"),
                RoundingMode.NEAREST_EVEN);
        assertProved(c, "family_pwl", DivisionReference.verilog(c, "divref"), "divref");
    }

    /** The '*' comparison design of ./hsig synth computes the same function as the core (so the area ratio is fair). */
    @ParameterizedTest
    @CsvSource({"keras, UQ1.15, nearest-even", "pytorch, UQ1.15, floor", "qkeras-smooth, UQ1.15, ceil",
        "keras, UQ1.15, nearest-down", "hard-swish, Q4.8, nearest-even", "plan, UQ1.15, nearest-even",
        "hard-tanh, Q2.14, nearest-away", "hls4ml, Q6.10, floor"})
    void multiplierReferenceEqualsTheCore(String function, String out, String mode) throws Exception {
        Config c = config(function, out, RoundingMode.parse(mode));
        assertProved(c, "mulref_" + function.replace('-', '_') + "_" + mode.replace('-', '_'),
                MultiplierReference.verilog(c, "mulref"), "mulref");
    }

    /** The proof can fail: against a reference that rounds ties up instead of to even, SAT finds an input. */
    @Test
    void aWrongReferenceIsRefuted() throws Exception {
        HdlTools.require("yosys");
        Config c = config("qkeras-smooth", "UQ1.15", RoundingMode.NEAREST_EVEN);
        Path dir = write(c, "equiv_refuted", reference(c).replace("&& q[0]", "&& 1'b1"));
        HdlTools.Result r = HdlTools.run(dir, 600, "yosys", "-p", script("reference", "equiv_refuted"));
        assertTrue(r.exit() != 0 && r.output().contains("proof did fail"), HdlTools.tail(r.output(), 3000));
    }

    /**
     * Q4.12 in, but hard-swish at Q4.8: a SAT proof through its square takes 25 to 42 s at 16 bits (the suite's
     * slowest equivalences) and a few at 12; ProveTest and the HDL matrix hold its 16-bit cores.
     */
    static Config config(String function, String out, RoundingMode m) {
        Presets.Preset p = Presets.get(function);
        String in = function.equals("hard-swish") ? "Q4.8" : "Q4.12";
        return new Config(p.function(), QFormat.parse(in), QFormat.parse(out), m, p.overflow(), 0);
    }

    static void assertProved(Config c, String name, String referenceText, String referenceTop) throws Exception {
        HdlTools.require("yosys");
        Path dir = write(c, name, referenceText);
        HdlTools.Result r = HdlTools.runOk(dir, 600, "yosys", "-p", script(referenceTop, name));
        assertTrue(r.output().contains("SUCCESS!"), HdlTools.tail(r.output(), 3000));
        System.out.println(name + ": yosys sat proved the core equal to " + referenceTop + " for every input");
    }

    static Path write(Config c, String name, String referenceText) throws Exception {
        Path dir = HdlTools.workDir(name);
        Files.writeString(dir.resolve(name + ".v"), ModulePrinter.emit(DatapathPlanner.plan(c), name, 0,
                List.of("core under proof")));
        Files.writeString(dir.resolve("reference.v"), referenceText);
        return dir;
    }

    /** One miter of the reference and the core, and a SAT proof that their outputs never differ. */
    static String script(String referenceTop, String core) {
        return "read_verilog reference.v " + core + ".v; proc; memory_map; opt_clean; "
                + "miter -equiv -flatten -make_assert " + referenceTop + " " + core + " miter; hierarchy -top miter; "
                + "sat -verify -prove-asserts -show-ports miter";
    }

    /** y = clip(round_half_even((A*x + B) / L), 0, 2^F) with t = alpha*x*2^(F-Fin) + beta*2^F = (A*x + B)/L. */
    static String reference(Config c) {
        QFormat in = c.input();
        QFormat out = c.output();
        Rational alpha = c.function().line().orElseThrow().alpha();
        Rational beta = c.function().line().orElseThrow().beta();
        Rational scale = alpha.scaleByPowerOfTwo(out.fraction() - in.fraction());
        Rational offset = beta.scaleByPowerOfTwo(out.fraction());
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
