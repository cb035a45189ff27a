package dev.hsig.spec;

import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The specification again, in exact 64-bit integer arithmetic for speed: on each piece, f(x) * 2^F_out is
 * (a2*X^2 + a1*X + a0) / L on the raw input X, rounded with the remainder. Like {@link ExactReference} it knows
 * nothing of the datapath; unlike it, it costs a few nanoseconds per input, so exhaustive checks of 2^24 inputs
 * take seconds.
 */
public final class IntegerReference {
    private final long[] starts;
    private final long[][] coefficients;
    private final long[] denominators;
    private final RoundingMode mode;
    private final Overflow overflow;
    private final QFormat out;

    private IntegerReference(long[] starts, long[][] coefficients, long[] denominators, Config c) {
        this.starts = starts;
        this.coefficients = coefficients;
        this.denominators = denominators;
        this.mode = c.rounding();
        this.overflow = c.overflow();
        this.out = c.output();
    }

    /** Empty when the constants are too large for 64-bit arithmetic (use {@link ExactReference} then). */
    public static Optional<IntegerReference> of(Config c) {
        Shape shape = c.function().shape();
        QFormat in = c.input();
        int n = shape.pieces().size();
        long[] starts = new long[n];
        long[][] coefficients = new long[n][];
        long[] denominators = new long[n];
        long magnitude = Math.max(Math.abs(in.minRaw()), Math.abs(in.maxRaw()));
        for (int i = 0; i < n; i++) {
            long[] range = shape.rawRange(i, in);
            starts[i] = range[0] <= range[1] ? range[0] : Long.MAX_VALUE; // an empty piece is never chosen
            Polynomial t = shape.pieces().get(i).onRawWords(in, c.output());
            BigInteger l = t.denominator();
            BigInteger[] a = t.integerCoefficients(l);
            // |a2| X^2 + |a1| |X| + |a0| must stay below 2^62.
            BigInteger bound = a[2].abs().multiply(BigInteger.valueOf(magnitude).pow(2))
                    .add(a[1].abs().multiply(BigInteger.valueOf(magnitude))).add(a[0].abs());
            if (bound.bitLength() > 62 || l.bitLength() > 62) {
                return Optional.empty();
            }
            coefficients[i] = new long[] {a[0].longValueExact(), a[1].longValueExact(), a[2].longValueExact()};
            denominators[i] = l.longValueExact();
        }
        return Optional.of(new IntegerReference(starts, coefficients, denominators, c));
    }

    public long outputRaw(long x) {
        int piece = 0;
        for (int i = 1; i < starts.length; i++) {
            if (x >= starts[i]) {
                piece = i;
            }
        }
        long[] a = coefficients[piece];
        long l = denominators[piece];
        long m = (a[2] * x + a[1]) * x + a[0]; // L * t
        long q = Math.floorDiv(m, l);
        long r = m - q * l; // in [0, L)
        int half = Long.compare(2 * r, l); // the fraction r/L against 1/2
        boolean negative = m < 0;
        boolean up = r != 0 && switch (mode) {
            case FLOOR -> false;
            case CEIL -> true;
            case ZERO -> negative;
            case NEAREST_UP -> half >= 0;
            case NEAREST_DOWN -> half > 0;
            case NEAREST_ZERO -> half > 0 || half == 0 && negative;
            case NEAREST_AWAY -> half > 0 || half == 0 && !negative;
            case NEAREST_EVEN -> half > 0 || half == 0 && (q & 1) == 1;
        };
        long y = q + (up ? 1 : 0) + out.zero(); // the zero point after rounding, as ExactReference adds it
        return overflow.apply(y, out.minRaw(), out.maxRaw(), out.width());
    }
}
