package dev.hsig.reference;

import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import dev.hsig.spec.Polynomial;
import dev.hsig.spec.Shape;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The specification read on raw words for a reference design: for each piece of the function that the input
 * range reaches, its raw inputs [from, to] and f(x) * 2^F_out = (a2*X^2 + a1*X + a0) / L with integers.
 */
record RawPieces(List<Piece> pieces) {
    record Piece(long from, long to, BigInteger a2, BigInteger a1, BigInteger a0, BigInteger l, Rational tMin,
            Rational tMax) {
        /** The largest |a2*X^2 + a1*X + a0| on the piece's inputs, bounding the words a design needs. */
        BigInteger magnitude() {
            Polynomial m = new Polynomial(Rational.of(a0, BigInteger.ONE), Rational.of(a1, BigInteger.ONE),
                    Rational.of(a2, BigInteger.ONE));
            Rational[] r = m.range(from, to);
            return r[0].abs().max(r[1].abs()).ceil();
        }
    }

    static RawPieces of(Config c) {
        QFormat in = c.input();
        Shape shape = c.function().shape();
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < shape.pieces().size(); i++) {
            long[] range = shape.rawRange(i, in);
            if (range[0] > range[1]) {
                continue;
            }
            Polynomial t = shape.pieces().get(i).onRawWords(in, c.output());
            BigInteger l = t.denominator();
            Rational[] tr = t.range(range[0], range[1]);
            BigInteger[] a = t.integerCoefficients(l);
            out.add(new Piece(range[0], range[1], a[2], a[1], a[0], l, tr[0], tr[1]));
        }
        return new RawPieces(out);
    }

    /** How a piece's comment names f in output ulps: {@code f * 2^F}, or {@code f / s} for an affine output. */
    static String inUlps(QFormat out) {
        return out.isAffine() ? "f / " + out.scale().toDecimalString() : "f * 2^" + out.fraction();
    }

    /** A signed sized decimal literal, {@code -40'sd5} or {@code 40'sd5}. */
    static String literal(BigInteger v, int width) {
        return v.signum() < 0 ? "-" + width + "'sd" + v.negate() : width + "'sd" + v;
    }

    /** The signed input as a wider word. */
    static String signedInput(QFormat in) {
        return in.signed() ? "$signed(x)" : "$signed({1'b0, x})";
    }
}
