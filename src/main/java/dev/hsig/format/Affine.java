package dev.hsig.format;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The affine map of TFLite, ONNX and PyTorch quantization: a raw word q stands for {@code scale * (q - zero)}.
 * Every framework stores the scale as a float32, so a written scale is rounded to the nearest float32 (ties to
 * even, as a decimal-to-float conversion rounds), unless it is kept exactly as written ({@code --exact-scales}).
 *
 * @param scale       the scale used, exactly: a float32's value, or the written number
 * @param zero        the zero point, an integer in the word's raw range
 * @param written     the scale as the user wrote it, for names and messages
 * @param float32Bits the float32's bit pattern, or -1 when the scale is kept exact
 */
public record Affine(Rational scale, long zero, String written, long float32Bits) {
    public Affine {
        if (scale.signum() <= 0) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
    }

    /** The scale as written, rounded to float32 or kept exact. */
    public static Affine of(String written, long zero, boolean exact) {
        Rational s;
        try {
            s = Rational.parse(written);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("scale '" + written + "' is not valid: expected a positive decimal or"
                    + " fraction, such as 0.0235294 or 1/64");
        }
        if (s.signum() <= 0) {
            throw new InvalidInputException("scale '" + written + "' is not valid: the scale must be positive");
        }
        if (exact) {
            return new Affine(s, zero, written, -1);
        }
        long bits;
        try {
            bits = float32Bits(s);
        } catch (InvalidInputException e) {
            // Name the scale as written: 1e-40's exact decimal has forty zeros.
            throw new InvalidInputException("scale '" + written + "' " + e.getMessage().replaceFirst("^scale \\S+ ", ""));
        }
        return new Affine(float32Value(bits), zero, written, bits);
    }

    public boolean isFloat32() {
        return float32Bits >= 0;
    }

    /** The scale as a Java float, for the framework semantics that compute in float32. */
    public float scaleAsFloat() {
        return isFloat32() ? Float.intBitsToFloat((int) float32Bits) : (float) scale.toDouble();
    }

    /** The scale, where it came from: {@code 0.0235294 -> float32 0x3CC0C0BA = 0.023529399186372756958}. */
    public String describeScale() {
        return isFloat32() ? written + " -> float32 " + String.format(Locale.ROOT, "0x%08X", float32Bits) + " = "
                + scale.toDecimalString() : written + " (exact, --exact-scales)" + (scale.toDecimalString()
                .equals(written) ? "" : " = " + scale.toDecimalString());
    }

    /** The float32 nearest to a positive rational (ties to even), as its bit pattern: normal floats only. */
    static long float32Bits(Rational s) {
        // e = floor(log2 s): 2^e <= s < 2^(e+1).
        int e = s.num().bitLength() - s.den().bitLength();
        if (s.compareTo(Rational.pow2(e)) < 0) {
            e--;
        }
        // The 24-bit significand m = s * 2^(23 - e), rounded to nearest, ties to even.
        Rational scaled = s.scaleByPowerOfTwo(23 - e);
        BigInteger m = scaled.floor();
        Rational rest = scaled.subtract(Rational.of(m, BigInteger.ONE));
        int half = rest.compareTo(Rational.HALF);
        if (half > 0 || (half == 0 && m.testBit(0))) {
            m = m.add(BigInteger.ONE);
        }
        if (m.bitLength() > 24) {
            m = m.shiftRight(1);
            e++;
        }
        if (e < -126 || e > 127) {
            throw new InvalidInputException("scale " + s.toDecimalString() + " is outside float32's normal range"
                    + " [2^-126, 2^128): no framework stores it");
        }
        return ((long) (e + 127) << 23) | (m.longValueExact() - (1L << 23));
    }

    static Rational float32Value(long bits) {
        int e = (int) ((bits >>> 23) & 0xFF) - 127;
        long m = (bits & ((1L << 23) - 1)) | (1L << 23);
        return Rational.of(m).scaleByPowerOfTwo(e - 23);
    }
}
