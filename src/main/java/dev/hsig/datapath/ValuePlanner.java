package dev.hsig.datapath;

import dev.hsig.arithmetic.Integers;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.spec.Polynomial;
import java.math.BigInteger;
import java.util.List;

/**
 * One computed value: {@code mode(t(X))} for t = (a2*X^2 + a1*X + a0) / (D * 2^k) with D odd. The numerator N is
 * computed exactly (constants by shift and add; the one variable product for a quadratic), divided by D when
 * D &gt; 1 (a reciprocal from below and one remainder correction, so quotient and remainder are exact), and
 * rounded. Every step is exact, so the result equals the specification on every input, ties included.
 */
final class ValuePlanner {
    private final NodeBuilder b;
    private final ConstantMultiplier multiplier;
    private final Divider divider;
    private final Rounder rounder;
    private final int outWidth;

    /** The raw input range, over which a plain offset N = X + c is kept exact (its sign is a comparator). */
    private final long inputLow;
    private final long inputHigh;

    ValuePlanner(NodeBuilder b, int outWidth, long inputLow, long inputHigh) {
        this.b = b;
        this.inputLow = inputLow;
        this.inputHigh = inputHigh;
        this.multiplier = new ConstantMultiplier(b);
        this.divider = new Divider(b, multiplier);
        this.rounder = new Rounder(b);
        this.outWidth = outWidth;
    }

    ConstantMultiplier multiplier() {
        return multiplier;
    }

