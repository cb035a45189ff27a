package dev.hsig.verilog;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import java.math.BigInteger;

/**
 * A comparison design, not an hsig core: the same correctly rounded function written the way a designer would
 * with {@code *}: m = A*x + B is L times the scaled result, the rounding is folded into the numerator, and the
 * division by the constant is a multiplication by a rounded-up reciprocal and a shift (exact on the whole range).
 * {@code ./hsig synth} synthesizes it beside the core to show what shift-add saves.
 */
public final class MultiplierReference {
    private MultiplierReference() {
    }

    public static String verilog(Config c, String module) {
        QFormat in = c.input();
        QFormat out = c.output();
        Rational scale = c.function().alpha().scaleByPowerOfTwo(out.fraction() - in.fraction());
        Rational offset = c.function().beta().scaleByPowerOfTwo(out.fraction());
        BigInteger l = lcm(scale.den(), offset.den());
        BigInteger a = scale.num().multiply(l.divide(scale.den()));
        BigInteger b = offset.num().multiply(l.divide(offset.den()));
        RoundingMode mode = c.rounding().forNonNegative();
        boolean nearest = mode != RoundingMode.FLOOR && mode != RoundingMode.CEIL;
        BigInteger den = nearest ? l.shiftLeft(1) : l;
        // The numerator whose floor division by den gives the rounded result, for m > 0.
        BigInteger extra = switch (mode) {
            case FLOOR -> BigInteger.ZERO;
            case CEIL -> l.subtract(BigInteger.ONE);
            case NEAREST_DOWN -> l.subtract(BigInteger.ONE);
            default -> l;
        };
        BigInteger full = l.shiftLeft(out.fraction());
        BigInteger mMax = full;
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
        BigInteger xMax = BigInteger.valueOf(Math.max(Math.abs(in.minRaw()), Math.abs(in.maxRaw())));
        int wm = a.multiply(xMax).abs().add(b.abs()).add(full).bitLength() + 3;
        int wn = numMax.bitLength() + 1;
        int wp = wn + recip.bitLength() + 1;
        int wq = Math.max(wp - s, out.width() + 1);
        long cap = Math.min(1L << out.fraction(), out.maxRaw());
        boolean ties = mode == RoundingMode.NEAREST_EVEN && !l.testBit(0);
        StringBuilder v = new StringBuilder();
        v.append("// REFERENCE DESIGN for comparison only, written with '*' as a designer would; not an hsig core.\n");
        v.append("// ").append(c.function().formula()).append(", ").append(in).append(" -> ").append(out).append(", ")
                .append(c.rounding().cliName()).append(": y = clip(round((A*x + B) / L)) with A = ").append(a)
                .append(", B = ").append(b).append(", L = ").append(l).append(".\n");
        v.append("module ").append(module).append(" (input wire [").append(in.width() - 1).append(":0] x, output wire [")
                .append(out.width() - 1).append(":0] y);\n");
        String xs = in.signed() ? "$signed(x)" : "$signed({1'b0, x})";
        v.append("    wire signed [").append(wm - 1).append(":0] m = ").append(xs).append(" * ").append(lit(a, wm))
                .append(" + ").append(lit(b, wm)).append(";  // L * t\n");
        v.append("    wire [").append(wn - 1).append(":0] num = ").append(nearest ? "2 * m" : "m").append(" + ")
                .append(lit(extra, wm)).append(";  // rounding folded into the numerator\n");
        v.append("    wire [").append(wp - 1).append(":0] prod = num * ").append(wp).append("'d").append(recip)
                .append(";  // times ceil(2^").append(s).append(" / ").append(den).append(")\n");
        v.append("    wire [").append(wq - 1).append(":0] q = prod >> ").append(s).append(";\n");
        String result = "q";
        if (ties) {
            v.append("    wire [").append(wn - 1).append(":0] r = num - q * ").append(wn).append("'d").append(den)
                    .append(";\n");
            v.append("    wire [").append(wq - 1).append(":0] q_even = q - {").append(wq - 1)
                    .append("'d0, r == 0 && q[0]};  // a tie rounds to even\n");
            result = "q_even";
        }
        v.append("    assign y = m <= 0 ? ").append(out.width()).append("'d0 : m >= ").append(lit(full, wm))
                .append(" ? ").append(out.width()).append("'d").append(cap).append(" : ").append(result).append(" > ")
                .append(cap).append(" ? ").append(out.width()).append("'d").append(cap).append(" : ").append(result)
                .append("[").append(out.width() - 1).append(":0];\n");
        v.append("endmodule\n");
        return v.toString();
    }

    private static String lit(BigInteger v, int width) {
        return v.signum() < 0 ? "-" + width + "'sd" + v.negate() : width + "'sd" + v;
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }
}
