package dev.hsig.model;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import java.math.BigInteger;

/** Rounding tables as the planner builds them, computed here from the definition for the table tests. */
final class Rounding {
    private Rounding() {
    }

    /** For index i in [0, 2D): round(2^u * (i mod D) / D) plus 2^u when i &gt;= D. */
    static int[] entries(RoundingMode mode, int d, int u) {
        int[] t = new int[2 * d];
        for (int i = 0; i < t.length; i++) {
            int carry = i >= d ? 1 : 0;
            BigInteger frac = mode.round(Rational.of((long) (i - carry * d) << u, d));
            t[i] = (carry << u) + frac.intValueExact();
        }
        return t;
    }
}
