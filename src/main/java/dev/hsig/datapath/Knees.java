package dev.hsig.datapath;

import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import dev.hsig.function.HardSigmoid;

/**
 * Where the output saturates. {@code lower} and {@code upper} are the exact real inputs where alpha*x + beta
 * crosses 0 and 1; {@code lastZero} is the highest input word whose output is 0 and {@code firstMax} the lowest
 * whose output is the maximum (read off the model, which is monotonic), or null when the input range never
 * gets there.
 */
public record Knees(Rational lower, Rational upper, Long lastZero, Long firstMax, long max) {
    public static Knees of(Datapath d) {
        HardSigmoid f = d.config().function();
        QFormat in = d.config().input();
        long max = d.evaluate(in.maxRaw());
        long cap = Math.min(1L << d.config().output().fraction(), d.config().output().maxRaw());
        Long lastZero = d.evaluate(in.minRaw()) == 0 ? lastWith(d, in.minRaw(), in.maxRaw(), 0) : null;
        Long firstMax = max == cap ? firstWith(d, in.minRaw(), in.maxRaw(), cap) : null;
        return new Knees(f.lowerKnee(), f.upperKnee(), lastZero, firstMax, cap);
    }

    private static long lastWith(Datapath d, long lo, long hi, long value) {
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (d.evaluate(mid) <= value) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static long firstWith(Datapath d, long lo, long hi, long value) {
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (d.evaluate(mid) >= value) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
