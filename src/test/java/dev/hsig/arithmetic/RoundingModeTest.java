package dev.hsig.arithmetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Each mode against java.math.RoundingMode, mapped by hand (after SpinalHDL's tests): Java's HALF_UP sends ties
 * away from zero, so our nearest-up (ties toward +inf) is HALF_UP only for positive values.
 */
class RoundingModeTest {
    static BigInteger viaBigDecimal(RoundingMode mode, long p, int q) {
        // q is 2^a * 5^b, so the quotient has an exact decimal expansion.
        BigDecimal v = new BigDecimal(p).divide(new BigDecimal(q));
        boolean negative = p < 0;
        java.math.RoundingMode j = switch (mode) {
            case FLOOR -> java.math.RoundingMode.FLOOR;
            case CEIL -> java.math.RoundingMode.CEILING;
            case ZERO -> java.math.RoundingMode.DOWN;
            case NEAREST_UP -> negative ? java.math.RoundingMode.HALF_DOWN : java.math.RoundingMode.HALF_UP;
            case NEAREST_DOWN -> negative ? java.math.RoundingMode.HALF_UP : java.math.RoundingMode.HALF_DOWN;
            case NEAREST_ZERO -> java.math.RoundingMode.HALF_DOWN;
            case NEAREST_AWAY -> java.math.RoundingMode.HALF_UP;
            case NEAREST_EVEN -> java.math.RoundingMode.HALF_EVEN;
        };
        return v.setScale(0, j).toBigIntegerExact();
    }

    @Test
    void tiesGoWhereTheNameSays() {
        Rational plus = Rational.of(5, 2);
        Rational minus = Rational.of(-5, 2);
        assertEquals(3, RoundingMode.NEAREST_UP.round(plus).intValue());
        assertEquals(-2, RoundingMode.NEAREST_UP.round(minus).intValue());
        assertEquals(2, RoundingMode.NEAREST_DOWN.round(plus).intValue());
        assertEquals(-3, RoundingMode.NEAREST_DOWN.round(minus).intValue());
        assertEquals(2, RoundingMode.NEAREST_ZERO.round(plus).intValue());
        assertEquals(-2, RoundingMode.NEAREST_ZERO.round(minus).intValue());
        assertEquals(3, RoundingMode.NEAREST_AWAY.round(plus).intValue());
        assertEquals(-3, RoundingMode.NEAREST_AWAY.round(minus).intValue());
        assertEquals(2, RoundingMode.NEAREST_EVEN.round(plus).intValue());
        assertEquals(-2, RoundingMode.NEAREST_EVEN.round(minus).intValue());
    }
}
