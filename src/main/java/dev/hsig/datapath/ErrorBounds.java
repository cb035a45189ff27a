package dev.hsig.datapath;

import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;

/**
 * The proven worst-case error of a datapath against the exact requested function, in output ulps.
 *
 * <p>The hardware computes {@code sat(round(clip(a'*x + b) * 2^F))} exactly, where a' is the implemented slope.
 * Rounding adds at most 1/2 ulp (nearest modes) or less than 1 ulp (directed modes). When a' differs from the
 * requested a, the two clipped lines differ by at most |a' - a| * |x|, and only where at least one of them is
 * unclipped, that is between the lowest and the highest of their knees; saturation to the output maximum
 * cannot increase a difference.
 */
final class ErrorBounds {
    private ErrorBounds() {
    }

    static ErrorBound of(Config config, HardSigmoid implemented) {
        Rational rounding = config.rounding().isNearest() ? Rational.HALF : Rational.ONE;
        boolean strict = !config.rounding().isNearest();
        Rational slopeError = implemented.alpha().subtract(config.function().alpha()).abs();
        if (slopeError.signum() == 0) {
            return new ErrorBound(rounding, strict);
        }
        HardSigmoid f = config.function();
        QFormat in = config.input();
        Rational lo = f.lowerKnee().min(implemented.lowerKnee()).max(in.minValue());
        Rational hi = f.upperKnee().max(implemented.upperKnee()).min(in.maxValue());
        Rational maxAbsX = lo.compareTo(hi) > 0 ? Rational.ZERO : lo.abs().max(hi.abs());
        Rational slopePart = slopeError.multiply(maxAbsX).scaleByPowerOfTwo(config.output().fraction());
        return new ErrorBound(rounding.add(slopePart), strict);
    }
}
