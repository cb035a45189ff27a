package dev.hsig.model;

import java.math.BigInteger;

/**
 * Division by a constant as a multiply and a shift: floor(N / D) = (N * m) >> s for every N in [0, max], with
 * m = ceil(2^s / D). Writing m*D = 2^s + e, N*m / 2^s = N/D + N*e / (D * 2^s), and the floor stays put while
 * N*e &lt; 2^s (the fraction N/D leaves at most (D-1)/D). The smallest such s is taken whose product N*m
 * still fits the word, so the kernel never overflows where the quotient is used.
 */
final class Magic {
    private Magic() {
    }

    /** {m, s}, or null when no shift keeps max * m within {@code wordBits} bits (a signed word's magnitude). */
    static long[] of(long divisor, long max, int wordBits) {
        BigInteger d = BigInteger.valueOf(divisor);
        BigInteger n = BigInteger.valueOf(max);
        BigInteger limit = BigInteger.ONE.shiftLeft(wordBits);
        for (int s = 0; s < wordBits; s++) {
            BigInteger two = BigInteger.ONE.shiftLeft(s);
            BigInteger m = two.add(d).subtract(BigInteger.ONE).divide(d);
            if (n.multiply(m).compareTo(limit) >= 0) {
                return null;
            }
            BigInteger e = m.multiply(d).subtract(two);
            if (n.multiply(e).compareTo(two) < 0) {
                return new long[] {m.longValueExact(), s};
            }
        }
        return null;
    }
}
