package dev.hsig.format;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed-point format: a raw integer word of {@code width} bits whose value is {@code raw * 2^-fraction}, or, for
 * the affine formats of TFLite, ONNX and PyTorch ({@code int8[scale=S,zero=Z]}), {@code S * (raw - Z)}. A Q format
 * is the affine map with S = 2^-fraction and Z = 0, and everything downstream asks the format for that map
 * ({@link #value}, {@link #rawOf}) rather than assuming a power of two.
 *
 * <p>The sign-bit convention, stated once: in {@code Qm.n} the integer part {@code m} <em>counts the sign
 * bit</em>, so {@code Q4.12} is 16 bits wide with range [-8, 8), exactly like {@code ap_fixed<16,4>}.
 * {@code UQm.n} is unsigned, {@code m + n} bits, like {@code ap_ufixed<m+n,m>}.
 *
 * <p>Supported: widths 1 to 32 and 0 &lt;= fraction &lt;= width (signed formats keep at least the sign bit
 * as integer part). Negative fraction or integer parts (ap_fixed&lt;8,10&gt;) are not supported.
 */
public record QFormat(boolean signed, int width, int fraction, Affine affine) {
    public static final int MAX_WIDTH = 32;
    /** The widths an affine format is accepted at: int2 to int16, as the frameworks quantize. */
    public static final int MIN_AFFINE_WIDTH = 2;
    public static final int MAX_AFFINE_WIDTH = 16;

    private static final Pattern Q = Pattern.compile("(U?)Q(\\d{1,3})\\.(\\d{1,3})", Pattern.CASE_INSENSITIVE);
    private static final Pattern AP = Pattern.compile("ap_(u?)fixed<\\s*(\\d{1,3})\\s*,\\s*(-?\\d{1,3})\\s*>");
    private static final Pattern AFFINE = Pattern.compile("(u?)int(\\d{1,3})\\s*\\[(.*)\\]",
            Pattern.CASE_INSENSITIVE);

    /** A Q format. */
    public QFormat(boolean signed, int width, int fraction) {
        this(signed, width, fraction, null);
    }

    public QFormat {
        if (affine != null) {
            if (fraction != 0) {
                throw new IllegalArgumentException("an affine format has no fraction bits");
            }
            QFormat plain = new QFormat(signed, width, 0);
            if (!plain.contains(affine.zero())) {
                throw new InvalidInputException("zero point " + affine.zero() + " is not valid for "
                        + (signed ? "int" : "uint") + width + ": it must lie in the raw range [" + plain.minRaw() + ", "
                        + plain.maxRaw() + "]");
            }
        }
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

    /**
     * Parses {@code Q4.12}, {@code UQ1.15}, {@code ap_fixed<16,4>}, {@code ap_ufixed<16,1>}, or an affine
     * {@code int8[scale=S,zero=Z]} / {@code uint8[...]} whose scale is rounded to float32.
     */
    public static QFormat parse(String text) {
        return parse(text, false);
    }

    /** As {@link #parse(String)}; with {@code exactScales} an affine scale is kept exactly as written. */
    public static QFormat parse(String text, boolean exactScales) {
        String s = text.trim();
        Matcher affine = AFFINE.matcher(s);
        if (affine.matches()) {
            return affine(text, affine.group(1).isEmpty(), affine.group(2), affine.group(3), exactScales);
        }
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
                + " with a total width of 1 to " + MAX_WIDTH + " bits, or an affine int8[scale=S,zero=Z] / uint8[...]"
                + " (int" + MIN_AFFINE_WIDTH + " to int" + MAX_AFFINE_WIDTH + ")");
    }

    private static QFormat affine(String text, boolean signed, String widthText, String params, boolean exact) {
        int w = Integer.parseInt(widthText);
        if (w < MIN_AFFINE_WIDTH || w > MAX_AFFINE_WIDTH) {
            throw bad(text, "an affine format is int" + MIN_AFFINE_WIDTH + " to int" + MAX_AFFINE_WIDTH + " or uint"
                    + MIN_AFFINE_WIDTH + " to uint" + MAX_AFFINE_WIDTH);
        }
        String scale = null;
        String zero = null;
        for (String p : params.split(",", -1)) {
            String[] kv = p.split("=", -1);
            String key = kv[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (kv.length != 2 || !(key.equals("scale") || key.equals("zero")) || kv[1].isBlank()) {
                throw bad(text, "expected [scale=S] or [scale=S,zero=Z], S a positive decimal or fraction, Z an"
                        + " integer in the raw range");
            }
            if ((key.equals("scale") ? scale : zero) != null) {
                throw bad(text, key + " is given twice");
            }
            if (key.equals("scale")) {
                scale = kv[1].trim();
            } else {
                zero = kv[1].trim();
            }
        }
        if (scale == null) {
            throw bad(text, "an affine format needs its scale: " + (signed ? "" : "u") + "int" + w
                    + "[scale=S,zero=Z]");
        }
        long z;
        try {
            z = zero == null ? 0 : Long.parseLong(zero);
        } catch (NumberFormatException e) {
            throw bad(text, "the zero point '" + zero + "' must be an integer");
        }
        return new QFormat(signed, w, 0, Affine.of(scale, z, exact));
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

    public boolean isAffine() {
        return affine != null;
    }

    /** The zero point: the raw word of the real 0 (0 for a Q format). */
    public long zero() {
        return affine == null ? 0 : affine.zero();
    }

    /** The real value one raw step stands for: 2^-fraction, or the affine scale. */
    public Rational scale() {
        return affine == null ? Rational.pow2(-fraction) : affine.scale();
    }

    public Rational value(long raw) {
        return affine == null ? Rational.of(BigInteger.valueOf(raw), BigInteger.ONE.shiftLeft(fraction))
                : affine.scale().multiply(raw - affine.zero());
    }

    /** The real value as a (generally fractional) raw word: {@code v / scale + zero}, the inverse of {@link #value}. */
    public Rational rawOf(Rational v) {
        return affine == null ? v.scaleByPowerOfTwo(fraction) : v.divide(affine.scale()).add(Rational.of(affine.zero()));
    }

    /** The real value in units of the scale, {@code v / scale}: a rounded result's raw word before the zero point. */
    public Rational inUlps(Rational v) {
        return affine == null ? v.scaleByPowerOfTwo(fraction) : v.divide(affine.scale());
    }

    public Rational ulp() {
        return scale();
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

    /** The ap_fixed type of a Q format; an affine format has none, and says so. */
    public String apType() {
        return affine != null ? "none (affine)" : (signed ? "ap_fixed<" : "ap_ufixed<") + width + "," + integerBits()
                + ">";
    }

    /**
     * A short identifier usable in file and module names: {@code q4_12}, {@code uq1_15}; for an affine format the
     * width, the float32 scale's bits (or the exact scale's numerator and denominator) and the zero point:
     * {@code int8_s3cc0c0ba_zm128}.
     */
    public String identifier() {
        if (affine != null) {
            String s = affine.isFloat32() ? String.format(java.util.Locale.ROOT, "%08x", affine.float32Bits())
                    : affine.scale().num() + (affine.scale().isInteger() ? "" : "d" + affine.scale().den());
            return (signed ? "int" : "uint") + width + "_s" + s + "_z" + (affine.zero() < 0 ? "m" : "")
                    + Math.abs(affine.zero());
        }
        return (signed ? "q" : "uq") + integerBits() + "_" + fraction;
    }

    /** Everything about the format in one line: signedness, width, fraction, range, ulp, ap_fixed name. */
    public String describe() {
        if (affine != null) {
            return toString() + " (" + (signed ? "signed two's complement" : "unsigned") + ", " + width + " bits,"
                    + " affine: value = scale * (raw - zero); scale " + affine.describeScale() + ", zero " + zero()
                    + "; range [" + minValue().toDecimalString() + ", " + maxValue().toDecimalString() + "])";
        }
        return toString() + " (" + (signed ? "signed two's complement" : "unsigned") + ", " + width + " bits, "
                + fraction + " fractional; range [" + minValue().toDecimalString() + ", "
                + maxValue().toDecimalString() + "], ulp 2^-" + fraction + " = " + ulp().toDecimalString()
                + "; " + apType() + ")";
    }

    @Override
    public String toString() {
        if (affine != null) {
            return (signed ? "int" : "uint") + width + "[scale=" + affine.written() + (affine.zero() != 0 ? ",zero="
                    + affine.zero() : "") + "]";
        }
        return (signed ? "Q" : "UQ") + integerBits() + "." + fraction;
    }
}
