package dev.hsig.spec;

import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;

/**
 * The specification, in exact rationals and written without any knowledge of the shift-add datapath:
 * {@code y_raw = overflow_out(round_mode(f(x) / scale_out) + zero_out)}, where x is the exact value of the input raw
 * word (a Q format: scale 2^-F, zero 0). The zero point is added after rounding, as TFLite's, ONNX's and PyTorch's
 * quantize does, so a mode that depends on the sign (or ties to even) sees the real value's.
 */
public record ExactReference(Activation function, QFormat input, QFormat output, RoundingMode rounding,
        Overflow overflow) {

    /** The exact real output value (before quantization) in output ulps, before the zero point. */
    public Rational scaledExact(long xRaw) {
        return output.inUlps(function.at(input.value(xRaw)));
    }

    public long outputRaw(long xRaw) {
        return overflow.apply(rounding.round(scaledExact(xRaw)).add(java.math.BigInteger.valueOf(output.zero())),
                output.minRaw(), output.maxRaw(), output.width());
    }
}
