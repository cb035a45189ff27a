package dev.hsig.spec;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A piecewise polynomial on the whole real line: piece i holds between breakpoint i-1 and breakpoint i (the first
 * piece from minus infinity, the last to plus infinity). This is the exact specification every layer reads: the
 * reference, the planner, the knees, the vectors, the plot and the reference designs.
 */
public record Shape(List<Polynomial> pieces, List<Breakpoint> breakpoints) {
    public Shape {
        pieces = List.copyOf(pieces);
        breakpoints = List.copyOf(breakpoints);
        if (pieces.size() != breakpoints.size() + 1) {
            throw new IllegalArgumentException("a shape has one more piece than breakpoints");
        }
        for (int i = 1; i < breakpoints.size(); i++) {
            if (breakpoints.get(i).x().compareTo(breakpoints.get(i - 1).x()) <= 0) {
                throw new InvalidInputException("breakpoints must be strictly increasing: " + breakpoints.get(i - 1).x()
                        + " is followed by " + breakpoints.get(i).x());
            }
        }
    }

    /** The index of the piece that applies at x. */
    public int pieceAt(Rational x) {
        int i = 0;
        for (Breakpoint b : breakpoints) {
            int c = x.compareTo(b.x());
            if (c > 0 || c == 0 && b.toRight()) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** The exact value at x. */
    public Rational at(Rational x) {
        return pieces.get(pieceAt(x)).at(x);
    }

    /**
     * The raw words of {@code in} whose value falls in piece i, as {from, to}; from &gt; to when there are none.
     * The rule at a breakpoint is the same as {@link #pieceAt}.
     */
    public long[] rawRange(int piece, QFormat in) {
        BigInteger min = BigInteger.valueOf(in.minRaw());
        BigInteger max = BigInteger.valueOf(in.maxRaw());
        BigInteger from = min;
        BigInteger to = max;
        if (piece > 0) {
            Breakpoint b = breakpoints.get(piece - 1);
            Rational bx = in.rawOf(b.x());
            from = b.toRight() ? bx.ceil() : bx.floor().add(BigInteger.ONE);
        }
        if (piece < breakpoints.size()) {
            Breakpoint b = breakpoints.get(piece);
            Rational bx = in.rawOf(b.x());
            to = b.toRight() ? bx.ceil().subtract(BigInteger.ONE) : bx.floor();
        }
        from = from.max(min);
        to = to.min(max);
        if (from.compareTo(to) > 0) {
            return new long[] {1, 0};
        }
        return new long[] {from.longValueExact(), to.longValueExact()};
    }

    /** Whether every breakpoint joins its two pieces at the same value. */
    public boolean continuous() {
        for (int i = 0; i < breakpoints.size(); i++) {
            Rational x = breakpoints.get(i).x();
            if (!pieces.get(i).at(x).equals(pieces.get(i + 1).at(x))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the function never decreases: no piece falls anywhere on the real line where it applies (a line by
     * its slope, a quadratic by where its vertex lies), and no breakpoint steps down.
     */
    public boolean nondecreasing() {
        for (int i = 0; i < pieces.size(); i++) {
            Polynomial p = pieces.get(i);
            if (p.degree() == 1 && p.c1().signum() < 0) {
                return false;
            }
            if (p.degree() == 2) {
                // A parabola rises on one side of its vertex only: the piece must lie wholly on that side.
                Rational v = p.vertex();
                boolean opensUp = p.c2().signum() > 0;
                Rational edge = opensUp ? (i == 0 ? null : breakpoints.get(i - 1).x())
                        : (i == breakpoints.size() ? null : breakpoints.get(i).x());
                if (edge == null || (opensUp ? edge.compareTo(v) < 0 : edge.compareTo(v) > 0)) {
                    return false;
                }
            }
        }
        for (int i = 0; i < breakpoints.size(); i++) {
            Rational x = breakpoints.get(i).x();
            if (pieces.get(i + 1).at(x).compareTo(pieces.get(i).at(x)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The same shape with one piece replaced. */
    Shape withPiece(int i, Polynomial p) {
        List<Polynomial> copy = new ArrayList<>(pieces);
        copy.set(i, p);
        return new Shape(copy, breakpoints);
    }
}
