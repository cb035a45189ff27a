package dev.hsig.reference;

import dev.hsig.arithmetic.Integers;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The specification as a checker, for proofs: {@code ok} is 1 exactly when {@code y} is the right output for
 * {@code x}. On each piece m = a2*x*x + a1*x + a0 is L times f(x) * 2^F_out, and "the mode rounds m/L to k or
 * more" is a comparison of m (or 2m) with L*k (or L*(2k - 1)), the tie rules being the mode's definition; y is
 * right when m/L rounds to at least y and not to y + 1 (saturation and wrapping adjusted). Written from the
 * specification alone, with only multiplications and comparisons, which a SAT solver handles far better than
 * the dividers of {@link DivisionReference}; that is what makes 32-bit proofs take seconds.
 */
public final class SpecChecker {
    private final Config c;
    private final int w;
    private final StringBuilder v = new StringBuilder();

    private SpecChecker(Config c, int w) {
        this.c = c;
        this.w = w;
    }

    public static String verilog(Config c, String module) {
        List<RawPieces.Piece> pieces = RawPieces.of(c).pieces();
        QFormat out = c.output();
        BigInteger biggest = BigInteger.ONE.shiftLeft(out.width() + 2);
        for (RawPieces.Piece p : pieces) {
            BigInteger l = p.l();
            BigInteger top = p.tMax().ceil().abs().max(p.tMin().floor().abs()).add(BigInteger.ONE.shiftLeft(out.width() + 1));
            biggest = biggest.max(p.magnitude().shiftLeft(1)).max(l.multiply(top).shiftLeft(1));
        }
        return new SpecChecker(c, biggest.bitLength() + 3).text(pieces, module);
    }

