package dev.hsig.reference;

import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import java.math.BigInteger;
import java.util.List;

/**
 * The function written the obvious way, for proofs, never for synthesis: on each piece m = a2*x*x + a1*x + a0 is
 * L times the exact result, divided with {@code /} and {@code %} over words wide enough for every input, floored,
 * rounded by the mode's rule on the remainder, then saturated or wrapped; comparisons on x pick the piece. It is
 * written from the specification alone and knows nothing of the shift-add datapath.
 */
public final class DivisionReference {
    private DivisionReference() {
    }

    public static String verilog(Config c, String module) {
        QFormat in = c.input();
        QFormat out = c.output();
        List<RawPieces.Piece> pieces = RawPieces.of(c).pieces();
        BigInteger biggest = BigInteger.ONE;
        for (RawPieces.Piece p : pieces) {
            biggest = biggest.max(p.magnitude()).max(p.l());
        }
        int w = biggest.bitLength() + 4;
        StringBuilder v = new StringBuilder();
        v.append("// REFERENCE for proofs only, written with '*', '/' and '%' from the specification; not an hsig core.\n");
        v.append("// ").append(c.function().equation()).append(", ").append(in).append(" -> ").append(out).append(", ")
                .append(c.rounding().cliName()).append(", overflow ").append(c.overflow().cliName()).append(".\n");
        v.append("module ").append(module).append(" (input wire [").append(in.width() - 1).append(":0] x, output wire [")
                .append(out.width() - 1).append(":0] y);\n");
        v.append("    wire signed [").append(w - 1).append(":0] xs = ").append(RawPieces.signedInput(in)).append(";\n");
        for (int i = 0; i < pieces.size(); i++) {
            RawPieces.Piece p = pieces.get(i);
            String l = RawPieces.literal(p.l(), w);
            v.append("    // piece ").append(i).append(": raw x in [").append(p.from()).append(", ").append(p.to())
                    .append("], ").append(RawPieces.inUlps(out)).append(" = (").append(p.a2()).append("*x^2 + ")
                    .append(p.a1()).append("*x + ").append(p.a0()).append(") / ").append(p.l()).append('\n');
            v.append("    wire signed [").append(w - 1).append(":0] m").append(i).append(" = xs * xs * ")
                    .append(RawPieces.literal(p.a2(), w)).append(" + xs * ").append(RawPieces.literal(p.a1(), w))
                    .append(" + ").append(RawPieces.literal(p.a0(), w)).append(";\n");
            // Verilog's signed / and % truncate toward zero: step down once for a negative remainder.
            v.append("    wire signed [").append(w - 1).append(":0] tq").append(i).append(" = m").append(i).append(" / ")
                    .append(l).append(";\n");
            v.append("    wire signed [").append(w - 1).append(":0] tr").append(i).append(" = m").append(i).append(" % ")
                    .append(l).append(";\n");
            v.append("    wire signed [").append(w - 1).append(":0] q").append(i).append(" = tr").append(i)
                    .append(" < 0 ? tq").append(i).append(" - 1 : tq").append(i).append(";  // floor(m / L)\n");
            v.append("    wire signed [").append(w - 1).append(":0] r").append(i).append(" = tr").append(i)
                    .append(" < 0 ? tr").append(i).append(" + ").append(l).append(" : tr").append(i)
                    .append(";  // in [0, L)\n");
            v.append("    wire up").append(i).append(" = ").append(up(c.rounding(), "m" + i, "q" + i, "r" + i, l))
                    .append(";\n");
            v.append("    wire signed [").append(w - 1).append(":0] y").append(i).append(" = q").append(i).append(" + up")
                    .append(i).append(";\n");
        }
        String pick = "y" + (pieces.size() - 1);
        for (int i = pieces.size() - 2; i >= 0; i--) {
            pick = "xs <= " + RawPieces.literal(BigInteger.valueOf(pieces.get(i).to()), w) + " ? y" + i + " : (" + pick
                    + ")";
        }
        // An affine output's zero point is added after rounding, as the specification adds it.
        v.append("    wire signed [").append(w - 1).append(":0] rounded = ").append(out.zero() == 0 ? pick : "(" + pick
                + ") + " + RawPieces.literal(BigInteger.valueOf(out.zero()), w)).append(";\n");
        if (c.overflow() == Overflow.SATURATE) {
            v.append("    assign y = rounded > ").append(RawPieces.literal(BigInteger.valueOf(out.maxRaw()), w))
                    .append(" ? ").append(RawPieces.literal(BigInteger.valueOf(out.maxRaw()), w)).append(" : rounded < ")
                    .append(RawPieces.literal(BigInteger.valueOf(out.minRaw()), w)).append(" ? ")
                    .append(RawPieces.literal(BigInteger.valueOf(out.minRaw()), w)).append(" : rounded;\n");
        } else {
            v.append("    assign y = rounded[").append(out.width() - 1).append(":0];  // wraps\n");
        }
        v.append("endmodule\n");
        return v.toString();
    }

    /** Whether floor(m/L) goes up by one, from the remainder r in [0, L), the sign of m and the parity of q. */
    static String up(RoundingMode mode, String m, String q, String r, String l) {
        String nonzero = "(" + r + " != 0)";
        String above = "(2 * " + r + " > " + l + ")";
        String half = "(2 * " + r + " == " + l + ")";
        String negative = "(" + m + " < 0)";
        return switch (mode) {
            case FLOOR -> "1'b0";
            case CEIL -> nonzero;
            case ZERO -> nonzero + " && " + negative;
            case NEAREST_UP -> above + " || " + half;
            case NEAREST_DOWN -> above;
            case NEAREST_ZERO -> above + " || " + half + " && " + negative;
            case NEAREST_AWAY -> above + " || " + half + " && !" + negative;
            case NEAREST_EVEN -> above + " || " + half + " && " + q + "[0]";
        };
    }
}
