package dev.hsig.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hsig.arithmetic.Rational;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ByteTextProperties {
    /** The fast decimal printer agrees with the exact rational one. */
    @Property(tries = 5000)
    void fixedDecimalsAreExact(@ForAll @LongRange(min = -(1L << 33), max = 1L << 33) long raw,
            @ForAll @IntRange(min = 0, max = 32) int fraction) {
        String fast = new String(new ByteText(8).fixed(raw, fraction).toBytes(), StandardCharsets.US_ASCII);
        assertEquals(Rational.of(BigInteger.valueOf(raw), BigInteger.ONE.shiftLeft(fraction)).toDecimalString(), fast);
    }

    @Property(tries = 2000)
    void integersAndHex(@ForAll long v, @ForAll @IntRange(min = 1, max = 16) int digits) {
        assertEquals(Long.toString(v), new String(new ByteText(1).append(v).toBytes(), StandardCharsets.US_ASCII));
        String hex = String.format("%016x", v);
        assertEquals(hex.substring(16 - digits), new String(new ByteText(1).hex(v, digits).toBytes(),
                StandardCharsets.US_ASCII));
    }
}
