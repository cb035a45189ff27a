package dev.hsig.testbench;

import dev.hsig.arithmetic.Rational;
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
    private static final int MAX_TIES = 4;

    private VectorSet() {
    }

    public static List<Vector> exhaustive(Datapath datapath) {
        QFormat in = datapath.config().input();
        List<Vector> out = new ArrayList<>((int) Math.min(in.count(), 1 << 24));
        for (long x = in.minRaw(); x <= in.maxRaw(); x++) {
            out.add(new Vector(x, datapath.evaluate(x), ""));
        }
        return out;
    }

    /**
     * Corner cases first, then random inputs from {@code seed} until there are {@code count} vectors (or fewer
     * when the corners alone exceed it; corners are never dropped).
     */
    public static List<Vector> sampled(Datapath datapath, long count, long seed) {
        QFormat in = datapath.config().input();
        Map<Long, String> corners = corners(datapath);
        List<Vector> out = new ArrayList<>();
        corners.forEach((x, label) -> out.add(new Vector(x, datapath.evaluate(x), label)));
        SplittableRandom random = new SplittableRandom(seed);
        while (out.size() < count) {
            long x = in.minRaw() + random.nextLong(in.count());
            out.add(new Vector(x, datapath.evaluate(x), "random"));
        }
        return out;
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
