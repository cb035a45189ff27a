package dev.hsig.datapath;

import dev.hsig.arithmetic.Csd;
import dev.hsig.arithmetic.Rational;
import java.math.BigInteger;
import java.util.Optional;

/**
 * How the datapath divides a non-negative integer N (at most {@code nMax}) by an odd constant D &gt; 1 with
 * shifts and adds, producing q' = floor(N/D) or floor(N/D) - 1; a remainder step then corrects q'.
 *
 * <p>Three families are searched and the one with fewer adders (then narrower words) wins:
 * <ul>
 * <li>factored: 1/D = K / (2^P - 1) = K * 2^-P * (1 + 2^-P)(1 + 2^-2P)(1 + 2^-4P)..., where P is a multiple of
 * the order of 2 modulo D. {@code stages} factors give a relative error of 2^-(P * 2^stages); each factor is one
 * adder, and {@code guard} fractional bits bound the truncation of its right shift. For 1/5 this is
 * 3/16 * (1+2^-4)(1+2^-8)..., for 1/3 it is 1/4 * (1+2^-2)(1+2^-4)....</li>
 * <li>plain: q' = floor(N * m / 2^P) with m = floor(2^P / D) in canonical signed digits.</li>
 * <li>truncated: the plain sum with every partial product shifted right to {@code guard} fraction bits as it is
 * added, so the words stay about as wide as the quotient (wide formats with large D need it); each positive digit
 * may lose, each negative one gain, less than one unit, so the sum starts at minus the number of negative digits
 * (one adder) to stay below the exact value.</li>
 * </ul>
 * All approximate from below, with a proven total error of at most 1, which is what the one-step remainder
 * correction needs.
 */
record ReciprocalPlan(Family family, BigInteger multiplier, int p, int stages, int guard, int adders, int width) {
    enum Family { FACTORED, PLAIN, TRUNCATED }

    static final int MAX_STAGES = 6;

    /** The shift of stage i of the factored form: P * 2^i. */
    int stageShift(int i) {
        return p << i;
    }