    private String text(List<RawPieces.Piece> pieces, String module) {
        QFormat in = c.input();
        QFormat out = c.output();
        v.append("// SPECIFICATION CHECKER for proofs: ok = 1 exactly when y is ").append(c.function().equation())
                .append(", ").append(in).append(" -> ").append(out).append(", ").append(c.rounding().cliName())
                .append(", overflow ").append(c.overflow().cliName()).append(".\n");
        v.append("module ").append(module).append(" (input wire [").append(in.width() - 1).append(":0] x, input wire [")
                .append(out.width() - 1).append(":0] y, output wire ok);\n");
        v.append("    wire signed [").append(w - 1).append(":0] xs = ").append(RawPieces.signedInput(in)).append(";\n");
        // ys is the rounded value before the zero point (an affine output's; a Q format's is 0).
        v.append("    wire signed [").append(w - 1).append(":0] ys = ").append(out.signed() ? "$signed(y)"
                : "$signed({1'b0, y})").append(out.zero() == 0 ? "" : " - " + lit(BigInteger.valueOf(out.zero())))
                .append(";\n");
        List<String> oks = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            RawPieces.Piece p = pieces.get(i);
            String in_i = "in" + i;
            v.append("    // piece ").append(i).append(": raw x in [").append(p.from()).append(", ").append(p.to())
                    .append("], ").append(RawPieces.inUlps(out)).append(" = m / ").append(p.l()).append('\n');
            v.append("    wire ").append(in_i).append(" = xs >= ").append(lit(BigInteger.valueOf(p.from()))).append(" && xs <= ")
                    .append(lit(BigInteger.valueOf(p.to()))).append(";\n");
            // Horner form for a quadratic, xs * (a2*xs + a1) + a0; the one variable product stays a '*'.
            v.append("    wire signed [").append(w - 1).append(":0] m").append(i).append(" = ")
                    .append(p.a2().signum() == 0 ? "xs * " + lit(p.a1()) : "xs * (xs * " + lit(p.a2()) + " + "
                            + lit(p.a1()) + ")").append(" + ").append(lit(p.a0())).append(";\n");
            String rule = rule(p, i); // may declare helper wires first
            v.append("    wire ok").append(i).append(" = ").append(rule).append(";\n");
            oks.add("(" + in_i + " && ok" + i + ")");
        }
        v.append("    assign ok = ").append(String.join(" || ", oks)).append(";\n");
        v.append("endmodule\n");
        return v.toString();
    }

    /** Whether y is right on piece i. */
    private String rule(RawPieces.Piece p, int i) {
        QFormat out = c.output();
        String m = "m" + i;
        if (p.a1().signum() == 0 && p.a2().signum() == 0) {
            BigInteger r = c.rounding().round(Rational.of(p.a0(), p.l()));
            long raw = c.overflow().apply(r.add(BigInteger.valueOf(out.zero())), out.minRaw(), out.maxRaw(),
                    out.width());
            return "ys == " + lit(BigInteger.valueOf(raw - out.zero()));
        }
        if (p.l().bitCount() == 1) {
            return direct(p, i);
        }
        if (c.overflow() == Overflow.SATURATE) {
            BigInteger max = BigInteger.valueOf(out.maxRaw() - out.zero());
            BigInteger min = BigInteger.valueOf(out.minRaw() - out.zero());
            return "(ys == " + lit(max) + " ? " + ge(m, p.l(), lit(max), even(max)) + " : ys == " + lit(min) + " ? !"
                    + ge(m, p.l(), lit(min.add(BigInteger.ONE)), even(min.add(BigInteger.ONE))) + " : "
                    + roundsTo(m, p.l(), "ys") + ")";
        }
        // Wrap: y is right when m/L rounds to y + j*2^W for one of the wrap counts the piece can reach.
        BigInteger span = BigInteger.ONE.shiftLeft(out.width());
        BigInteger lo = c.rounding().round(p.tMin());
        BigInteger hi = c.rounding().round(p.tMax());
        BigInteger base = BigInteger.valueOf(out.minRaw() - out.zero());
        List<String> any = new ArrayList<>();
        for (BigInteger j = Integers.floorDiv(lo.subtract(base), span); j.compareTo(Integers.floorDiv(hi.subtract(base),
                span)) <= 0; j = j.add(BigInteger.ONE)) {
            any.add(roundsTo(m, p.l(), "(ys + " + lit(j.multiply(span)) + ")"));
        }
        return "(" + String.join(" || ", any) + ")";
    }

    /**
     * L = 2^k: the rounded value itself, floor((m + bias) / 2^k) with the mode's bias (by the sign of m where the
     * mode depends on it) and ties to even clearing the last bit, then saturated or wrapped and compared.
     */
    private String direct(RawPieces.Piece p, int i) {
        QFormat out = c.output();
        BigInteger l = p.l();
        int k = l.getLowestSetBit();
        RoundingMode mode = c.rounding();
        String m = "m" + i;
        String biased = "b" + i;
        String pos = lit(bias(mode.forNonNegative(), l));
        String neg = lit(bias(mode.forNegative(), l));
        v.append("    wire signed [").append(w - 1).append(":0] ").append(biased).append(" = ").append(m).append(" + ")
                .append(pos.equals(neg) ? pos : "(" + m + " < " + lit(BigInteger.ZERO) + " ? " + neg + " : " + pos + ")")
                .append(";\n");
        String r = "r" + i;
        v.append("    wire signed [").append(w - 1).append(":0] ").append(r).append(" = ").append(biased).append(" >>> ")
                .append(k).append(";\n");
        String rounded = r;
        if (mode == RoundingMode.NEAREST_EVEN && k > 0) {
            rounded = "e" + i;
            v.append("    wire signed [").append(w - 1).append(":0] ").append(rounded).append(" = ").append(biased)
                    .append("[").append(k - 1).append(":0] == ").append(k).append("'d0 ? {").append(r).append("[")
                    .append(w - 1).append(":1], 1'b0} : ").append(r).append(";  // a tie goes to even\n");
        }
        if (c.overflow() == Overflow.WRAP) {
            if (out.zero() != 0) {
                String raw = "z" + i;
                v.append("    wire signed [").append(w - 1).append(":0] ").append(raw).append(" = ").append(rounded)
                        .append(" + ").append(lit(BigInteger.valueOf(out.zero()))).append(";  // the zero point\n");
                rounded = raw;
            }
            return "y == " + rounded + "[" + (out.width() - 1) + ":0]";
        }
        String max = lit(BigInteger.valueOf(out.maxRaw() - out.zero()));
        String min = lit(BigInteger.valueOf(out.minRaw() - out.zero()));
        return "ys == (" + rounded + " > " + max + " ? " + max + " : " + rounded + " < " + min + " ? " + min + " : "
                + rounded + ")";
    }

    /** What floor((m + bias) / L) needs to round m / L in a sign-free mode. */
    private static BigInteger bias(RoundingMode mode, BigInteger l) {
        return switch (mode) {
            case FLOOR -> BigInteger.ZERO;
            case CEIL -> l.subtract(BigInteger.ONE);
            case NEAREST_DOWN -> l.shiftRight(1).subtract(l.equals(BigInteger.ONE) ? BigInteger.ZERO : BigInteger.ONE);
            default -> l.shiftRight(1); // nearest-up, nearest-even before its tie fix
        };
    }

    /** m/L rounds to exactly k = ys + a multiple of 2^W: to k or more, and not to k + 1 or more. */
    private String roundsTo(String m, BigInteger l, String k) {
        return "(" + ge(m, l, k, "!ys[0]") + " && !" + ge(m, l, "(" + k + " + " + lit(BigInteger.ONE) + ")", "ys[0]")
                + ")";
    }

    private static String even(BigInteger k) {
        return k.testBit(0) ? "1'b0" : "1'b1";
    }

    /**
     * "m/L rounds to k or more" in the mode, from the mode's definition: floor reaches k when m &gt;= L*k; the
     * nearest modes when 2m passes L*(2k - 1), a tie going the mode's way (to even: to k when k is even; toward
     * zero or away from it: by the sign of m). {@code even} says whether k is even.
     */
    private String ge(String m, BigInteger l, String k, String even) {
        String lk = lit(l) + " * " + k;
        String half = lit(l) + " * (2 * " + k + " - " + lit(BigInteger.ONE) + ")";
        String twoM = "(2 * " + m + ")";
        String neg = "(" + m + " < " + lit(BigInteger.ZERO) + ")";
        RoundingMode mode = c.rounding();
        return switch (mode) {
            case FLOOR -> "(" + m + " >= " + lk + ")";
            case CEIL -> "(" + m + " > " + lk + " - " + lit(l) + ")";
            case ZERO -> "(" + neg + " ? " + m + " > " + lk + " - " + lit(l) + " : " + m + " >= " + lk + ")";
            case NEAREST_UP -> "(" + twoM + " >= " + half + ")";
            case NEAREST_DOWN -> "(" + twoM + " > " + half + ")";
            case NEAREST_ZERO -> "(" + neg + " ? " + twoM + " >= " + half + " : " + twoM + " > " + half + ")";
            case NEAREST_AWAY -> "(" + neg + " ? " + twoM + " > " + half + " : " + twoM + " >= " + half + ")";
            case NEAREST_EVEN -> "(" + twoM + " > " + half + " || " + twoM + " == " + half + " && " + even + ")";
        };
    }

    private String lit(BigInteger value) {
        return RawPieces.literal(value, w);
    }
}
