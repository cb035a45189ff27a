package dev.hsig.testbench;

import dev.hsig.arithmetic.Rational;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Region;
import dev.hsig.format.QFormat;
import dev.hsig.model.BatchModel;
import dev.hsig.spec.Knees;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The inputs a vector file covers, with expected outputs from the model: every input (exhaustive), or labelled
 * corner cases (extremes, zero, the breakpoints of the function and where the output saturates, each with its
 * neighbours, and rounding ties) followed by seeded random inputs.
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
        if (in.width() > MAX_EXHAUSTIVE_BITS) {
            throw new IllegalArgumentException("exhaustive vectors take inputs up to " + MAX_EXHAUSTIVE_BITS + " bits");
        }
        int n = (int) in.count();
        long[] x = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = in.minRaw() + i;
        }
        long[] y = new long[n];
        BatchModel.interpreted(datapath).evaluate(x, y);
        return new Vectors(x, y, null);
    }

    /**
     * Exactly {@code count} vectors: as many corner cases as fit, in their fixed order, then random inputs drawn
     * from {@code seed}.
     */
    public static Vectors sampled(Datapath datapath, long count, long seed) {
        QFormat in = datapath.config().input();
        Map<Long, String> corners = corners(datapath);
        long[] x = new long[(int) count];
        String[] labels = new String[x.length];
        int i = 0;
        for (Map.Entry<Long, String> c : corners.entrySet()) {
            if (i == x.length) {
                break;
            }
            x[i] = c.getKey();
            labels[i++] = c.getValue();
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (; i < x.length; i++) {
            x[i] = in.minRaw() + random.nextLong(in.count());
            labels[i] = "random";
        }
        long[] y = new long[x.length];
        BatchModel.interpreted(datapath).evaluate(x, y);
        return new Vectors(x, y, labels);
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
        for (Knees.Knee k : Knees.of(datapath.implemented(), in)) {
            String at = "breakpoint " + k.x().toDecimalString();
            if (k.lastBefore() != null) {
                put(c, in, k.lastBefore() - 1, at + ", left - 1 ulp");
                put(c, in, k.lastBefore(), at + ", left");
            }
            if (k.firstAfter() != null) {
                put(c, in, k.firstAfter(), at + ", right");
                put(c, in, k.firstAfter() + 1, at + ", right + 1 ulp");
            }
        }
        for (Region r : datapath.regions().regions()) {
            put(c, in, r.from() - 1, "region edge - 1 ulp");
            put(c, in, r.from(), "region edge");
            put(c, in, r.to(), "region edge");
            put(c, in, r.to() + 1, "region edge + 1 ulp");
        }
        for (Region r : datapath.regions().regions()) {
            if (r.value() instanceof Region.Computed v) {
                int ties = 0;
                long limit = Math.min(r.to(), r.from() + (1 << 16));
                for (long x = r.from(); x <= limit && ties < MAX_TIES; x++) {
                    Rational t = v.t().at(x);
                    if (t.subtract(Rational.of(t.floor(), BigInteger.ONE)).equals(Rational.HALF)) {
                        put(c, in, x, "rounding tie");
                        ties++;
                    }
                }
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
