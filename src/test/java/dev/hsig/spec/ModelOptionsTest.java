package dev.hsig.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Option strings to configurations: defaults per function, ap_fixed types, and the combinations refused. */
class ModelOptionsTest {
    static Config config(String... kv) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return ModelOptions.config(m);
    }

    @Test
    void presetsBringTheirOwnOutputRoundingAndOverflow() {
        assertEquals(QFormat.parse("UQ1.15"), config().output());
        assertEquals(QFormat.parse("Q2.14"), config("function", "hard-tanh").output());
        assertEquals(QFormat.parse("UQ3.13"), config("function", "relu6").output());
        assertEquals(QFormat.parse("Q4.12"), config("function", "hard-swish").output());
        Config hls = config("function", "hls4ml");
        assertEquals(RoundingMode.FLOOR, hls.rounding());
        assertEquals(Overflow.WRAP, hls.overflow());
        assertEquals(QFormat.parse("ap_fixed<16,6>"), hls.output());
        assertEquals(Rational.of(13107, 65536), hls.function().line().orElseThrow().alpha());
        assertEquals(RoundingMode.NEAREST_EVEN, config("function", "hls4ml", "rounding", "nearest-even").rounding());
    }

    @Test
    void keras3IsPytorch() {
        assertEquals(config("function", "pytorch").function(), config("function", "keras3").function());
    }

    @Test
    void customDefaultsToTheHardSigmoidsClipAndCoversItsRange() {
        Config c = config("function", "custom", "alpha", "0.2", "beta", "1/2");
        assertEquals(Rational.ZERO, c.function().line().orElseThrow().lo());
        assertEquals(Rational.ONE, c.function().line().orElseThrow().hi());
        assertEquals(QFormat.parse("UQ1.15"), c.output());
        assertEquals(QFormat.parse("Q4.12"), config("function", "custom", "alpha", "1", "beta", "0", "lo", "-6",
                "hi", "6").output());
        assertEquals(QFormat.parse("Q3.13"), config("function", "pwl", "knots", "-1:-2,1:3.5").output());
    }

    @Test
    void theFullApFixedOutputTypeSetsRoundingAndOverflow() {
        Config c = config("output", "ap_ufixed<8,0,AP_RND_CONV,AP_SAT>");
        assertEquals(QFormat.parse("UQ0.8"), c.output());
        assertEquals(RoundingMode.NEAREST_EVEN, c.rounding());
        assertEquals(Overflow.SATURATE, c.overflow());
        Config d = config("output", "ap_fixed<16,6,AP_TRN,AP_WRAP>", "rounding", "floor", "overflow", "wrap");
        assertEquals(RoundingMode.FLOOR, d.rounding());
        assertEquals(Overflow.WRAP, d.overflow());
        assertEquals(RoundingMode.NEAREST_ZERO, config("output", "ap_fixed<8,2,AP_RND_ZERO>").rounding());
        assertEquals(Overflow.SATURATE, config("output", "ap_fixed<8,2,AP_RND_ZERO>").overflow());
    }

    @Test
    void refusals() {
        assertTrue(message("function", "keras", "alpha", "1").contains("only allowed with --function custom"));
        assertTrue(message("function", "custom", "alpha", "1").contains("needs both --alpha and --beta"));
        assertTrue(message("function", "custom", "alpha", "1", "beta", "0", "knots", "0:0,1:1")
                .contains("--knots '0:0,1:1' is not allowed with --function custom"));
        assertTrue(message("function", "plan", "terms", "2").contains("--terms 2 is not valid"));
        assertTrue(message("function", "hard-swish", "terms", "1").contains("has no single slope"));
        assertTrue(message("function", "keras", "terms", "17").contains("expected an integer from 1 to 16"));
        assertTrue(message("output", "ap_fixed<8,2,AP_RND,AP_SAT_SYM>").contains("AP_SAT (--overflow saturate)"));
        assertTrue(message("output", "ap_fixed<8,2,AP_RND,AP_SAT,3>").contains("saturation bits 3"));
        assertTrue(message("function", "custom", "alpha", "1", "beta", "0", "lo", "2", "hi", "-2")
                .contains("need lo < hi"));
        assertTrue(message("input", "ap_fixed<8,2,AP_RND>").contains("'ap_fixed<8,2,AP_RND>'"));
    }

    private static String message(String... kv) {
        return assertThrows(InvalidInputException.class, () -> config(kv)).getMessage();
    }

    @Test
    void unknownKeysAreAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> ModelOptions.config(Map.of("slope", "1")));
    }
}
