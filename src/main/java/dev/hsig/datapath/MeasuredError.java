package dev.hsig.datapath;

import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;

/**
 * The largest |output - exact| in output ulps over every input word, measured with exact rationals (the exact
 * value saturated at the output maximum when the format cannot hold 1.0). Only for inputs up to
 * {@link #MAX_BITS} bits; the proven bound holds everywhere regardless.
 */
public record MeasuredError(Rational maxUlps, long atRaw) {
    public static final int MAX_BITS = 16;

    public static MeasuredError of(Datapath d) {
        Config c = d.config();
        QFormat in = c.input();
        QFormat out = c.output();
        if (in.width() > MAX_BITS) {
            return null;
        }
        Rational worst = Rational.ZERO;
        long at = in.minRaw();
        for (long x = in.minRaw(); x <= in.maxRaw(); x++) {
            Rational exact = c.function().apply(in.value(x)).min(out.maxValue());
            Rational err = out.value(d.evaluate(x)).subtract(exact).abs().scaleByPowerOfTwo(out.fraction());
            if (err.compareTo(worst) > 0) {
                worst = err;
                at = x;
            }
        }
        return new MeasuredError(worst, at);
    }
}
