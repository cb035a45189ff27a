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
}
