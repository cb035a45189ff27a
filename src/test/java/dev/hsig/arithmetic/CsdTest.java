package dev.hsig.arithmetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class CsdTest {
    @Property(tries = 3000)
    void digitsSumToTheNumberAndAreNonAdjacent(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 4) long n) {
        List<Csd.Digit> digits = Csd.digits(n);
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < digits.size(); i++) {
            sum = sum.add(digits.get(i).value());
            if (i > 0) {
                assertTrue(digits.get(i - 1).position() - digits.get(i).position() >= 2, "adjacent digits in " + n);
            }
        }
        assertEquals(BigInteger.valueOf(n), sum);
        assertTrue(!digits.get(0).negative());
    }

    /** The multiplier's digits: as few as the canonical form's, and free of subtractions whenever binary ties. */
    @Property(tries = 3000)
    void adderDigitsAreFewestAndPositiveWhenBinaryTies(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 4) long n) {
        List<Csd.Digit> digits = Csd.adderDigits(BigInteger.valueOf(n));
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < digits.size(); i++) {
            sum = sum.add(digits.get(i).value());
            if (i > 0) {
                assertTrue(digits.get(i - 1).position() > digits.get(i).position(), "digits out of order in " + n);
            }
        }
        assertEquals(BigInteger.valueOf(n), sum);
        assertEquals(Csd.digits(n).size(), digits.size(), "digits of " + n);
        boolean binaryTies = Long.bitCount(n) == Csd.digits(n).size();
        assertEquals(binaryTies, digits.stream().noneMatch(Csd.Digit::negative), "signs of " + n);
    }

    /** No signed-binary form has fewer nonzero digits: compare with a brute force over small numbers. */
    @Property(tries = 300)
    void isMinimal(@ForAll @LongRange(min = 1, max = 2000) long n) {
        assertEquals(minimalDigits(n, 14), Csd.digits(n).size(), "digits of " + n);
    }

    /** Fewest signed powers of two 2^0..2^(bits-1) summing to n, by dynamic programming over the low bit. */
    private static int minimalDigits(long n, int bits) {
        if (n == 0) {
            return 0;
        }
        if (bits == 0) {
            return 1000;
        }
        if ((n & 1) == 0) {
            return minimalDigits(n >> 1, bits - 1);
        }
        return 1 + Math.min(minimalDigits((n - 1) >> 1, bits - 1), minimalDigits((n + 1) >> 1, bits - 1));
    }
}
