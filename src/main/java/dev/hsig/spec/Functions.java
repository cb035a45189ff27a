package dev.hsig.spec;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The functions that are not a single clipped line, and the user-defined ones, built from exact rationals. */
public final class Functions {
    private Functions() {
    }

    /** x * clip(x + 3, 0, 6) / 6: 0 up to -3, x(x+3)/6 up to 3, then x (PyTorch Hardswish, Keras 3 hard_silu). */
    public static Activation hardSwish() {
        Shape shape = new Shape(List.of(Polynomial.constant(Rational.ZERO),
                new Polynomial(Rational.ZERO, Rational.HALF, Rational.of(1, 6)), Polynomial.line(Rational.ONE, Rational.ZERO)),
                List.of(Breakpoint.at(Rational.of(-3)), Breakpoint.at(Rational.of(3))));
        return new Activation("hard-swish", "MobileNetV3 hard swish: PyTorch Hardswish, Keras 3 hard_silu / hard_swish",
                "x * clip(x + 3, 0, 6) / 6", shape, Optional.empty(), "");
    }

    /**
     * PLAN (Amin, Curtis and Hayes-Gill, 1997) exactly as the paper defines it on a = |x|: 1 for a &gt;= 5,
     * a/32 + 27/32 for 19/8 &lt;= a &lt; 5, a/8 + 5/8 for 1 &lt;= a &lt; 19/8, a/4 + 1/2 for a &lt; 1, and
     * y(-x) = 1 - y(x). Its segments do not meet at 19/8, so which side owns each breakpoint follows the paper: on
     * the negative side the breakpoint belongs to the piece further from zero.
     */
    public static Activation plan() {
        Rational r32 = Rational.of(1, 32);
        Rational r8 = Rational.of(1, 8);
        Shape shape = new Shape(List.of(
                Polynomial.constant(Rational.ZERO),
                Polynomial.line(r32, Rational.of(5, 32)),
                Polynomial.line(r8, Rational.of(3, 8)),
                Polynomial.line(Rational.of(1, 4), Rational.HALF),
                Polynomial.line(r8, Rational.of(5, 8)),
                Polynomial.line(r32, Rational.of(27, 32)),
                Polynomial.constant(Rational.ONE)),
                List.of(new Breakpoint(Rational.of(-5), false), new Breakpoint(Rational.of(-19, 8), false),
                        new Breakpoint(Rational.of(-1), false), Breakpoint.at(Rational.ONE),
                        Breakpoint.at(Rational.of(19, 8)), Breakpoint.at(Rational.of(5))));
        return new Activation("plan", "PLAN sigmoid approximation (Amin, Curtis and Hayes-Gill, 1997)",
                "PLAN(x): on a = |x|, 1 (a >= 5), a/32 + 27/32 (a >= 19/8), a/8 + 5/8 (a >= 1), a/4 + 1/2; y(-x) = 1 - y(x)",
                shape, Optional.empty(), "");
    }

    /** clip(alpha*x + beta, lo, hi) from the user's exact constants. */
    public static Activation custom(Rational alpha, Rational beta, Rational lo, Rational hi) {
        ClippedLine line = new ClippedLine(alpha, beta, lo, hi);
        String params = "--alpha " + alpha + " --beta " + beta + (lo.signum() == 0 && hi.equals(Rational.ONE) ? ""
                : " --lo " + lo + " --hi " + hi);
        return Activation.clippedLine("custom", "custom constants", line, params);
    }

    /** A knot of a piecewise-linear function. */
    public record Knot(Rational x, Rational y) {
    }

    /**
     * The continuous piecewise-linear function through the knots: y0 below x0, yk above xk, straight lines between.
     * Knots are {@code x0:y0,x1:y1,...} with exact numbers, at least two, x strictly increasing.
     */
    public static Activation pwl(String knotText) {
        List<Knot> knots = parseKnots(knotText);
        List<Polynomial> pieces = new ArrayList<>();
        List<Breakpoint> breaks = new ArrayList<>();
        pieces.add(Polynomial.constant(knots.get(0).y()));
        for (int i = 0; i + 1 < knots.size(); i++) {
            Knot a = knots.get(i);
            Knot b = knots.get(i + 1);
            Rational slope = b.y().subtract(a.y()).divide(b.x().subtract(a.x()));
            pieces.add(Polynomial.line(slope, a.y().subtract(slope.multiply(a.x()))));
            breaks.add(Breakpoint.at(a.x()));
        }
        breaks.add(Breakpoint.at(knots.get(knots.size() - 1).x()));
        pieces.add(Polynomial.constant(knots.get(knots.size() - 1).y()));
        StringBuilder canonical = new StringBuilder();
        for (Knot k : knots) {
            canonical.append(canonical.length() == 0 ? "" : ",").append(k.x()).append(':').append(k.y());
        }
        return new Activation("pwl", "piecewise linear through the knots " + canonical,
                "pwl(" + canonical + ")", new Shape(pieces, breaks), Optional.empty(), "--knots " + canonical);
    }

    static List<Knot> parseKnots(String text) {
        List<Knot> knots = new ArrayList<>();
        String trimmed = text.trim();
        for (String part : trimmed.isEmpty() ? new String[0] : trimmed.split(",", -1)) {
            String[] xy = part.split(":", -1);
            if (xy.length != 2) {
                throw bad(text, "knot '" + part.trim() + "' is not of the form x:y");
            }
            knots.add(new Knot(number(text, xy[0]), number(text, xy[1])));
        }
        if (knots.size() < 2) {
            throw bad(text, "need at least 2 knots x0:y0,x1:y1 (got " + knots.size() + ")");
        }
        for (int i = 1; i < knots.size(); i++) {
            if (knots.get(i).x().compareTo(knots.get(i - 1).x()) <= 0) {
                throw bad(text, "x must be strictly increasing, but " + knots.get(i - 1).x().toDecimalString()
                        + " is followed by " + knots.get(i).x().toDecimalString());
            }
        }
        return knots;
    }

    private static Rational number(String text, String part) {
        try {
            return Rational.parse(part);
        } catch (InvalidInputException e) {
            throw bad(text, "'" + part.trim() + "' is not an exact number such as 0.25, -3 or 1/6");
        }
    }

    private static InvalidInputException bad(String text, String why) {
        return new InvalidInputException("--knots '" + text + "' is not valid: " + why);
    }
}
