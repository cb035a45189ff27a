package dev.hsig.datapath;

import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Activation;
import dev.hsig.spec.Polynomial;
import dev.hsig.spec.Shape;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Segment selection: the input range cut into regions, each a constant output or one polynomial to compute. A
 * piece of the function becomes one region, split where its output saturates (outside the output range), where a
 * quadratic turns, and where the value changes sign under a rounding mode that depends on the sign; neighbours
 * with the same output source merge again. Under wrap the saturating parts stay computed and are listed in
 * {@link #wrapped} instead.
 */
public final class Regions {
    /** Inputs whose output leaves the range, for reports: saturated (clamped) or wrapped. */
    public record Span(long from, long to, String what) {
    }

    private final QFormat in;
    private final QFormat out;
    private final RoundingMode mode;
    private final Overflow overflow;
    private final List<Region> regions = new ArrayList<>();
    private final List<Span> saturated = new ArrayList<>();
    private final List<Span> wrapped = new ArrayList<>();

    private Regions(QFormat in, QFormat out, RoundingMode mode, Overflow overflow) {
        this.in = in;
        this.out = out;
        this.mode = mode;
        this.overflow = overflow;
    }

    public static Regions of(Activation f, QFormat in, QFormat out, RoundingMode mode, Overflow overflow) {
        Regions r = new Regions(in, out, mode, overflow);
        Shape shape = f.shape();
        for (int i = 0; i < shape.pieces().size(); i++) {
            long[] range = shape.rawRange(i, in);
            if (range[0] > range[1]) {
                continue;
            }
            Polynomial t = shape.pieces().get(i).onRawWords(in, out);
            String why = "piece " + (i + 1) + " of " + shape.pieces().size() + ": " + shape.pieces().get(i).text();
            if (t.degree() == 0) {
                r.constant(range[0], range[1], t.c0(), why);
            } else if (t.degree() == 2) {
                // Each side of the vertex is monotonic on the integers.
                long v = Math.max(range[0] - 1, Math.min(range[1], clamp(t.vertex().floor())));
                r.monotonic(t, range[0], v, why);
                r.monotonic(t, v + 1, range[1], why);
            } else {
                r.monotonic(t, range[0], range[1], why);
            }
        }
        r.merge();
        return r;
    }

    public List<Region> regions() {
        return regions;
    }

    public List<Span> saturated() {
        return saturated;
    }

    public List<Span> wrapped() {
        return wrapped;
    }

    private static long clamp(BigInteger v) {
        return v.max(BigInteger.valueOf(Long.MIN_VALUE / 2)).min(BigInteger.valueOf(Long.MAX_VALUE / 2)).longValueExact();
    }

    private void constant(long from, long to, Rational value, String why) {
        BigInteger rounded = mode.round(value).add(BigInteger.valueOf(out.zero()));
        long raw = overflow.apply(rounded, out.minRaw(), out.maxRaw(), out.width());
        noteOutOfRange(from, to, rounded, why);
        regions.add(new Region(from, to, new Region.Constant(raw), why));
    }

    /** A part of a piece on which t is monotonic (possibly empty). */
    private void monotonic(Polynomial t, long from, long to, String why) {
        if (from > to) {
            return;
        }
        boolean rising = t.at(to).compareTo(t.at(from)) >= 0;
        RoundingMode negative = canonical(mode.forNegative(), t);
        RoundingMode positive = canonical(mode.forNonNegative(), t);
        if (negative == positive) {
            rounded(t, from, to, rising, positive, why);
            return;
        }
        // The mode depends on the sign of t: round each side of t = 0 in its own sign-free mode.
        long split = first(from, to, rising ? x -> t.at(x).signum() >= 0 : x -> t.at(x).signum() < 0);
        rounded(t, from, split - 1, rising, rising ? negative : positive, why);
        rounded(t, split, to, rising, rising ? positive : negative, why);
    }

    /**
     * The cheapest sign-free mode that rounds every value of t as {@code m} does: none is needed when t is always
     * an integer (floor, the identity there), and ties cannot occur when t's values are multiples of 1/L for an odd
     * L, so every nearest mode is then nearest-up, which needs no tie logic.
     */
    static RoundingMode canonical(RoundingMode m, Polynomial t) {
        BigInteger l = t.denominator();
        if (l.equals(BigInteger.ONE)) {
            return RoundingMode.FLOOR;
        }
        return m.isNearest() && l.testBit(0) ? RoundingMode.NEAREST_UP : m;
    }

    /** A monotonic part rounded in one sign-free mode: split off where the rounded value leaves the range. */
    private void rounded(Polynomial t, long from, long to, boolean rising, RoundingMode m, String why) {
        if (from > to) {
            return;
        }
        BigInteger min = BigInteger.valueOf(out.minRaw());
        BigInteger max = BigInteger.valueOf(out.maxRaw());
        Region.Computed value = Region.Computed.of(t, m, out.zero());
        // Rounded values rise (or fall) with x, so "above the range" is a suffix (or prefix), as is "below".
        LongPredicate above = x -> value.at(x).compareTo(max) > 0;
        LongPredicate below = x -> value.at(x).compareTo(min) < 0;
        long lo;
        long hi;
        if (rising) {
            lo = first(from, to, below.negate());
            hi = first(from, to, above) - 1;
        } else {
            lo = first(from, to, above.negate());
            hi = first(from, to, below) - 1;
        }
        String headName = rising ? "below" : "above";
        String tailName = rising ? "above" : "below";
        outOfRange(value, from, Math.min(lo - 1, to), headName, why);
        if (lo <= hi) {
            BigInteger a = value.at(lo);
            BigInteger b = value.at(hi);
            regions.add(new Region(lo, hi, a.equals(b) ? new Region.Constant(a.longValueExact()) : value, why));
        }
        outOfRange(value, Math.max(hi + 1, from), to, tailName, why);
    }

    private void outOfRange(Region.Computed value, long from, long to, String side, String why) {
        if (from > to) {
            return;
        }
        boolean high = side.equals("above");
        if (overflow == Overflow.SATURATE) {
            long raw = high ? out.maxRaw() : out.minRaw();
            String what = "f(x) " + (high ? "above the maximum " : "below the minimum ")
                    + out.value(raw).toDecimalString() + ": saturates";
            saturated.add(new Span(from, to, what));
            regions.add(new Region(from, to, new Region.Constant(raw), what));
        } else {
            BigInteger a = value.at(from);
            BigInteger b = value.at(to);
            wrapped.add(new Span(from, to, "f(x) rounds to " + a.min(b) + " .. " + a.max(b) + " ulps, " + side
                    + " the range [" + out.minRaw() + ", " + out.maxRaw() + "]: keeps the low " + out.width() + " bits"));
            regions.add(new Region(from, to, a.equals(b) ? new Region.Constant(overflow.apply(a, out.minRaw(),
                    out.maxRaw(), out.width())) : value, why));
        }
    }

    private void noteOutOfRange(long from, long to, BigInteger rounded, String why) {
        boolean high = rounded.compareTo(BigInteger.valueOf(out.maxRaw())) > 0;
        boolean low = rounded.compareTo(BigInteger.valueOf(out.minRaw())) < 0;
        if (!high && !low) {
            return;
        }
        if (overflow == Overflow.SATURATE) {
            long raw = high ? out.maxRaw() : out.minRaw();
            saturated.add(new Span(from, to, "f(x) " + (high ? "above the maximum " : "below the minimum ")
                    + out.value(raw).toDecimalString() + ": saturates"));
        } else {
            wrapped.add(new Span(from, to, "f(x) rounds to " + rounded + " ulps, " + (high ? "above" : "below")
                    + " the range [" + out.minRaw() + ", " + out.maxRaw() + "]: wraps to "
                    + overflow.apply(rounded, out.minRaw(), out.maxRaw(), out.width())));
        }
    }

    /** The first x in [from, to] where the predicate holds, for a predicate that stays true once true; else to + 1. */
    static long first(long from, long to, LongPredicate p) {
        if (from > to || !p.test(to)) {
            return to + 1;
        }
        long lo = from;
        long hi = to;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (p.test(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Neighbours with the same output source become one region. */
    private void merge() {
        regions.sort(java.util.Comparator.comparingLong(Region::from));
        List<Region> merged = new ArrayList<>();
        for (Region r : regions) {
            Region last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.value().equals(r.value()) && last.to() + 1 == r.from()) {
                merged.set(merged.size() - 1, new Region(last.from(), r.to(), r.value(),
                        last.why().equals(r.why()) ? r.why() : last.why() + "; " + r.why()));
            } else {
                merged.add(r);
            }
        }
        regions.clear();
        regions.addAll(merged);
    }
}
