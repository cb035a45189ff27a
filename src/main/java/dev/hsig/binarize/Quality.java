package dev.hsig.binarize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * Measured figures of a random source of F-bit words, each over one full period (or the stated window):
 * <ul>
 * <li>the words of a period: whether every F-bit value comes exactly once, and the largest error of P(+1) =
 * P(r &lt; p_raw) against p_raw / 2^F over every p_raw, in units of 2^-F;</li>
 * <li>serial correlation: Pearson's r between consecutive words of a lane;</li>
 * <li>lane correlation: the largest |r| between two lanes' words at the same output, and whether some lane is
 * another's stream shifted in time (then at that shift they correlate perfectly);</li>
 * <li>chi-square of the words in 64 equal bins (fewer below 10 bits, so that each expects at least 4 words) over
 * the first quarter period, divided by its degrees of freedom, beside the 0.1% critical value's: a source far below
 * 1 is too even, far above too uneven.</li>
 * </ul>
 */
public record Quality(String source, long period, boolean everyWordOnce, double maxBiasUlps, double serial,
        double lanes, boolean shiftedCopies, double chiSquarePerDof, double chiSquareCriticalPerDof) {
    /** Widths whose period the measurement walks word by word. */
    public static final int MAX_BITS = 20;

    /** The mixer of a binarizer, lanes from its seed. */
    public static Quality of(Binarizer b) {
        List<LongUnaryOperator> lanes = new ArrayList<>();
        for (int i = 0; i < b.lanes(); i++) {
            int lane = i;
            lanes.add(n -> b.random(n, lane));
        }
        return measure("hsig: counter, " + (b.bits() <= Mixer.MAX_TABLE_BITS ? "table" : "SPN"), b.bits(),
                1L << b.bits(), lanes);
    }

    /** A maximal LFSR of the same width, lanes as copies started from distinct seeded states, as often built. */
    public static Quality ofLfsr(int bits, int lanes, long seed) {
        Lfsr lfsr = Lfsr.maximal(bits);
        long period = (1L << bits) - 1;
        List<long[]> streams = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            long s = 1 + Long.remainderUnsigned(Binarizer.key(seed, 100 + i), period);
            long[] words = new long[(int) period];
            for (int n = 0; n < period; n++) {
                words[n] = s;
                s = lfsr.next(s);
            }
            streams.add(words);
        }
        List<LongUnaryOperator> ops = new ArrayList<>();
        for (long[] w : streams) {
            ops.add(n -> w[(int) n]);
        }
        return measure("maximal LFSR", bits, period, ops);
    }

    private static Quality measure(String source, int bits, long period, List<LongUnaryOperator> lanes) {
        if (bits < 2 || bits > MAX_BITS) {
            throw new IllegalArgumentException("measuring " + bits + "-bit words");
        }
        int size = 1 << bits;
        int n = (int) period;
        long[][] words = new long[lanes.size()][n];
        for (int l = 0; l < lanes.size(); l++) {
            for (int t = 0; t < n; t++) {
                words[l][t] = lanes.get(l).applyAsLong(t);
            }
        }
        // P(r < p) for every p: the count of words below p, from a histogram of lane 0's period.
        int[] histogram = new int[size];
        for (long w : words[0]) {
            histogram[(int) w]++;
        }
        boolean once = n == size;
        double maxBias = 0;
        long below = 0;
        for (int p = 0; p <= size; p++) {
            double ideal = (double) p / size;
            maxBias = Math.max(maxBias, Math.abs((double) below / n - ideal) * size);
            if (p < size) {
                once &= histogram[p] == 1;
                below += histogram[p];
            }
        }
        double serial = 0;
        for (long[] w : words) {
            serial = Math.max(serial, Math.abs(correlation(w, 0, w, 1, n - 1)));
        }
        double cross = 0;
        boolean shifted = false;
        for (int i = 0; i < words.length; i++) {
            for (int j = i + 1; j < words.length; j++) {
                cross = Math.max(cross, Math.abs(correlation(words[i], 0, words[j], 0, n)));
                shifted |= shiftedCopy(words[i], words[j]);
            }
        }
        int bins = chiSquareBins(bits);
        int window = n / 4;
        long[] counts = new long[bins];
        for (int t = 0; t < window; t++) {
            counts[(int) (words[0][t] * bins / size)]++;
        }
        double expected = (double) window / bins;
        double chi = 0;
        for (long c : counts) {
            chi += (c - expected) * (c - expected) / expected;
        }
        int dof = bins - 1;
        return new Quality(source, period, once, maxBias, serial, cross, shifted, chi / dof, critical(dof) / dof);
    }

    /** Whether b is a copy shifted in time: b[t] = a[(t + d) mod n] for some d, tried at every d where b[0] occurs. */
    static boolean shiftedCopy(long[] a, long[] b) {
        int n = a.length;
        for (int d = 0; d < n; d++) {
            if (a[d] != b[0]) {
                continue;
            }
            boolean all = true;
            for (int t = 1; t < n && all; t++) {
                all = a[(d + t) % n] == b[t];
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** 64, or 2^F / 16 when that is fewer (at least 2): a quarter period then puts 4 or more words in each bin. */
    public static int chiSquareBins(int bits) {
        return (int) Math.max(2, Math.min(64, (1L << bits) / 16));
    }

    /** Pearson's r between a[from..] and b[from2..] over {@code length} words. */
    static double correlation(long[] a, int from, long[] b, int from2, int length) {
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < length; i++) {
            sa += a[from + i];
            sb += b[from2 + i];
        }
        double ma = sa / length;
        double mb = sb / length;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < length; i++) {
            double da = a[from + i] - ma;
            double db = b[from2 + i] - mb;
            cov += da * db;
            va += da * da;
            vb += db * db;
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }

    /** The chi-square value that k degrees of freedom exceed with probability 0.001, by bisection on the CDF. */
    static double critical(int k) {
        double lo = 0;
        double hi = 10.0 * k + 100;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (chiSquareCdf(k, mid) < 0.999) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(X <= x) for chi-square with k degrees of freedom: the regularized gamma P(k/2, x/2). */
    static double chiSquareCdf(int k, double x) {
        double a = k / 2.0;
        double z = x / 2;
        if (z <= 0) {
            return 0;
        }
        double logPrefix = a * Math.log(z) - z - logGamma(k);
        if (z < a + 1) { // the series converges fast here
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 1000 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
                term *= z / (a + n);
                sum += term;
            }
            return Math.exp(logPrefix) * sum;
        }
        // Otherwise Q(a, z) by Lentz's continued fraction.
        double b = z + 1 - a;
        double c = 1 / 1e-300;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < 1e-300 ? 1e-300 : d;
            c = b + an / c;
            c = Math.abs(c) < 1e-300 ? 1e-300 : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1 - Math.exp(logPrefix) * h;
    }

    /** ln Gamma(k / 2), exactly by Gamma(1/2) = sqrt(pi), Gamma(1) = 1 and Gamma(s + 1) = s Gamma(s). */
    static double logGamma(int k) {
        double s = k % 2 == 0 ? 0 : 0.5 * Math.log(Math.PI);
        for (int twice = k % 2 == 0 ? 2 : 1; twice < k; twice += 2) {
            s += Math.log(twice / 2.0);
        }
        return s;
    }
}
