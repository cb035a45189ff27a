package dev.hsig.function;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import java.math.BigInteger;

/**
 * The specification, in exact rationals and written without any knowledge of the shift-add datapath:
 * {@code y_raw = saturate_out(round_mode(clip(alpha*x + beta, 0, 1) * 2^F_out))}, where x is the exact value
 * of the input raw word.
 */
public record ExactReference(HardSigmoid function, QFormat input, QFormat output, RoundingMode rounding) {

    /** The exact real output value (before quantization) in output ulps. */
    public Rational scaledExact(long xRaw) {
        return function.apply(input.value(xRaw)).scaleByPowerOfTwo(output.fraction());
    }

    public long outputRaw(long xRaw) {
        BigInteger rounded = rounding.round(scaledExact(xRaw));
        BigInteger max = BigInteger.valueOf(output.maxRaw());
        BigInteger min = BigInteger.valueOf(output.minRaw());
        return rounded.max(min).min(max).longValueExact();
    }
}
