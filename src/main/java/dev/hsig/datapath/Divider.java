package dev.hsig.datapath;

import dev.hsig.arithmetic.Csd;
import dev.hsig.arithmetic.Integers;
import java.math.BigInteger;
import java.util.List;

/**
 * Division of a non-negative integer N by an odd constant D &gt; 1 with shifts and adds: a reciprocal from below
 * (chosen by {@link ReciprocalPlan}) gives q' = floor(N/D) or one less, and the remainder N - D*q', kept modulo
 * 2^r, is in [0, 2D), which tells the caller whether q' was one short.
 */
final class Divider {
    /** q' and the remainder node, with the range of q'. */
    record Quotient(int q, int rem, BigInteger qLow, BigInteger qHigh) {
    }

    private final NodeBuilder b;
    private final ConstantMultiplier multiplier;

    Divider(NodeBuilder b, ConstantMultiplier multiplier) {
        this.b = b;
        this.multiplier = multiplier;
    }

    Quotient divide(int n, BigInteger d, BigInteger nLow, BigInteger nHigh) {
        ReciprocalPlan plan = ReciprocalPlan.best(d, nHigh, NodeBuilder.MAX_INTERNAL_WIDTH).orElseThrow(() -> b.tooWide(
                "a division by " + d + " of numbers up to " + nHigh));
        b.note("q' = floor(N/" + d + ") or one less, via " + plan.describe(d));
        // q' >= floor(N/D) - 1; only the truncated form, which starts below zero, can reach -1.
        BigInteger qLow = Integers.floorDiv(nLow, d).subtract(BigInteger.ONE)
                .max(plan.family() == ReciprocalPlan.Family.TRUNCATED ? BigInteger.ONE.negate() : BigInteger.ZERO);
        BigInteger qHigh = Integers.floorDiv(nHigh, d);
        int q = switch (plan.family()) {
            case TRUNCATED -> truncated(n, plan, d, nLow, nHigh, qLow, qHigh);
            case FACTORED -> factored(n, plan, d, nLow, nHigh, qLow, qHigh);
            case PLAIN -> b.exact("q", List.of(Node.Term.of(multiplier.multiply(n, plan.multiplier(), nLow, nHigh, "s",
                    "N", 0), -plan.p())), 0, qLow, qHigh, "q' = floor(N/" + d + ") or one less");
        };
        if (nLow.signum() >= 0 && nHigh.bitLength() < 63 && d.bitLength() < 63) {
            b.quotient(new Datapath.Quotient(q, n, d.longValueExact(), nHigh.longValueExact()));
        }
        int r = BigInteger.valueOf(2).multiply(d).subtract(BigInteger.ONE).bitLength();
        if (r > NodeBuilder.MAX_INTERNAL_WIDTH) {
            throw b.tooWide("a remainder modulo 2*" + d);
        }
        int dq = multiplier.multiply(q, d, qLow, qHigh, "dq", "q'", r);
        int rem = b.add(new Node.Sum(b.unique("rmd"), r, false, List.of(Node.Term.of(n), new Node.Term(dq, 0, true)), 0,
                "N - " + d + "*q' mod 2^" + r + ", in [0, " + d.shiftLeft(1) + ")"));
        b.note("remainder N - " + d + "*q' kept in " + r + " bits corrects q'");
        return new Quotient(q, rem, qLow, qHigh);
    }

    /** N * K * (1 + 2^-P)(1 + 2^-2P)... / 2^P, one adder per factor, with guard bits below the point. */
    private int factored(int n, ReciprocalPlan plan, BigInteger d, BigInteger nLow, BigInteger nHigh, BigInteger qLow,
            BigInteger qHigh) {
        int s = multiplier.multiply(n, plan.multiplier(), nLow, nHigh, "s", "N", 0);
        BigInteger sLow = nLow.multiply(plan.multiplier());
        BigInteger sHigh = nHigh.multiply(plan.multiplier());
        int top = s;
        BigInteger tLow = sLow;
        BigInteger tHigh = sHigh;
        int frac = 0;
        for (int i = 0; i < plan.stages(); i++) {
            int shift = plan.stageShift(i);
            List<Node.Term> terms;
            if (i == 0) {
                frac = plan.guard();
                terms = List.of(Node.Term.of(s, frac), Node.Term.of(s, frac - shift));
                tLow = sLow.shiftLeft(frac).add(Integers.shift(sLow, frac - shift));
                tHigh = sHigh.shiftLeft(frac).add(Integers.shift(sHigh, frac - shift));
            } else {
                terms = List.of(Node.Term.of(top), Node.Term.of(top, -shift));
                tLow = tLow.add(tLow.shiftRight(shift));
                tHigh = tHigh.add(tHigh.shiftRight(shift));
            }
            top = b.exact("t" + (i + 1), terms, 0, tLow, tHigh, "times (1 + 2^-" + shift + ")"
                    + (frac > 0 ? ", " + frac + " fraction bits" : ""));
        }
        return b.exact("q", List.of(Node.Term.of(top, -(frac + plan.p()))), 0, qLow, qHigh,
                "q' = floor(N/" + d + ") or one less");
    }

    /** The partial products of m = floor(2^p / D), each truncated to the guard bits as it is added. */
    private int truncated(int n, ReciprocalPlan plan, BigInteger d, BigInteger nLow, BigInteger nHigh, BigInteger qLow,
            BigInteger qHigh) {
        List<Csd.Digit> digits = Csd.adderDigits(plan.multiplier());
        long negatives = digits.stream().filter(Csd.Digit::negative).count();
        BigInteger partial = BigInteger.ZERO;
        int acc = -1;
        int shift = plan.p() - plan.guard();
        for (int i = 0; i < digits.size(); i++) {
            Csd.Digit digit = digits.get(i);
            partial = partial.add(digit.value());
            Node.Term term = new Node.Term(n, plan.truncatedShift(digit), digit.negative());
            // Each floored partial product is within one unit, so the sum is within i + 1 units (and the start).
            BigInteger lo = Integers.floorDiv(nLow.multiply(partial), BigInteger.ONE.shiftLeft(shift))
                    .subtract(BigInteger.valueOf(i + 1 + negatives));
            BigInteger hi = Integers.floorDiv(nHigh.multiply(partial), BigInteger.ONE.shiftLeft(shift))
                    .add(BigInteger.valueOf(i + 1));
            String comment = "N * " + partial + " / 2^" + shift + ", truncated";
            acc = i == 0 ? b.exact("r0", List.of(term), -negatives, lo, hi, comment + (negatives > 0
                    ? ", minus " + negatives + " so it stays below" : ""))
                    : b.exact("r" + i, List.of(Node.Term.of(acc), term), 0, lo, hi, comment);
        }
        return b.exact("q", List.of(Node.Term.of(acc, -plan.guard())), 0, qLow, qHigh,
                "q' = floor(N/" + d + ") or one less");
    }
}
