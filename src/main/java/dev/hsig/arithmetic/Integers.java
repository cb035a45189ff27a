package dev.hsig.arithmetic;

import java.math.BigInteger;

/** Integer helpers the planner, the references and the bounds share, so each is written once. */
public final class Integers {
    private Integers() {
    }

    public static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    /** floor(a / b) for b &gt; 0, whatever the sign of a. */
    public static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** ceil(a / b) for b &gt; 0. */
    public static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        return floorDiv(a.negate(), b).negate();
    }

    /** v * 2^amount, flooring when amount is negative (an arithmetic right shift). */
    public static BigInteger shift(BigInteger v, int amount) {
        return amount >= 0 ? v.shiftLeft(amount) : v.shiftRight(-amount);
    }

    /** Trailing zero bits of a nonzero value (Integer.MAX_VALUE for zero, so it never limits a minimum). */
    public static int trailingZeros(BigInteger v) {
        return v.signum() == 0 ? Integer.MAX_VALUE : v.getLowestSetBit();
    }

    /** The narrowest two's complement width that holds every value of [low, high]. */
    public static int signedWidth(BigInteger low, BigInteger high) {
        return Math.max(low.bitLength(), high.bitLength()) + 1;
    }
}
