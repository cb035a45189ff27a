package dev.hsig.arithmetic;

import dev.hsig.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact rational number {@code num/den} in lowest terms with {@code den > 0}. This is the arithmetic of the
 * specification: {@code 0.2} parses to exactly 1/5, never to the double nearest to it.
 */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);
    public static final Rational HALF = new Rational(BigInteger.ONE, BigInteger.TWO);

    private static final Pattern DECIMAL = Pattern.compile("([+-]?)(\\d*)(?:\\.(\\d*))?(?:[eE]([+-]?\\d{1,3}))?");
    private static final Pattern FRACTION = Pattern.compile("([+-]?\\d+)\\s*/\\s*(\\d+)");
    private static final int MAX_DIGITS = 60;

    public Rational {
        if (den.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) {
            den = BigInteger.ONE;
        }
    }

    public static Rational of(BigInteger num, BigInteger den) {
        return new Rational(num, den);
    }

    public static Rational of(long num, long den) {
        return new Rational(BigInteger.valueOf(num), BigInteger.valueOf(den));
    }

    public static Rational of(long value) {
        return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
    }

    /** 2^e for any integer e. */
    public static Rational pow2(int e) {
        return e >= 0 ? new Rational(BigInteger.ONE.shiftLeft(e), BigInteger.ONE)
                : new Rational(BigInteger.ONE, BigInteger.ONE.shiftLeft(-e));
    }

    /**
     * Parses an exact decimal ({@code 0.2}, {@code -1.25}, {@code 3e-2}) or a fraction ({@code 1/5}).
     * The result is exact: {@code 0.2} and {@code 1/5} are the same number.
     */
    public static Rational parse(String text) {
        String s = text.trim();
        Matcher f = FRACTION.matcher(s);
        if (f.matches()) {
            if (f.group(1).replaceFirst("^[+-]", "").length() > MAX_DIGITS || f.group(2).length() > MAX_DIGITS) {
                throw bad(text);
            }
            BigInteger den = new BigInteger(f.group(2));
            if (den.signum() == 0) {
                throw new InvalidInputException("number '" + text + "' is not valid: the denominator must not be 0");
            }
            return new Rational(new BigInteger(f.group(1)), den);
        }
        Matcher d = DECIMAL.matcher(s);
        if (d.matches() && !(d.group(2).isEmpty() && (d.group(3) == null || d.group(3).isEmpty()))) {
            String intPart = d.group(2);
            String fracPart = d.group(3) == null ? "" : d.group(3);
            if (intPart.length() + fracPart.length() > MAX_DIGITS) {
                throw bad(text);
            }
            BigInteger digits = new BigInteger(intPart + fracPart + (intPart.isEmpty() && fracPart.isEmpty() ? "0" : ""));
            int exp = (d.group(4) == null ? 0 : Integer.parseInt(d.group(4))) - fracPart.length();
            if (Math.abs(exp) > 200) {
                throw bad(text);
            }
            Rational r = exp >= 0 ? new Rational(digits.multiply(BigInteger.TEN.pow(exp)), BigInteger.ONE)
                    : new Rational(digits, BigInteger.TEN.pow(-exp));
            if (r.num().abs().toString().length() > MAX_DIGITS || r.den().toString().length() > MAX_DIGITS) {
                throw bad(text); // an exponent must not make a number its own fraction form cannot spell
            }
            return d.group(1).equals("-") ? r.negate() : r;
        }
        throw bad(text);
    }

    private static InvalidInputException bad(String text) {
        return new InvalidInputException("number '" + text + "' is not valid: expected an exact decimal such as 0.2 or -1.5e-3,"
                + " or a fraction such as 1/5 (at most " + MAX_DIGITS + " digits)");
    }

    public Rational add(Rational o) {
        return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Rational subtract(Rational o) {
        return add(o.negate());
    }

    public Rational multiply(Rational o) {
        return new Rational(num.multiply(o.num), den.multiply(o.den));
    }

    public Rational multiply(BigInteger k) {
        return new Rational(num.multiply(k), den);
    }

    public static Rational of(BigInteger value) {
        return new Rational(value, BigInteger.ONE);
    }

    public Rational multiply(long k) {
        return new Rational(num.multiply(BigInteger.valueOf(k)), den);
    }

    public Rational divide(Rational o) {
        return new Rational(num.multiply(o.den), den.multiply(o.num));
    }

    /** this * 2^e. */
    public Rational scaleByPowerOfTwo(int e) {
        return multiply(pow2(e));
    }

    public Rational negate() {
        return new Rational(num.negate(), den);
    }

    public Rational abs() {
        return signum() < 0 ? negate() : this;
    }

    public int signum() {
        return num.signum();
    }

    public boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    public BigInteger floor() {
        BigInteger[] qr = num.divideAndRemainder(den);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    public BigInteger ceil() {
        return negate().floor().negate();
    }

    public Rational min(Rational o) {
        return compareTo(o) <= 0 ? this : o;
    }

    public Rational max(Rational o) {
        return compareTo(o) >= 0 ? this : o;
    }

    @Override
    public int compareTo(Rational o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    public double toDouble() {
        return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL128).doubleValue();
    }

    /**
     * The exact decimal expansion when it is finite (denominator of the form 2^a 5^b), such as
     * {@code 0.000244140625}; otherwise the fraction {@code p/q}.
     */
    public String toDecimalString() {
        BigInteger d = den;
        int twos = d.getLowestSetBit();
        d = d.shiftRight(twos);
        int fives = 0;
        BigInteger five = BigInteger.valueOf(5);
        while (d.mod(five).signum() == 0) {
            d = d.divide(five);
            fives++;
        }
        if (!d.equals(BigInteger.ONE)) {
            return toString();
        }
        int scale = Math.max(twos, fives);
        BigDecimal exact = new BigDecimal(num).divide(new BigDecimal(den)).setScale(scale);
        return exact.stripTrailingZeros().scale() <= 0 ? exact.toBigInteger().toString() : exact.stripTrailingZeros().toPlainString();
    }

    /** {@code p/q} or {@code p}; round-trips through {@link #parse}. */
    @Override
    public String toString() {
        return isInteger() ? num.toString() : num + "/" + den;
    }
}