    static Optional<ReciprocalPlan> best(BigInteger d, BigInteger nMax, int maxWidth) {
        ReciprocalPlan best = null;
        for (ReciprocalPlan c : candidates(d, nMax)) {
            if (c.width <= maxWidth && (best == null || c.adders < best.adders
                    || c.adders == best.adders && c.width < best.width)) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    static java.util.List<ReciprocalPlan> candidates(BigInteger d, BigInteger nMax) {
        java.util.List<ReciprocalPlan> out = new java.util.ArrayList<>();
        Rational quotientMax = Rational.of(nMax, d);
        int order = orderOfTwo(d);
        for (int p = order; order > 0 && p <= 62; p += order) {
            BigInteger k = BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE).divide(d);
            int kAdders = Csd.nonzeroCount(k) - 1;
            for (int stages = 0; stages <= MAX_STAGES && (p << stages) <= 124; stages++) {
                Rational series = quotientMax.scaleByPowerOfTwo(-(p << stages));
                if (series.compareTo(Rational.ONE) > 0) {
                    continue;
                }
                boolean found = false;
                for (int guard = 0; guard <= 62 && !found; guard++) {
                    Rational total = series.add(truncation(p, stages, guard));
                    if (total.compareTo(Rational.ONE) <= 0) {
                        int width = bitsOfFactoredTop(nMax.multiply(k), p, stages, guard);
                        out.add(new ReciprocalPlan(Family.FACTORED, k, p, stages, guard, kAdders + stages, width));
                        found = true;
                    }
                }
                if (found) {
                    break; // more stages only add adders
                }
            }
        }
        int nBits = nMax.bitLength();
        for (int p = 1; p <= nBits + d.bitLength() + 6; p++) {
            BigInteger m = BigInteger.ONE.shiftLeft(p).divide(d);
            if (m.signum() == 0) {
                continue;
            }
            // N/D - N*m/2^P = N * (2^P - D*m) / (D * 2^P), largest at N = nMax.
            Rational err = Rational.of(nMax.multiply(BigInteger.ONE.shiftLeft(p).subtract(d.multiply(m))),
                    d.shiftLeft(p));
            if (err.compareTo(Rational.ONE) <= 0) {
                int width = nMax.multiply(m).bitLength() + 1;
                out.add(new ReciprocalPlan(Family.PLAIN, m, p, 0, 0, Csd.nonzeroCount(m) - 1, width));
            }
            truncated(d, nMax, p, m).ifPresent(out::add);
        }
        return out;
    }

    /** The truncated form of m = floor(2^p / D), with the fewest guard bits that keep the error within 1. */
    private static Optional<ReciprocalPlan> truncated(BigInteger d, BigInteger nMax, int p, BigInteger m) {
        Rational series = Rational.of(nMax.multiply(BigInteger.ONE.shiftLeft(p).subtract(d.multiply(m))),
                d.shiftLeft(p));
        java.util.List<Csd.Digit> digits = Csd.adderDigits(m);
        long negatives = digits.stream().filter(Csd.Digit::negative).count();
        for (int guard = 0; guard <= 30; guard++) {
            Rational total = series.add(Rational.of(digits.size(), 1L << guard));
            if (total.compareTo(Rational.ONE) <= 0) {
                int width = nMax.multiply(m).shiftRight(p - guard).add(BigInteger.valueOf(digits.size())).bitLength() + 2;
                int adders = digits.size() - 1 + (negatives > 0 ? 1 : 0);
                return Optional.of(new ReciprocalPlan(Family.TRUNCATED, m, p, 0, guard, adders, width));
            }
        }
        return Optional.empty();
    }

    /** The exponent of each digit of the multiplier once the partial product keeps {@code guard} fraction bits. */
    int truncatedShift(Csd.Digit digit) {
        return digit.position() - p + guard;
    }

    /**
     * The truncation error of the factored form, in quotient units: each stage whose right shift drops bits
     * loses less than 2^-guard, and later stages scale that loss by their factors.
     */
    static Rational truncation(int p, int stages, int guard) {
        Rational total = Rational.ZERO;
        for (int i = 0; i < stages; i++) {
            boolean truncates = i > 0 || (p << i) > guard;
            if (!truncates) {
                continue;
            }
            Rational growth = Rational.ONE;
            for (int l = i + 1; l < stages; l++) {
                growth = growth.multiply(Rational.ONE.add(Rational.pow2(-(p << l))));
            }
            total = total.add(growth);
        }
        return total.scaleByPowerOfTwo(-guard - p);
    }

    private static int bitsOfFactoredTop(BigInteger s, int p, int stages, int guard) {
        if (stages == 0) {
            return s.bitLength() + 1;
        }
        BigInteger t = s.shiftLeft(guard).add(dev.hsig.arithmetic.Integers.shift(s, guard - p));
        for (int i = 1; i < stages; i++) {
            t = t.add(t.shiftRight(p << i));
        }
        return t.bitLength() + 1;
    }

    /** The multiplicative order of 2 modulo odd d, or 0 when it exceeds 62 (the factored form is then unused). */
    static int orderOfTwo(BigInteger d) {
        BigInteger r = BigInteger.TWO.mod(d);
        for (int e = 1; e <= 62; e++) {
            if (r.equals(BigInteger.ONE)) {
                return e;
            }
            r = r.shiftLeft(1).mod(d);
        }
        return 0;
    }

    String describe(BigInteger d) {
        if (family == Family.PLAIN) {
            return "1/" + d + " ~ " + multiplier + "/2^" + p + " (" + (adders + 1) + " signed digits)";
        }
        if (family == Family.TRUNCATED) {
            return "1/" + d + " ~ " + multiplier + "/2^" + p + " (" + Csd.nonzeroCount(multiplier)
                    + " signed digits, partial products truncated to " + guard + " fraction bits)";
        }
        StringBuilder s = new StringBuilder("1/" + d + " ~ " + multiplier + "/2^" + p);
        for (int i = 0; i < stages; i++) {
            s.append("*(1+2^-").append(stageShift(i)).append(')');
        }
        return s.append(guard > 0 ? ", " + guard + " guard bits" : "").toString();
    }
}
