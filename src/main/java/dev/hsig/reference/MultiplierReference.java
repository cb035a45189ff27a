package dev.hsig.reference;

import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import java.math.BigInteger;
import java.util.List;

/**
 * A comparison design, not an hsig core: the same correctly rounded function written the way a designer would
 * with {@code *}. On each piece m = a2*x*x + a1*x + a0 is L times the scaled result; it is lifted by a multiple
 * of L to stay non-negative, the rounding is folded into the numerator, and the division by the constant is a
 * multiplication by a rounded-up reciprocal and a shift (exact on the whole range). Comparisons on x pick the
 * piece. {@code ./hsig synth} synthesizes it beside the core to show what shift-add saves; a test proves the two
 * equal.
 */
public final class MultiplierReference {
    private MultiplierReference() {
    }

    public static String verilog(Config c, String module) {
        QFormat in = c.input();
        QFormat out = c.output();
        List<RawPieces.Piece> pieces = RawPieces.of(c).pieces();
        StringBuilder v = new StringBuilder();
        v.append("// REFERENCE DESIGN for comparison only, written with '*' as a designer would; not an hsig core.\n");
        v.append("// ").append(c.function().equation()).append(", ").append(in).append(" -> ").append(out).append(", ")
                .append(c.rounding().cliName()).append(", overflow ").append(c.overflow().cliName()).append(".\n");
        v.append("module ").append(module).append(" (input wire [").append(in.width() - 1).append(":0] x, output wire [")
                .append(out.width() - 1).append(":0] y);\n");
        int wx = in.width() + 1;
        v.append("    wire signed [").append(wx - 1).append(":0] xs = ").append(RawPieces.signedInput(in)).append(";\n");
        int wy = out.width() + 2;
        for (int i = 0; i < pieces.size(); i++) {
            RawPieces.Piece p = pieces.get(i);
            v.append("    // piece ").append(i).append(": raw x in [").append(p.from()).append(", ").append(p.to())
                    .append("]\n");
            wy = Math.max(wy, p.tMin().floor().abs().max(p.tMax().ceil().abs()).bitLength() + 2);
        }
        for (int i = 0; i < pieces.size(); i++) {
            v.append(piece(c, pieces.get(i), i, wy));
        }
        String pick = "y" + (pieces.size() - 1);
        for (int i = pieces.size() - 2; i >= 0; i--) {
            pick = "xs <= " + RawPieces.literal(BigInteger.valueOf(pieces.get(i).to()), wx) + " ? y" + i + " : " + pick;
        }
        v.append("    wire signed [").append(wy - 1).append(":0] rounded = ").append(pick).append(";\n");
        if (c.overflow() == Overflow.SATURATE) {
            String max = RawPieces.literal(BigInteger.valueOf(out.maxRaw()), wy);
            String min = RawPieces.literal(BigInteger.valueOf(out.minRaw()), wy);
            v.append("    wire signed [").append(wy - 1).append(":0] clamped = rounded > ").append(max).append(" ? ")
                    .append(max).append(" : rounded < ").append(min).append(" ? ").append(min).append(" : rounded;\n");
            v.append("    assign y = clamped[").append(out.width() - 1).append(":0];\n");
        } else {
            v.append("    assign y = rounded[").append(out.width() - 1).append(":0];  // wraps\n");
        }
        v.append("endmodule\n");
        return v.toString();
    }

