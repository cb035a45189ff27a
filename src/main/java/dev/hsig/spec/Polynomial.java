package dev.hsig.spec;

import dev.hsig.arithmetic.Integers;
import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import java.math.BigInteger;

/**
 * {@code c0 + c1*x + c2*x^2} with exact rational coefficients: one piece of an activation. Degree 2 is needed only
 * by hard-swish's {@code x*(x+3)/6}; every other function is made of lines and constants.
 */
public record Polynomial(Rational c0, Rational c1, Rational c2) {
    public static Polynomial constant(Rational c) {
        return new Polynomial(c, Rational.ZERO, Rational.ZERO);
    }

    public static Polynomial line(Rational slope, Rational offset) {
        return new Polynomial(offset, slope, Rational.ZERO);
    }

    public int degree() {
        return c2.signum() != 0 ? 2 : c1.signum() != 0 ? 1 : 0;
    }

    public Rational at(Rational x) {
        return c2.multiply(x).add(c1).multiply(x).add(c0);
    }

    public Rational at(long x) {
        return at(Rational.of(x));
    }

    /**
     * The same polynomial read on raw words: {@code t(X) = p(value_in(X)) / scale_out}, the exact output in output
     * ulps as a function of the raw input word, before the output's zero point is added (a Q format:
     * {@code p(X * 2^-F_in) * 2^F_out}; an affine input: value_in(X) = s_in * (X - z_in)).
     */
    public Polynomial onRawWords(QFormat in, QFormat out) {
        if (!in.isAffine() && !out.isAffine()) {
            return onRawWords(in.fraction(), out.fraction());
        }
        // x = a*X + b with a = s_in, b = -s_in*z_in; p(aX + b) expanded, then divided by s_out.
        Rational a = in.scale();
        Rational b = a.multiply(-in.zero());
        Rational k0 = c0.add(c1.multiply(b)).add(c2.multiply(b).multiply(b));
        Rational k1 = c1.multiply(a).add(c2.multiply(a).multiply(b).multiply(2));
        Rational k2 = c2.multiply(a).multiply(a);
        Rational s = out.scale();
        return new Polynomial(k0.divide(s), k1.divide(s), k2.divide(s));
    }

    private Polynomial onRawWords(int inFraction, int outFraction) {
        return new Polynomial(c0.scaleByPowerOfTwo(outFraction), c1.scaleByPowerOfTwo(outFraction - inFraction),
                c2.scaleByPowerOfTwo(outFraction - 2 * inFraction));
    }

    /** This polynomial plus a constant. */
    public Polynomial plus(Rational k) {
        return new Polynomial(c0.add(k), c1, c2);
    }

    /** The least common denominator L of the coefficients: L * p has integer coefficients. */
    public BigInteger denominator() {
        return Integers.lcm(Integers.lcm(c0.den(), c1.den()), c2.den());
    }

    /** The coefficients {a0, a1, a2} of L * p, which must be integers (L a multiple of {@link #denominator}). */
    public BigInteger[] integerCoefficients(BigInteger l) {
        Rational[] c = {c0.multiply(l), c1.multiply(l), c2.multiply(l)};
        BigInteger[] a = new BigInteger[3];
        for (int i = 0; i < 3; i++) {
            if (!c[i].isInteger()) {
                throw new IllegalArgumentException(l + " * " + text() + " has a non-integer coefficient");
            }
            a[i] = c[i].num();
        }
        return a;
    }

    /** The x where a quadratic turns, -c1 / (2 c2). */
    public Rational vertex() {
        return c1.negate().divide(c2.multiply(2));
    }

    /** The least and greatest value on the integers of [from, to] (the ends, and the vertex's neighbours). */
    public Rational[] range(long from, long to) {
        Rational lo = at(from).min(at(to));
        Rational hi = at(from).max(at(to));
        if (degree() == 2) {
            BigInteger v = vertex().floor();
            for (BigInteger x : new BigInteger[] {v, v.add(BigInteger.ONE)}) {
                if (x.compareTo(BigInteger.valueOf(from)) >= 0 && x.compareTo(BigInteger.valueOf(to)) <= 0) {
                    Rational y = at(Rational.of(x, BigInteger.ONE));
                    lo = lo.min(y);
                    hi = hi.max(y);
                }
            }
        }
        return new Rational[] {lo, hi};
    }

    /** {@code 1/5*x + 1/2}, {@code 1/6*x^2 + 1/2*x}, {@code x - 3}: signs read as a person writes them. */
    public String text() {
        StringBuilder s = new StringBuilder();
        term(s, c2, "x^2");
        term(s, c1, "x");
        term(s, c0, "");
        return s.length() == 0 ? "0" : s.toString();
    }

    private static void term(StringBuilder s, Rational c, String power) {
        if (c.signum() == 0) {
            return;
        }
        boolean negative = c.signum() < 0;
        s.append(s.length() == 0 ? (negative ? "-" : "") : negative ? " - " : " + ");
        Rational magnitude = c.abs();
        if (power.isEmpty()) {
            s.append(magnitude);
        } else {
            s.append(magnitude.equals(Rational.ONE) ? "" : magnitude + "*").append(power);
        }
    }
}
