package dev.hsig.spec;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import java.util.List;

/**
 * {@code clip(alpha*x + beta, lo, hi)}: the hard sigmoid and its relatives (hard tanh, ReLU6, custom lines). It is
 * the one family with a single slope, which {@code --terms} may approximate.
 */
public record ClippedLine(Rational alpha, Rational beta, Rational lo, Rational hi) {
    public ClippedLine {
        if (alpha.signum() == 0) {
            throw new InvalidInputException("alpha 0 is not valid: alpha must not be 0 (the function would be the"
                    + " constant clip(beta, lo, hi))");
        }
        if (lo.compareTo(hi) >= 0) {
            throw new InvalidInputException("lo " + lo.toDecimalString() + " and hi " + hi.toDecimalString()
                    + " are not valid: need lo < hi");
        }
    }

    /** Where the line crosses lo and hi, in increasing order of x. */
    public Rational[] knees() {
        Rational atLo = lo.subtract(beta).divide(alpha);
        Rational atHi = hi.subtract(beta).divide(alpha);
        return alpha.signum() > 0 ? new Rational[] {atLo, atHi} : new Rational[] {atHi, atLo};
    }

    public Shape shape() {
        Rational[] k = knees();
        boolean rising = alpha.signum() > 0;
        return new Shape(List.of(Polynomial.constant(rising ? lo : hi), Polynomial.line(alpha, beta),
                Polynomial.constant(rising ? hi : lo)), List.of(Breakpoint.at(k[0]), Breakpoint.at(k[1])));
    }

    /** {@code clip(1/5*x + 1/2, 0, 1)}. */
    public String formula() {
        return "clip(" + Polynomial.line(alpha, beta).text() + ", " + lo + ", " + hi + ")";
    }

    public ClippedLine withSlope(Rational slope) {
        return new ClippedLine(slope, beta, lo, hi);
    }
}
