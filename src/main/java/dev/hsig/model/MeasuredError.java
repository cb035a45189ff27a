package dev.hsig.model;

import dev.hsig.arithmetic.Rational;
import dev.hsig.datapath.Datapath;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;

/**
 * The largest |output - f(x)| in output ulps over every input word, measured with exact rationals against the
 * exact requested function (not saturated: where the output saturates, that is error too, as the bound says). Only
 * for inputs up to {@link #MAX_BITS} bits; the proven bound holds everywhere regardless.
 */
public record MeasuredError(Rational maxUlps, long atRaw) {
    public static final int MAX_BITS = 16;

    /** Null when the input is wider than {@link #MAX_BITS}. */
    public static MeasuredError of(Datapath d) {
        Config c = d.config();
        QFormat in = c.input();
        QFormat out = c.output();
        if (in.width() > MAX_BITS) {
            return null;
        }
        long[] x = new long[(int) in.count()];
        for (int i = 0; i < x.length; i++) {
            x[i] = in.minRaw() + i;
        }
        long[] y = new long[x.length];
        BatchModel.interpreted(d).evaluate(x, y);
        Rational worst = Rational.ZERO;
        long at = in.minRaw();
        for (int i = 0; i < x.length; i++) {
            Rational exact = out.inUlps(c.function().at(in.value(x[i]))).add(Rational.of(out.zero()));
            Rational err = Rational.of(y[i]).subtract(exact).abs();
            if (err.compareTo(worst) > 0) {
                worst = err;
                at = x[i];
            }
        }
        return new MeasuredError(worst, at);
    }
}
