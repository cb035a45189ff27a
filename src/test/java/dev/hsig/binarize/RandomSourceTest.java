package dev.hsig.binarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The random source's statistics, computed here from the words themselves, against stated bounds: serial and lane
 * correlations within 5 / sqrt(2^F) (a random permutation's standard deviation is about 1 / sqrt(2^F)), chi-square
 * over a quarter period below the 0.1% critical value from the tables; and the LFSR beside it, whose figures the
 * README quotes, is shown to differ where the issue says it does.
 */
class RandomSourceTest {
    /** The chi-square 0.999 quantiles for 3, 15 and 63 degrees of freedom, from the standard tables. */
    private static final Map<Integer, Double> CRITICAL = Map.of(3, 16.266, 15, 37.697, 63, 103.442);

    private static double pearson(long[] a, long[] b, int lag) {
        int n = a.length - lag;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i + lag];
        }
        ma /= n;
        mb /= n;
        double c = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < n; i++) {
            c += (a[i] - ma) * (b[i + lag] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i + lag] - mb) * (b[i + lag] - mb);
        }
        return c / Math.sqrt(va * vb);
    }

    @ParameterizedTest(name = "{0} bits, seed {1}")
    @CsvSource({"6,1", "6,7", "8,1", "8,7", "8,99", "10,7", "12,1", "12,7", "14,7", "16,1", "16,7", "16,99"})
    void theSourceLooksRandomWithinItsStatedBounds(int bits, long seed) {
        int lanes = 4;
        int n = 1 << bits;
        Binarizer b = new Binarizer(Binarizer.Mode.STOCHASTIC, seed, bits, lanes);
        long[][] w = new long[lanes][n];
        for (int l = 0; l < lanes; l++) {
            for (int t = 0; t < n; t++) {
                w[l][t] = b.random(t, l);
            }
        }
        double bound = 5 / Math.sqrt(n);
        Quality q = Quality.of(b);
        double worstSerial = 0;
        double worstLanes = 0;
        for (int l = 0; l < lanes; l++) {
            double serial = Math.abs(pearson(w[l], w[l], 1));
            assertTrue(serial <= bound, "lane " + l + " serial correlation " + serial + " > " + bound);
            worstSerial = Math.max(worstSerial, serial);
            for (int m = l + 1; m < lanes; m++) {
                double cross = Math.abs(pearson(w[l], w[m], 0));
                assertTrue(cross <= bound, "lanes " + l + ", " + m + " correlate " + cross + " > " + bound);
                worstLanes = Math.max(worstLanes, cross);
            }
        }
        int bins = Quality.chiSquareBins(bits);
        long[] counts = new long[bins];
        for (int t = 0; t < n / 4; t++) {
            counts[(int) (w[0][t] * bins / n)]++;
        }
        double expected = (double) (n / 4) / bins;
        double chi = 0;
        for (long c : counts) {
            chi += (c - expected) * (c - expected) / expected;
        }
        double critical = CRITICAL.get(bins - 1);
        assertTrue(chi < critical, "chi-square " + chi + " over a quarter period, critical " + critical);
        // What ./hsig random prints is what was measured here.
        assertTrue(q.everyWordOnce());
        assertEquals(0.0, q.maxBiasUlps());
        assertFalse(q.shiftedCopies());
        assertEquals(worstSerial, q.serial(), 1e-12);
        assertEquals(worstLanes, q.lanes(), 1e-12);
        assertEquals(chi / (bins - 1), q.chiSquarePerDof(), 1e-9);
        assertEquals(critical / (bins - 1), q.chiSquareCriticalPerDof(), 0.01 * critical / (bins - 1));
    }

    @ParameterizedTest(name = "{0} bits")
    @CsvSource({"8", "12", "16"})
    void aMaximalLfsrIsBiasedSeriallyCorrelatedAndItsLanesAreShiftedCopies(int bits) {
        Lfsr lfsr = Lfsr.maximal(bits);
        // Maximal: from state 1 it visits every nonzero word once before returning.
        java.util.BitSet seen = new java.util.BitSet();
        long s = 1;
        for (long i = 0; i < (1L << bits) - 1; i++) {
            assertFalse(seen.get((int) s), "state " + s + " came twice");
            seen.set((int) s);
            s = lfsr.next(s);
        }
        assertEquals(1, s);
        assertFalse(seen.get(0), "an LFSR never takes the word 0");
        Quality q = Quality.ofLfsr(bits, 4, 7);
        assertFalse(q.everyWordOnce());
        assertEquals(1.0, q.maxBiasUlps(), 1e-9, "P(r < 1) = 0 instead of 2^-F: one ulp");
        assertTrue(q.serial() > 0.45, "a shift register's consecutive words are halves of each other: " + q.serial());
        assertTrue(q.shiftedCopies(), "lanes from one polynomial are one stream shifted");
    }
}