    /** The rounded value of one piece as {@code y<i>}, {@code wy} bits signed. */
    private static String piece(Config c, RawPieces.Piece p, int i, int wy) {
        StringBuilder v = new StringBuilder();
        if (p.a1().signum() == 0 && p.a2().signum() == 0) {
            BigInteger y = c.rounding().round(Rational.of(p.a0(), p.l()));
            v.append("    wire signed [").append(wy - 1).append(":0] y").append(i).append(" = ")
                    .append(RawPieces.literal(y, wy)).append(";  // constant\n");
            return v.toString();
        }
        // Lift m by M*L so it is never negative; M comes off again at the end.
        BigInteger lift = p.tMin().signum() < 0 ? p.tMin().floor().negate() : BigInteger.ZERO;
        BigInteger mMax = p.magnitude().add(lift.multiply(p.l()));
        int wm = mMax.bitLength() + 2;
        v.append("    wire signed [").append(wm - 1).append(":0] m").append(i).append(" = ")
                .append(p.a2().signum() == 0 ? "" : "xs * xs * " + RawPieces.literal(p.a2(), wm) + " + ")
                .append("xs * ").append(RawPieces.literal(p.a1(), wm)).append(" + ")
                .append(RawPieces.literal(p.a0().add(lift.multiply(p.l())), wm)).append(";  // L * (t + ")
                .append(lift).append("), L = ").append(p.l()).append('\n');
        RoundingMode mode = c.rounding();
        boolean bothSigns = p.tMin().signum() < 0 && p.tMax().signum() > 0 && !mode.isSignFree();
        if (bothSigns) {
            // The mode depends on the sign of t: round both ways and pick by the sign.
            v.append(divide(p, i + "n", "m" + i, mMax, mode.forNegative(), wy, lift));
            v.append(divide(p, i + "p", "m" + i, mMax, mode.forNonNegative(), wy, lift));
            v.append("    wire signed [").append(wy - 1).append(":0] y").append(i).append(" = m").append(i).append(" < ")
                    .append(RawPieces.literal(lift.multiply(p.l()), wm)).append(" ? y").append(i).append("n : y").append(i)
                    .append("p;\n");
        } else {
            RoundingMode m = p.tMin().signum() < 0 ? mode.forNegative() : mode.forNonNegative();
            v.append(divide(p, Integer.toString(i), "m" + i, mMax, m, wy, lift));
        }
        return v.toString();
    }

    /** y = round(m / L) - M in a sign-free mode, by a reciprocal multiplication and a shift. */
    private static String divide(RawPieces.Piece p, String tag, String m, BigInteger mMax, RoundingMode mode, int wy,
            BigInteger lift) {
        BigInteger l = p.l();
        boolean nearest = mode.isNearest();
        BigInteger den = nearest ? l.shiftLeft(1) : l;
        // The numerator whose floor division by den gives the rounded result, for m >= 0.
        BigInteger extra = switch (mode) {
            case FLOOR -> BigInteger.ZERO;
            case CEIL, NEAREST_DOWN -> l.subtract(BigInteger.ONE);
            default -> l;
        };
        BigInteger numMax = (nearest ? mMax.shiftLeft(1) : mMax).add(extra);
        int s = numMax.bitLength();
        BigInteger recip;
        while (true) {
            recip = BigInteger.ONE.shiftLeft(s).add(den).subtract(BigInteger.ONE).divide(den);
            BigInteger e = recip.multiply(den).subtract(BigInteger.ONE.shiftLeft(s));
            if (numMax.multiply(e).compareTo(BigInteger.ONE.shiftLeft(s)) < 0) {
                break;
            }
            s++;
        }
        int wn = numMax.bitLength() + 1;
        int wp = wn + recip.bitLength() + 1;
        int wq = Math.max(wp - s, 2);
        boolean ties = mode == RoundingMode.NEAREST_EVEN && !l.testBit(0);
        StringBuilder v = new StringBuilder();
        v.append("    wire [").append(wn - 1).append(":0] num").append(tag).append(" = ").append(nearest ? "2 * " : "")
                .append(m).append(" + ").append(wn).append("'d").append(extra)
                .append(";  // rounding folded into the numerator\n");
        v.append("    wire [").append(wp - 1).append(":0] prod").append(tag).append(" = num").append(tag).append(" * ")
                .append(wp).append("'d").append(recip).append(";  // times ceil(2^").append(s).append(" / ").append(den)
                .append(")\n");
        v.append("    wire [").append(wq - 1).append(":0] q").append(tag).append(" = prod").append(tag).append(" >> ")
                .append(s).append(";\n");
        String result = "q" + tag;
        if (ties) {
            v.append("    wire [").append(wn - 1).append(":0] r").append(tag).append(" = num").append(tag).append(" - q")
                    .append(tag).append(" * ").append(wn).append("'d").append(den).append(";\n");
            v.append("    wire [").append(wq - 1).append(":0] qe").append(tag).append(" = q").append(tag).append(" - {")
                    .append(wq - 1).append("'d0, r").append(tag).append(" == 0 && q").append(tag)
                    .append("[0]};  // a tie rounds to even\n");
            result = "qe" + tag;
        }
        v.append("    wire signed [").append(wy - 1).append(":0] y").append(tag).append(" = $signed({1'b0, ").append(result)
                .append("}) - ").append(RawPieces.literal(lift, wy)).append(";\n");
        return v.toString();
    }
}
