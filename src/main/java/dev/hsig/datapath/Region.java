package dev.hsig.datapath;

import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.spec.Polynomial;

/**
 * A run of raw input words {@code [from, to]} whose outputs come from one source.
 *
 * @param why what puts these inputs here, for reports: a piece of the function, or saturation
 */
public record Region(long from, long to, Value value, String why) {
    /** Where a region's output comes from. */
    public sealed interface Value {
    }

    /** Every input of the region gives this raw output word. */
    public record Constant(long raw) implements Value {
    }

    /**
     * The output is {@code mode(t(X)) + offset} for the raw input X, t being the function in output ulps;
     * {@code mode} is sign-free (the planner splits a region where t changes sign when the requested mode depends on
     * the sign). The offset is the output's zero point where it cannot be part of t: an odd one under ties to even
     * (the parity of the rounded value is the real value's), else 0 (a Q format's zero point is 0; an affine
     * format's is added to t, as every other sign-free mode commutes with adding an integer).
     */
    public record Computed(Polynomial t, RoundingMode mode, long offset) implements Value {
        public Computed(Polynomial t, RoundingMode mode) {
            this(t, mode, 0);
        }

        /** The rounded value plus a zero point, with the zero point inside t wherever that is exact. */
        static Computed of(Polynomial t, RoundingMode mode, long zero) {
            if (zero == 0) {
                return new Computed(t, mode, 0);
            }
            long outside = mode == RoundingMode.NEAREST_EVEN ? Math.floorMod(zero, 2) : 0;
            return new Computed(t.plus(dev.hsig.arithmetic.Rational.of(zero - outside)), mode, outside);
        }

        /** The raw output at X, before overflow. */
        public java.math.BigInteger at(long x) {
            return mode.round(t.at(x)).add(java.math.BigInteger.valueOf(offset));
        }
    }

    public long size() {
        return to - from + 1;
    }
}
