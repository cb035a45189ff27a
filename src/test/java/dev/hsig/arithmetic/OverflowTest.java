package dev.hsig.arithmetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Saturation clamps, wrapping keeps the low bits read in the format's signedness: as C assigns to ap_fixed. */
class OverflowTest {
    @Property(tries = 3000)
    void wrapKeepsTheLowBitsAndSaturateClamps(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long v,
            @ForAll @IntRange(min = 1, max = 16) int width, @ForAll boolean signed) {
        long min = signed ? -(1L << (width - 1)) : 0;
        long max = signed ? (1L << (width - 1)) - 1 : (1L << width) - 1;
        long wrapped = Overflow.WRAP.apply(BigInteger.valueOf(v), min, max, width);
        // The same residue modulo 2^width, inside the range.
        assertEquals(0, Math.floorMod(wrapped - v, 1L << width));
        assertEquals(true, wrapped >= min && wrapped <= max);
        assertEquals(Math.max(min, Math.min(max, v)), Overflow.SATURATE.apply(BigInteger.valueOf(v), min, max, width));
        assertEquals(wrapped, Overflow.WRAP.apply(v, min, max, width));
    }
}
