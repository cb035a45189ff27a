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

/** Affine formats: parsing, the float32 a written scale becomes, and the map from raw words to values. */
class AffineTest {
    @Test
    void parsesTheFrameworkNotation() {
        QFormat f = QFormat.parse("int8[scale=0.0235294,zero=-128]");
        assertTrue(f.isAffine() && f.signed());
        assertEquals(8, f.width());
        assertEquals(-128, f.zero());
        assertEquals(0x3CC0C0BA, f.affine().float32Bits());
        assertEquals("0.0235293991863727569580078125", f.scale().toDecimalString());
        assertEquals("0", f.value(-128).toDecimalString());
        assertEquals("int8[scale=0.0235294,zero=-128]", f.toString());
        assertEquals("int8_s3cc0c0ba_zm128", f.identifier());
        assertTrue(f.describe().contains("0.0235294 -> float32 0x3CC0C0BA = 0.0235293991863727569580078125"),
                f.describe());
        QFormat u = QFormat.parse(" uint8[ scale = 1/256 ] ");
        assertFalse(u.signed());
        assertEquals(0, u.zero());
        assertEquals("1/256", u.scale().toString());
        assertEquals("uint8_s3b800000_z0", u.identifier());
    }

    @Test
    void exactScalesKeepTheWrittenNumber() {
        QFormat f = QFormat.parse("uint4[scale=1/3,zero=2]", true);
        assertEquals(Rational.of(1, 3), f.scale());
        assertEquals(Rational.of(-2, 3), f.value(0));
        assertEquals(Rational.of(2), f.rawOf(Rational.ZERO));
        assertEquals("uint4_s1d3_z2", f.identifier());
        assertTrue(f.describe().contains("1/3 (exact, --exact-scales)"), f.describe());
    }

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
