package dev.hsig.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.Rational;
import org.junit.jupiter.api.Test;

class SlopeApproximationTest {
    /** The nearest power of two is nearest (the smaller one on a tie), against every candidate exponent. */
    @Test
    void theNearestPowerOfTwoIsNearest() {
        for (int p = 1; p < 300; p++) {
            for (int q : new int[] {1, 3, 7, 64, 100}) {
                Rational v = Rational.of(p, q);
                int e = SlopeApproximation.nearestPowerOfTwo(v);
                for (int other = -12; other <= 12; other++) {
                    int cmp = Rational.pow2(e).subtract(v).abs().compareTo(Rational.pow2(other).subtract(v).abs());
                    assertTrue(cmp < 0 || cmp == 0 && e <= other, p + "/" + q + ": 2^" + e + " vs 2^" + other);
                }
            }
        }
        assertEquals(1, SlopeApproximation.nearestPowerOfTwo(Rational.of(3)), "3 is as near 2 as 4: the smaller");
    }

    /** Each added digit halves the error at least: the greedy signed-digit approximation converges. */
    @Test
    void moreTermsNeverHurt() {
        for (String a : new String[] {"1/5", "1/6", "3/16", "-5/7", "13107/65536"}) {
            Rational alpha = Rational.parse(a);
            Rational previous = null;
            for (int k = 1; k <= 8; k++) {
                Rational error = SlopeApproximation.approximate(alpha, k).subtract(alpha).abs();
                if (previous != null) {
                    assertTrue(error.compareTo(previous.multiply(Rational.HALF)) <= 0, a + " with " + k + " terms");
                }
                previous = error;
            }
        }
        assertEquals(Rational.of(3, 16), SlopeApproximation.approximate(Rational.of(1, 5), 2));
    }
}
