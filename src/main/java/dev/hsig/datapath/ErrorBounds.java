package dev.hsig.datapath;

import dev.hsig.arithmetic.Integers;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Activation;
import dev.hsig.spec.Config;
import dev.hsig.spec.Polynomial;
import dev.hsig.spec.Shape;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The proven worst-case error of a datapath against the exact requested function, in output ulps, region by
 * region:
 * <ul>
 * <li>a constant region: exactly the largest |c - t(X)| on it (t the requested function in output ulps);</li>
 * <li>a computed region: its rounding error, at most floor(L/2)/L for the nearest modes and (L-1)/L for the
 * directed ones when t's values are multiples of 1/L, plus, with {@code --terms}, the largest difference between
 * the implemented and the requested polynomial on it;</li>
 * <li>a wrapped span adds 2^W times the most wraps.</li>
 * </ul>
 * Saturated and wrapped inputs are kept apart from the representable ones, so both are stated.
 */
final class ErrorBounds {
    private ErrorBounds() {
    }

    static ErrorBound of(Config config, Activation implemented, Regions regions) {
        QFormat in = config.input();
        QFormat out = config.output();
        Rational representable = Rational.ZERO;
        Rational outside = Rational.ZERO;
        List<long[]> saturated = spans(regions.saturated());
        List<long[]> wrapped = spans(regions.wrapped());
        for (Region r : regions.regions()) {
            for (long[] part : split(r.from(), r.to(), saturated, wrapped)) {
                Rational e = error(config, r.value(), part[0], part[1], part[2] == 2);
                if (part[2] == 0) {
                    representable = representable.max(e);
                } else {
                    outside = outside.max(e);
                }
            }
        }
        List<String> where = new ArrayList<>();
        for (Regions.Span s : regions.saturated()) {
            String side = s.what().contains("above") ? "above " + value(out, out.maxRaw()) : "below "
                    + value(out, out.minRaw());
            if (!where.contains("saturation " + side)) {
                where.add("saturation " + side);
            }
        }
        if (!regions.wrapped().isEmpty()) {
            where.add("wraps for " + count(regions.wrapped()) + " of " + in.count() + " inputs");
        }
        return new ErrorBound(representable.max(outside), representable, String.join(", ", where));
    }

    private static String value(QFormat f, long raw) {
        String d = f.value(raw).toDecimalString();
        return d.length() <= 10 ? d : f.value(raw).toString();
    }

    private static long count(List<Regions.Span> spans) {
        return spans.stream().mapToLong(s -> s.to() - s.from() + 1).sum();
    }

    private static List<long[]> spans(List<Regions.Span> spans) {
        return spans.stream().map(s -> new long[] {s.from(), s.to()}).toList();
    }

    /** [from, to] cut into parts tagged 0 (representable), 1 (saturated) or 2 (wrapped). */
    private static List<long[]> split(long from, long to, List<long[]> saturated, List<long[]> wrapped) {
        List<long[]> marks = new ArrayList<>();
        for (long[] s : saturated) {
            marks.add(new long[] {s[0], s[1], 1});
        }
        for (long[] s : wrapped) {
            marks.add(new long[] {s[0], s[1], 2});
        }
        marks.sort(java.util.Comparator.comparingLong(m -> m[0]));
        List<long[]> parts = new ArrayList<>();
        long at = from;
        for (long[] m : marks) {
            long a = Math.max(m[0], from);
            long b = Math.min(m[1], to);
            if (a > b) {
                continue;
            }
            if (at < a) {
                parts.add(new long[] {at, a - 1, 0});
            }
            parts.add(new long[] {a, b, m[2]});
            at = b + 1;
        }
        if (at <= to) {
            parts.add(new long[] {at, to, 0});
        }
        return parts;
    }

    /** The largest error on the raw inputs [from, to] of a region whose output comes from {@code value}. */
    private static Rational error(Config config, Region.Value value, long from, long to, boolean wraps) {
        QFormat in = config.input();
        QFormat out = config.output();
        Shape requested = config.function().shape();
        Rational worst = Rational.ZERO;
        for (int i = 0; i < requested.pieces().size(); i++) {
            long[] range = requested.rawRange(i, in);
            long a = Math.max(range[0], from);
            long b = Math.min(range[1], to);
            if (a > b) {
                continue;
            }
            Polynomial t = requested.pieces().get(i).onRawWords(in, out);
            if (value instanceof Region.Constant c) {
                Rational[] r = t.range(a, b);
                Rational y = Rational.of(c.raw() - out.zero());
                worst = worst.max(y.subtract(r[0]).abs()).max(y.subtract(r[1]).abs());
            } else {
                Region.Computed v = (Region.Computed) value;
                // The computed value in output ulps about the real 0: t plus its offset, less the zero point.
                Polynomial real = v.t().plus(Rational.of(v.offset() - out.zero()));
                Polynomial diff = new Polynomial(real.c0().subtract(t.c0()), real.c1().subtract(t.c1()),
                        real.c2().subtract(t.c2()));
                Rational[] d = diff.range(a, b);
                Rational e = rounding(v.t().denominator(), v.mode()).add(d[0].abs().max(d[1].abs()));
                if (wraps) {
                    Rational[] y = v.t().range(a, b);
                    BigInteger lo = v.mode().round(y[0]).add(BigInteger.valueOf(v.offset()));
                    BigInteger hi = v.mode().round(y[1]).add(BigInteger.valueOf(v.offset()));
                    BigInteger span = BigInteger.ONE.shiftLeft(out.width());
                    BigInteger jLow = Integers.floorDiv(lo.subtract(BigInteger.valueOf(out.minRaw())), span);
                    BigInteger jHigh = Integers.floorDiv(hi.subtract(BigInteger.valueOf(out.minRaw())), span);
                    e = e.add(Rational.of(span.multiply(jLow.abs().max(jHigh.abs())), BigInteger.ONE));
                }
                worst = worst.max(e);
            }
        }
        return worst;
    }

    /** The largest rounding error of a value that is a multiple of 1/L: floor(L/2)/L to nearest, (L-1)/L directed. */
    static Rational rounding(BigInteger l, RoundingMode mode) {
        BigInteger top = mode.isNearest() ? l.shiftRight(1) : l.subtract(BigInteger.ONE);
        return Rational.of(top, l);
    }
}
