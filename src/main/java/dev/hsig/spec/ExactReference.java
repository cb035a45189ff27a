package dev.hsig.spec;

import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;

/**
 * The specification, in exact rationals and written without any knowledge of the shift-add datapath:
 * {@code y_raw = overflow_out(round_mode(f(x) * 2^F_out))}, where x is the exact value of the input raw word.
 */
public record ExactReference(Activation function, QFormat input, QFormat output, RoundingMode rounding,
        Overflow overflow) {

    /** The exact real output value (before quantization) in output ulps. */
    public Rational scaledExact(long xRaw) {
        return function.at(input.value(xRaw)).scaleByPowerOfTwo(output.fraction());
    }

    public long outputRaw(long xRaw) {
        return overflow.apply(rounding.round(scaledExact(xRaw)), output.minRaw(), output.maxRaw(), output.width());
    }
}
