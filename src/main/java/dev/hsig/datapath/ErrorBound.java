package dev.hsig.datapath;

import dev.hsig.arithmetic.Rational;

/**
 * A proven bound on |hardware output - exact function| in output ulps: {@code <= ulps}, or {@code < ulps} when
 * {@code strict}.
 */
public record ErrorBound(Rational ulps, boolean strict) {
    public boolean admits(Rational error) {
        int c = error.abs().compareTo(ulps);
        return strict ? c < 0 : c <= 0;
    }

    @Override
    public String toString() {
        String exact = ulps.toDecimalString();
        // A bound shown in decimal is rounded up, never down.
        String shown = exact.contains("/") ? new java.math.BigDecimal(ulps.num()).divide(new java.math.BigDecimal(ulps.den()),
                4, java.math.RoundingMode.CEILING).toPlainString() + " (" + exact + ")" : exact;
        return (strict ? "< " : "<= ") + shown + " ulp";
    }
}
