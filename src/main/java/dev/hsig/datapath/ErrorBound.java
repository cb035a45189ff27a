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
        return (strict ? "< " : "<= ") + ulps.toDecimalString() + " ulp";
    }
}
