package dev.hsig.function;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import java.math.BigInteger;

/**
 * The specification again, in exact 64-bit integer arithmetic for speed: t = clip(alpha*x + beta, 0, 1) * 2^F_out
 * is (A*X + B) / L on the raw input X, rounded with the remainder. Like {@link ExactReference} it knows nothing of
 * the datapath; unlike it, it costs a few nanoseconds per input, so exhaustive checks of 2^24 inputs take seconds.
 */
public final class IntegerReference {
    private final long a;
    private final long b;
    private final long l;
    private final long full;
    private final long max;
    private final RoundingMode mode;

    private IntegerReference(long a, long b, long l, long full, long max, RoundingMode mode) {
        this.a = a;
        this.b = b;
        this.l = l;
        this.full = full;
        this.max = max;
        this.mode = mode;
    }

    /** Empty when the constants are too large for 64-bit arithmetic (use {@link ExactReference} then). */
    public static java.util.Optional<IntegerReference> of(Config c) {
        QFormat in = c.input();
        QFormat out = c.output();
        Rational alpha = c.function().alpha().scaleByPowerOfTwo(out.fraction() - in.fraction());
        Rational beta = c.function().beta().scaleByPowerOfTwo(out.fraction());
        BigInteger l = alpha.den().multiply(beta.den());
        BigInteger a = alpha.num().multiply(beta.den());
        BigInteger b = beta.num().multiply(alpha.den());
        BigInteger full = l.shiftLeft(out.fraction());
        int bits = Math.max(a.bitLength() + in.width() + 1, Math.max(b.bitLength(), full.bitLength())) + 2;
        if (bits > 62 || l.bitLength() > 30) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new IntegerReference(a.longValueExact(), b.longValueExact(), l.longValueExact(),
                full.longValueExact(), out.maxRaw(), c.rounding()));
    }

    public long outputRaw(long x) {
        long m = a * x + b; // L * t
        long y;
        if (m <= 0) {
            y = 0; // clipped to 0, which rounds to 0 in every mode
        } else if (m >= full) {
            y = full / l; // clipped to 1.0, that is 2^F_out
        } else {
            long q = m / l;
            long r = m - q * l;
            int half = Long.compare(2 * r, l); // the fraction r/L against 1/2
            boolean up = switch (mode) {
                case FLOOR, ZERO -> false;
                case CEIL -> r != 0;
                case NEAREST_UP, NEAREST_AWAY -> half >= 0;
                case NEAREST_DOWN, NEAREST_ZERO -> half > 0;
                case NEAREST_EVEN -> half > 0 || half == 0 && (q & 1) == 1;
            };
            y = q + (up ? 1 : 0);
        }
        return Math.min(y, max);
    }
}
