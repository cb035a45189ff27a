package dev.hsig.spec;

import dev.hsig.arithmetic.Rational;

/**
 * The user's explicit trade of accuracy for adders ({@code --terms K}): the slope of a clipped line rounded to at
 * most K signed powers of two, chosen greedily (each digit is the power of two nearest to what is left).
 */
public final class SlopeApproximation {
    private SlopeApproximation() {
    }

    public static Rational approximate(Rational alpha, int terms) {
        Rational approx = Rational.ZERO;
        for (int i = 0; i < terms; i++) {
            Rational rest = alpha.subtract(approx);
            if (rest.signum() == 0) {
                break;
            }
            int e = nearestPowerOfTwo(rest.abs());
            approx = rest.signum() > 0 ? approx.add(Rational.pow2(e)) : approx.subtract(Rational.pow2(e));
        }
        return approx;
    }

    public static Activation apply(Activation f, int terms) {
        Rational alpha = approximate(f.line().orElseThrow().alpha(), terms);
        return f.withSlope(alpha, "slope rounded to " + terms + " signed digits: " + alpha);
    }

    /** The exponent e minimizing |v - 2^e| for v &gt; 0 (the smaller one on a tie). */
    static int nearestPowerOfTwo(Rational v) {
        int e = v.num().bitLength() - v.den().bitLength();
        // Normalize so that 2^e <= v < 2^(e+1).
        while (Rational.pow2(e).compareTo(v) > 0) {
            e--;
        }
        while (Rational.pow2(e + 1).compareTo(v) <= 0) {
            e++;
        }
        Rational below = v.subtract(Rational.pow2(e));
        Rational above = Rational.pow2(e + 1).subtract(v);
        return above.compareTo(below) < 0 ? e + 1 : e;
    }
}