    /** The node holding the value on raw inputs [lo, hi] of the signed input node {@code xs}. */
    int build(Region.Computed value, int xs, long lo, long hi) {
        RoundingMode mode = value.mode();
        Polynomial t = value.t();
        BigInteger l = t.denominator();
        BigInteger[] a = t.integerCoefficients(l);
        BigInteger g = l.gcd(a[0]).gcd(a[1]).gcd(a[2]);
        l = l.divide(g);
        for (int i = 0; i < 3; i++) {
            a[i] = a[i].divide(g);
        }
        int k = l.getLowestSetBit();
        BigInteger d = l.shiftRight(k);
        boolean table = k == 0 && d.compareTo(BigInteger.ONE) > 0
                && d.shiftLeft(1).compareTo(BigInteger.valueOf(Rounder.MAX_TABLE_ENTRIES)) <= 0;
        int u = 0;
        if (k == 0 && (table || d.equals(BigInteger.ONE))) {
            // A power of two common to the coefficients is applied after the division, keeping N narrow.
            u = Math.min(Integers.trailingZeros(a[0]), Math.min(Integers.trailingZeros(a[1]), Integers.trailingZeros(a[2])));
            for (int i = 0; i < 3; i++) {
                a[i] = a[i].shiftRight(u);
            }
        } else if (k == 0) {
            // A division without a table needs a fraction bit below the result's LSB to round.
            for (int i = 0; i < 3; i++) {
                a[i] = a[i].shiftLeft(1);
            }
            k = 1;
        }
        if (!table && !(k == 0 && d.equals(BigInteger.ONE))) {
            // Round by adding a constant before truncating: floor((N + bias) / (D*2^k)). Ties to even also clear
            // the LSB on an exact tie (the TieToEven node); no rounding adder is needed at all.
            a[0] = a[0].add(Rounder.bias(mode, d, k));
        }
        BigInteger unit = d.shiftLeft(k);
        Rational[] nRange = new Polynomial(rat(a[0]), rat(a[1]), rat(a[2])).range(lo, hi);
        BigInteger yOffset = BigInteger.ZERO;
        BigInteger compensation = BigInteger.ZERO;
        if (d.compareTo(BigInteger.ONE) > 0 && nRange[0].signum() < 0) {
            // The reciprocal divides non-negative numbers: add M*D*2^k to N, which adds M*2^u to y. When M is a
            // multiple of 2^W_out / 2^u the output's W_out low bits, all the core keeps, are unchanged, for free;
            // when that would widen N by more than two bits, M is the least that works and one subtractor takes
            // M*2^u off again.
            BigInteger units = BigInteger.ONE.shiftLeft(Math.max(0, outWidth - u));
            BigInteger free = units.multiply(Integers.ceilDiv(nRange[0].floor().negate(), unit.multiply(units)));
            BigInteger least = Integers.ceilDiv(nRange[0].floor().negate(), unit);
            if (mode == RoundingMode.NEAREST_EVEN && u == 0) {
                // Ties go to even on the lifted value; an odd lift would turn "even" into "odd" once taken off.
                least = least.add(least.testBit(0) ? BigInteger.ONE : BigInteger.ZERO);
                free = free.add(free.testBit(0) ? units : BigInteger.ZERO);
            }
            BigInteger top = nRange[1].floor();
            int freeWidth = Integers.signedWidth(BigInteger.ZERO, top.add(free.multiply(unit)));
            int leastWidth = Integers.signedWidth(BigInteger.ZERO, top.add(least.multiply(unit)));
            BigInteger m = freeWidth <= leastWidth + 2 && freeWidth <= NodeBuilder.MAX_INTERNAL_WIDTH ? free : least;
            a[0] = a[0].add(m.multiply(unit));
            yOffset = m.shiftLeft(u);
            if (m.equals(least) && !least.equals(free)) {
                compensation = yOffset;
            }
            nRange = new Rational[] {nRange[0].add(Rational.of(m.multiply(unit))), nRange[1].add(Rational.of(m.multiply(unit)))};
        }
        BigInteger nLow = nRange[0].floor();
        BigInteger nHigh = nRange[1].floor();
        Rational[] tRange = t.range(lo, hi);
        BigInteger yLow = mode.round(tRange[0]).add(yOffset);
        BigInteger yHigh = mode.round(tRange[1]).add(yOffset);

        int n = numerator(xs, a, lo, hi, nLow, nHigh, d.compareTo(BigInteger.ONE) > 0);
        String numerator = "N = " + new Polynomial(rat(a[0]), rat(a[1]), rat(a[2])).text().replace("x", "X");
        String divisor = (d.equals(BigInteger.ONE) ? "" : d + "*") + "2^" + k;
        b.note("t = " + (u > 0 ? "2^" + u + "*" : "") + "N/(" + divisor + ") with " + numerator
                + (yOffset.signum() > 0 ? " (N lifted by " + yOffset + " output ulps to stay >= 0; "
                        + (compensation.signum() > 0 ? "taken off at the end)" : "they wrap out of the output bits)") : ""));
        int y = rounded(n, d, k, u, table, nLow, nHigh, yLow, yHigh, mode, divisor);
        BigInteger after = BigInteger.valueOf(value.offset()).subtract(compensation);
        if (after.signum() == 0) {
            return y;
        }
        String why = compensation.signum() == 0 ? "the output's zero point " + value.offset() + " added after rounding"
                : value.offset() == 0 ? "the lift of " + compensation + " taken off" : "the lift of " + compensation
                        + " taken off and the zero point " + value.offset() + " added";
        return b.exact("yval", List.of(Node.Term.of(y)), b.fits(after, "the offset"), yLow.add(after),
                yHigh.add(after), "the value, " + why);
    }

    /** mode(N / (D * 2^k)) * 2^u: exact, by a shift, a truncation or the divider. */
    private int rounded(int n, BigInteger d, int k, int u, boolean table, BigInteger nLow,
            BigInteger nHigh, BigInteger yLow, BigInteger yHigh, RoundingMode mode, String divisor) {
        if (d.equals(BigInteger.ONE)) {
            if (k == 0) {
                b.note("exact: y = " + (u > 0 ? "N*2^" + u : "N"));
                return u == 0 ? n : b.exact("ylin", List.of(Node.Term.of(n, u)), 0, yLow, yHigh, "N * 2^" + u);
            }
            b.note("rounded " + mode + " by the offset" + (mode == RoundingMode.NEAREST_EVEN
                    ? " and an LSB cleared on ties" : "") + ", then " + k + " fraction bit" + (k == 1 ? "" : "s")
                    + " dropped");
            return rounder.truncate(n, k, -1, 1, yLow, yHigh, mode, "N / 2^" + k);
        }
        Divider.Quotient quotient = divider.divide(n, d, nLow, nHigh);
        return table ? rounder.byTable(quotient, d, u, mode, yLow, yHigh)
                : rounder.exactQuotient(quotient, d, k, nLow, nHigh, yLow, yHigh, mode, divisor);
    }

