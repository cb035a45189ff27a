package dev.hsig.datapath;

import dev.hsig.arithmetic.Rational;
import java.math.BigDecimal;

/**
 * A proven bound on |hardware output - f(x)| in output ulps, against the exact requested function f at every
 * input word. Where the output saturates (or wraps) the error is stated on its own, so the reader sees both the
 * whole bound and the accuracy where f is representable.
 *
 * @param ulps          the bound over every input
 * @param representable the bound over the inputs whose rounded f(x) lies in the output range
 * @param outOfRange    where the rest lie, such as {@code saturation above 65535/65536}; empty when none do
 */
public record ErrorBound(Rational ulps, Rational representable, String outOfRange) {
    public boolean admits(Rational error) {
        return error.abs().compareTo(ulps) <= 0;
    }

    /** {@code <= 0.4 ulp}, or {@code <= 1 ulp (saturation above 65535/65536; <= 0.4 ulp where representable)}. */
    @Override
    public String toString() {
        String whole = "<= " + show(ulps) + " ulp";
        return outOfRange.isEmpty() ? whole : whole + " (" + outOfRange + "; <= " + show(representable)
                + " ulp where representable)";
    }

    /** An exact decimal, or four decimals rounded up with the fraction: a bound shown is never rounded down. */
    public static String show(Rational r) {
        String exact = r.toDecimalString();
        if (!exact.contains("/")) {
            return exact;
        }
        return new BigDecimal(r.num()).divide(new BigDecimal(r.den()), 4, java.math.RoundingMode.CEILING)
                .stripTrailingZeros().toPlainString() + " (" + exact + ")";
    }
}
