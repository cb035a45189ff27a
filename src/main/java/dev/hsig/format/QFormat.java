package dev.hsig.format;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed-point format: a raw integer word of {@code width} bits whose value is {@code raw * 2^-fraction}.
 *
 * <p>The sign-bit convention, stated once: in {@code Qm.n} the integer part {@code m} <em>counts the sign
 * bit</em>, so {@code Q4.12} is 16 bits wide with range [-8, 8), exactly like {@code ap_fixed<16,4>}.
 * {@code UQm.n} is unsigned, {@code m + n} bits, like {@code ap_ufixed<m+n,m>}.
 *
 * <p>Supported: widths 1 to 32 and 0 &lt;= fraction &lt;= width (signed formats keep at least the sign bit
 * as integer part). Negative fraction or integer parts (ap_fixed&lt;8,10&gt;) are not supported.
 */
public record QFormat(boolean signed, int width, int fraction) {
    public static final int MAX_WIDTH = 32;

    private static final Pattern Q = Pattern.compile("(U?)Q(\\d{1,3})\\.(\\d{1,3})", Pattern.CASE_INSENSITIVE);
    private static final Pattern AP = Pattern.compile("ap_(u?)fixed<\\s*(\\d{1,3})\\s*,\\s*(-?\\d{1,3})\\s*>");

    public QFormat {
        if (width < 1 || width > MAX_WIDTH) {
            throw new InvalidInputException("format width " + width + " is not supported: the total width must be 1 to "
                    + MAX_WIDTH + " bits");
        }
        int integerBits = width - fraction;
        if (fraction < 0 || integerBits < (signed ? 1 : 0)) {
            throw new InvalidInputException("format with width " + width + " and " + fraction
                    + " fractional bits is not supported: need 0 <= fractional bits <= width"
                    + (signed ? " - 1 (a signed format's integer part counts the sign bit)" : ""));
        }
    }

    /** Parses {@code Q4.12}, {@code UQ1.15}, {@code ap_fixed<16,4>} or {@code ap_ufixed<16,1>}. */
    public static QFormat parse(String text) {
        String s = text.trim();
        Matcher q = Q.matcher(s);
        if (q.matches()) {
            int m = Integer.parseInt(q.group(2));
            int n = Integer.parseInt(q.group(3));
            boolean signed = q.group(1).isEmpty();
            if (signed && m < 1) {
                throw bad(text, "in Qm.n the integer part m counts the sign bit, so m must be at least 1 (use UQ"
                        + m + "." + n + " for an unsigned format)");
            }
            if (m + n < 1 || m + n > MAX_WIDTH) {
                throw bad(text, "m + n is the width and must be 1 to " + MAX_WIDTH);
            }
            return new QFormat(signed, m + n, n);
        }
        Matcher ap = AP.matcher(s);
        if (ap.matches()) {
            boolean signed = ap.group(1).isEmpty();
            int w = Integer.parseInt(ap.group(2));
            int i = Integer.parseInt(ap.group(3));
            if (w < 1 || w > MAX_WIDTH) {
                throw bad(text, "the width W must be 1 to " + MAX_WIDTH);
            }
            if (i < (signed ? 1 : 0) || i > w) {
                throw bad(text, "the integer bits I must be " + (signed ? "1" : "0") + " to W (" + w
                        + "); negative fractional or integer parts are not supported");
            }
            return new QFormat(signed, w, w - i);
        }
        throw bad(text, "expected Qm.n (signed, m counts the sign bit), UQm.n (unsigned), ap_fixed<W,I> or ap_ufixed<W,I>,"
                + " with a total width of 1 to " + MAX_WIDTH + " bits");
    }

    private static InvalidInputException bad(String text, String allowed) {
        return new InvalidInputException("format '" + text + "' is not valid: " + allowed);
    }

    /** Integer bits, counting the sign bit for a signed format. */
    public int integerBits() {
        return width - fraction;
    }

    public long minRaw() {
        return signed ? -(1L << (width - 1)) : 0;
    }

    public long maxRaw() {
        return signed ? (1L << (width - 1)) - 1 : (1L << width) - 1;
    }

    /** Number of distinct raw words, 2^width. */
    public long count() {
        return 1L << width;
    }

    public Rational value(long raw) {
        return Rational.of(BigInteger.valueOf(raw), BigInteger.ONE.shiftLeft(fraction));
    }

    public Rational ulp() {
        return value(1);
    }

    public Rational minValue() {
        return value(minRaw());
    }

    public Rational maxValue() {
        return value(maxRaw());
    }

    public boolean contains(long raw) {
        return raw >= minRaw() && raw <= maxRaw();
    }

    /** Reinterprets the low {@code width} bits of {@code bits} as a raw word of this format. */
    public long fromBits(long bits) {
        long masked = bits & ((1L << width) - 1);
        return signed && masked >= (1L << (width - 1)) ? masked - (1L << width) : masked;
    }

    /** The raw word as {@code width} bits (two's complement for a signed format). */
    public long toBits(long raw) {
        return raw & ((1L << width) - 1);
    }

    public String apType() {
        return (signed ? "ap_fixed<" : "ap_ufixed<") + width + "," + integerBits() + ">";
    }

    /** A short identifier usable in file and module names: {@code q4_12}, {@code uq1_15}. */
    public String identifier() {
        return (signed ? "q" : "uq") + integerBits() + "_" + fraction;
    }

    /** Everything about the format in one line: signedness, width, fraction, range, ulp, ap_fixed name. */
    public String describe() {
        return toString() + " (" + (signed ? "signed two's complement" : "unsigned") + ", " + width + " bits, "
                + fraction + " fractional; range [" + minValue().toDecimalString() + ", "
                + maxValue().toDecimalString() + "], ulp 2^-" + fraction + " = " + ulp().toDecimalString()
                + "; " + apType() + ")";
    }

    @Override
    public String toString() {
        return (signed ? "Q" : "UQ") + integerBits() + "." + fraction;
    }
}