    /** N = a2*X^2 + a1*X + a0 exactly: X*(a2*X + a1) + a0 for a quadratic, a1*X + a0 for a line. */
    private int numerator(int xs, BigInteger[] a, long lo, long hi, BigInteger nLow, BigInteger nHigh,
            boolean divided) {
        BigInteger xLow = BigInteger.valueOf(lo);
        BigInteger xHigh = BigInteger.valueOf(hi);
        String text = "N = " + new Polynomial(rat(a[0]), rat(a[1]), rat(a[2])).text() + (divided
                ? ", >= 0 where it is used (the divider needs it)" : "");
        if (a[2].signum() == 0 && a[1].equals(BigInteger.ONE) && xLow.add(a[0]).signum() == 0 && lo > inputLow) {
            // N = X + c is 0 at the first input of the region, and inputs below it exist: kept exact over the whole
            // input range, one bit wider, N < 0 is exactly "below the region", so that comparator is the sign of
            // this adder instead of a carry chain of its own (SelectPlanner).
            BigInteger low = nLow.min(BigInteger.valueOf(inputLow).add(a[0]));
            BigInteger high = nHigh.max(BigInteger.valueOf(inputHigh).add(a[0]));
            return b.shared(offsetKey(a[0].longValueExact()), () -> b.exact("n", List.of(Node.Term.of(xs)),
                    b.fits(a[0], "the offset constant"), low, high, text));
        }
        if (a[2].signum() == 0) {
            return plus(xs, a[1], a[0], xLow, xHigh, nLow, nHigh, "p", "n", text);
        }
        // Z = a2*X + a1, then the one variable product X * Z, then N = X*Z + a0.
        BigInteger zl = a[2].multiply(xLow).add(a[1]);
        BigInteger zh = a[2].multiply(xHigh).add(a[1]);
        int z = plus(xs, a[2], a[1], xLow, xHigh, zl.min(zh), zl.max(zh), "z", "z",
                "Z = " + new Polynomial(rat(a[1]), rat(a[2]), Rational.ZERO).text());
        Rational[] pr = new Polynomial(Rational.ZERO, rat(a[1]), rat(a[2])).range(lo, hi);
        int p = b.add(new Node.Product(b.unique("p"), b.signedWidth(pr[0].floor(), pr[1].floor()), xs, z,
                "x * Z, the one variable product"));
        if (a[0].signum() == 0) {
            return p;
        }
        return b.exact("n", List.of(Node.Term.of(p)), b.fits(a[0], "the offset constant"), nLow, nHigh, text);
    }

    /**
     * c*X + constant for c of either sign: shifts and adds of |c|, then one adder that adds the constant or
     * subtracts from it (a subtraction from zero when there is no constant and c &lt; 0).
     */
    private int plus(int xs, BigInteger c, BigInteger constant, BigInteger xLow, BigInteger xHigh, BigInteger low,
            BigInteger high, String prefix, String name, String comment) {
        int magnitude = multiplier.multiply(xs, c.abs(), xLow, xHigh, prefix, "x", 0);
        if (c.signum() > 0 && constant.signum() == 0) {
            return magnitude;
        }
        return b.exact(name, List.of(new Node.Term(magnitude, 0, c.signum() < 0)), b.fits(constant, "the offset constant"),
                low, high, comment);
    }

    /** The key under which N = X + c is shared, so that a comparator can find it. */
    static List<Object> offsetKey(long c) {
        return List.of("x plus", c);
    }

    private static Rational rat(BigInteger v) {
        return Rational.of(v, BigInteger.ONE);
    }
}
