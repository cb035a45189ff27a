package dev.hsig.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.Rational;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The properties of AffineTest, apart so that each engine's run has a class (and a surefire report) of its own. */
class AffineFormatProperties {
    /** A written decimal rounds to the float32 that Java's (correctly rounding) parser gives for it. */
    @Property(tries = 2000)
    void theScaleIsTheNearestFloat32(@ForAll @IntRange(min = 1, max = 99999999) int digits,
            @ForAll @IntRange(min = 0, max = 30) int exponent) {
        String text = digits + "e-" + exponent;
        float f = Float.parseFloat(text);
        if (f < Float.MIN_NORMAL || Float.isInfinite(f)) {
            return;
        }
        Affine a = Affine.of(text, 0, false);
        assertEquals(Float.floatToIntBits(f), (int) a.float32Bits(), text);
        assertEquals(new BigDecimal(f).stripTrailingZeros(), new BigDecimal(a.scale().toDecimalString())
                .stripTrailingZeros(), text);
    }

    /** value and rawOf are inverse, and value is s * (q - z). */
    @Property(tries = 500)
    void valueAndRawOfAreInverse(@ForAll @LongRange(min = -128, max = 127) long q,
            @ForAll @LongRange(min = -128, max = 127) long z, @ForAll @IntRange(min = 1, max = 9999) int digits) {
        QFormat f = QFormat.parse("int8[scale=" + digits + "e-4,zero=" + z + "]");
        Rational s = Rational.of(new BigDecimal(Float.parseFloat(digits + "e-4")).unscaledValue(),
                java.math.BigInteger.TEN.pow(new BigDecimal(Float.parseFloat(digits + "e-4")).scale()));
        assertEquals(s.multiply(q - z), f.value(q));
        assertEquals(Rational.of(q), f.rawOf(f.value(q)));
    }
}
