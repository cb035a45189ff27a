package dev.hsig.framework;

/**
 * The int16 fixed-point primitives TFLite's quantized kernels are built from (gemmlowp's fixedpoint.h and
 * TFLite's reference hard_swish.h), in Java's int arithmetic, which is C++'s on the values these take: every
 * intermediate fits an int, casts to short truncate, and '/' truncates toward zero in both languages.
 */
final class Gemmlowp {
    private Gemmlowp() {
    }

    /** ARM's SQRDMULH on int16: (a*b + nudge) / 2^15, the nudge rounding half away from zero; -2^15 squared saturates. */
    static short saturatingRoundingDoublingHighMul(short a, short b) {
        boolean overflow = a == b && a == Short.MIN_VALUE;
        int ab = a * b;
        int nudge = ab >= 0 ? 1 << 14 : 1 - (1 << 14);
        short high = (short) ((ab + nudge) / (1 << 15));
        return overflow ? Short.MAX_VALUE : high;
    }

    /** ARM's SQDMULH on int16: a*b / 2^15, truncated toward zero. */
    static short saturatingDoublingHighMul(short a, short b) {
        boolean overflow = a == b && a == Short.MIN_VALUE;
        int ab = a * b;
        short high = (short) (ab / (1 << 15));
        return overflow ? Short.MAX_VALUE : high;
    }

    /** x / 2^exponent rounded to nearest, ties away from zero (a rounding arithmetic shift). */
    static short roundingDivideByPot(short x, int exponent) {
        int mask = (1 << exponent) - 1;
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (short) ((x >> exponent) + (remainder > threshold ? 1 : 0));
    }

    /** value * 2^amount, saturated to int16. */
    static short saturatingLeftShift(short value, int amount) {
        long result = (long) value * (1L << amount);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, result));
    }

    /**
     * TFLite's QuantizeMultiplier: a positive double m as q * 2^shift with q a Q0.31 integer in [2^30, 2^31),
     * from frexp and a round half away from zero.
     */
    static int[] quantizeMultiplier(double m) {
        if (m == 0) {
            return new int[] {0, 0};
        }
        int shift = Math.getExponent(m) + 1; // frexp: m = f * 2^shift with f in [0.5, 1)
        double f = m / Math.scalb(1.0, shift);
        long q = Math.round(f * (1L << 31)); // std::round: half away from zero, for a positive value Math.round's
        if (q == 1L << 31) {
            q /= 2;
            shift++;
        }
        if (shift < -31) {
            shift = 0;
            q = 0;
        }
        return new int[] {(int) q, shift};
    }

    /** TFLite's DownScaleInt32ToInt16Multiplier: the top 16 bits of a Q0.31 multiplier, rounded. */
    static short downScaleToInt16(int m) {
        int offset = 1 << 15;
        if (m >= Integer.MAX_VALUE - offset) {
            return Short.MAX_VALUE;
        }
        return (short) ((m + offset) >> 16);
    }
}
