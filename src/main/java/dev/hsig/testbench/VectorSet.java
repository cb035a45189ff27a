package dev.hsig.testbench;

import dev.hsig.arithmetic.Rational;
import dev.hsig.datapath.BatchModel;
import dev.hsig.datapath.Datapath;
import dev.hsig.format.QFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The inputs a vector file covers, with expected outputs from the model: every input (exhaustive), or labelled
 * corner cases (extremes, zero, the knees and their neighbours, rounding ties) followed by seeded random inputs.
 */
public final class VectorSet {
    public static final long DEFAULT_SEED = 1;
    /** Exhaustive vector sets are held in memory: inputs up to this many bits (16M vectors). */
    public static final int MAX_EXHAUSTIVE_BITS = 24;
    private static final int MAX_TIES = 4;

    private VectorSet() {
    }

    /** Every input word, from the most negative up; outputs from the batch model. */
    public static Vectors exhaustive(Datapath datapath) {
        QFormat in = datapath.config().input();
        QFormat out = datapath.config().output();
        if (in.width() > MAX_EXHAUSTIVE_BITS) {
            throw new IllegalArgumentException("exhaustive vectors take inputs up to " + MAX_EXHAUSTIVE_BITS + " bits");
        }
        int n = (int) in.count();
        int[] xi = new int[n];
        long[] x = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = in.minRaw() + i;
            xi[i] = (int) x[i];
        }
        int[] yi = new int[n];
        new BatchModel(datapath).evaluate(xi, yi);
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = out.fromBits(yi[i]);
        }
        return new Vectors(x, y, null);
    }

    /**
     * Corner cases first, then random inputs from {@code seed} until there are {@code count} vectors (or fewer
     * when the corners alone exceed it; corners are never dropped).
     */
    public static Vectors sampled(Datapath datapath, long count, long seed) {
        QFormat in = datapath.config().input();
        Map<Long, String> corners = corners(datapath);
        List<Long> xs = new ArrayList<>(corners.keySet());
        List<String> labels = new ArrayList<>(corners.values());
        SplittableRandom random = new SplittableRandom(seed);
        while (xs.size() < count) {
            xs.add(in.minRaw() + random.nextLong(in.count()));
            labels.add("random");
        }
        long[] x = new long[xs.size()];
        long[] y = new long[xs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = xs.get(i);
            y[i] = datapath.evaluate(x[i]);
        }
        return new Vectors(x, y, labels.toArray(String[]::new));
    }

    /** Labelled corner inputs in a fixed order; the first label wins when two coincide. */
    public static Map<Long, String> corners(Datapath datapath) {
        QFormat in = datapath.config().input();
        Map<Long, String> c = new LinkedHashMap<>();
        put(c, in, in.minRaw(), "minimum");
        put(c, in, in.minRaw() + 1, "minimum + 1 ulp");
        put(c, in, -1, "-1 ulp");
        put(c, in, 0, "zero");
        put(c, in, 1, "+1 ulp");
        put(c, in, in.maxRaw() - 1, "maximum - 1 ulp");
        put(c, in, in.maxRaw(), "maximum");
        long xl = datapath.linearLow();
        long xh = datapath.linearHigh();
        put(c, in, xl - 1, "lower knee - 1 ulp");
        put(c, in, xl, "lower knee");
        put(c, in, xl + 1, "lower knee + 1 ulp");
        put(c, in, xh - 1, "upper knee - 1 ulp");
        put(c, in, xh, "upper knee");
        put(c, in, xh + 1, "upper knee + 1 ulp");
        int ties = 0;
        Rational scale = datapath.implemented().alpha().scaleByPowerOfTwo(
                datapath.config().output().fraction() - in.fraction());
        Rational offset = datapath.implemented().beta().scaleByPowerOfTwo(datapath.config().output().fraction());
        long limit = Math.min(xh, xl + (1 << 16));
        for (long x = xl; x <= limit && ties < MAX_TIES; x++) {
            Rational t = scale.multiply(x).add(offset);
            Rational frac = t.subtract(Rational.of(t.floor(), java.math.BigInteger.ONE));
            if (frac.equals(Rational.HALF)) {
                put(c, in, x, "rounding tie");
                ties++;
            }
        }
        return c;
    }

    private static void put(Map<Long, String> c, QFormat in, long x, String label) {
        if (in.contains(x)) {
            c.putIfAbsent(x, label);
        }
    }
}
