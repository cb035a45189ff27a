package dev.hsig.datapath;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Csd;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Designs the shift-add datapath for a configuration.
 *
 * <p>On the linear region [XL, XH] of raw inputs the scaled result is t = alpha*x*2^F_out + beta*2^F_out =
 * (A*X + B) / (D * 2^k) with integers A &gt; 0, B and odd D. The datapath computes N = A0*X + B0 exactly, divides
 * by D when D &gt; 1 (a reciprocal from below plus one remainder correction, so quotient and remainder are exact),
 * and rounds; comparators on the raw input select 0 below XL and the output cap above XH. Because every step is
 * exact, the result equals the specification on every input, ties included.
 */
public final class DatapathPlanner {
    /** Internal words are evaluated in 64-bit longs by the model; 62 bits leaves room for the sign and a carry. */
    public static final int MAX_INTERNAL_WIDTH = 62;
    /** A remainder table has 2*D entries; beyond this the rounding is done with logic instead. */
    static final int MAX_TABLE_ENTRIES = 128;

    private final Config config;
    private final List<Node> nodes = new ArrayList<>();
    private final List<String> realization = new ArrayList<>();

    private DatapathPlanner(Config config) {
        this.config = config;
    }

    public static Datapath plan(Config config) {
        return new DatapathPlanner(config).build();
    }

    private Datapath build() {
        HardSigmoid implemented = config.approximate() ? SlopeApproximation.apply(config.function(), config.terms())
                : config.function();
        QFormat in = config.input();
        QFormat out = config.output();
        Rational scale = implemented.alpha().scaleByPowerOfTwo(out.fraction() - in.fraction());
        Rational offset = implemented.beta().scaleByPowerOfTwo(out.fraction());
        long cap = Math.min(1L << out.fraction(), out.maxRaw());
        RoundingMode mode = config.rounding().forNonNegative();

        int input = add(new Node.Input("x", in.width(), in.signed(), "raw input, " + in));
        int xs = input;
        if (!in.signed()) {
            xs = add(new Node.Sum("x_s", in.width() + 1, true, List.of(Node.Term.of(input)), 0,
                    "x as a signed value"));
        }
        // XL: the lowest input with t >= 0. XH: the highest input whose rounded t does not exceed the cap.
        BigInteger firstNonNegative = offset.negate().divide(scale).ceil();
        long xl = firstNonNegative.max(BigInteger.valueOf(in.minRaw())).min(BigInteger.valueOf(in.maxRaw() + 1))
                .longValueExact();
        long xh = lastNotAbove(scale, offset, cap, xl, in.maxRaw());
        int below = xl > in.minRaw() ? add(new Node.Compare("below", xs, true, xl,
                "x < " + in.value(xl).toDecimalString() + ": output 0")) : -1;
        int linear = -1;
        int above = -1;
        if (xh >= xl) {
            above = xh < in.maxRaw() ? add(new Node.Compare("above", xs, false, xh,
                    "x > " + in.value(xh).toDecimalString() + ": output saturates")) : -1;
            linear = buildLinear(xs, scale, offset, xl, xh, mode);
        } else if (xl <= in.maxRaw()) {
            realization.add("no linear region: every input is below " + in.value(xl).toDecimalString()
                    + " (output 0) or rounds to the cap");
        } else {
            realization.add("no linear region: every input gives 0");
            cap = 0;
        }
        add(new Node.OutputSelect("y", out.width(), out.signed(), below, above, linear, cap,
                "raw output, " + out));
        ErrorBound bound = ErrorBounds.of(config, implemented);
        return new Datapath(config, implemented, nodes, xl, xh, String.join("; ", realization), bound);
    }

    private long lastNotAbove(Rational scale, Rational offset, long cap, long from, long to) {
        long lo = from;
        long hi = to;
        if (from > to || round(scale, offset, from).compareTo(BigInteger.valueOf(cap)) > 0) {
            return from - 1;
        }
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (round(scale, offset, mid).compareTo(BigInteger.valueOf(cap)) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private BigInteger round(Rational scale, Rational offset, long x) {
        return config.rounding().round(scale.multiply(x).add(offset));
    }

    private int buildLinear(int xs, Rational scale, Rational offset, long xl, long xh, RoundingMode mode) {
        // t = (A*X + B) / (D * 2^k), reduced.
        BigInteger l = lcm(scale.den(), offset.den());
        BigInteger a = scale.num().multiply(l.divide(scale.den()));
        BigInteger b = offset.num().multiply(l.divide(offset.den()));
        BigInteger g = a.gcd(b).gcd(l);
        a = a.divide(g);
        b = b.divide(g);
        l = l.divide(g);
        int k = l.getLowestSetBit();
        BigInteger d = l.shiftRight(k);
        boolean table = k == 0 && d.compareTo(BigInteger.ONE) > 0
                && d.shiftLeft(1).compareTo(BigInteger.valueOf(MAX_TABLE_ENTRIES)) <= 0;
        int u = 0;
        if (k == 0 && (table || d.equals(BigInteger.ONE))) {
            // A power of two common to A and B is applied after the division, keeping N narrow.
            u = b.signum() == 0 ? a.getLowestSetBit() : Math.min(a.getLowestSetBit(), b.getLowestSetBit());
            a = a.shiftRight(u);
            b = b.shiftRight(u);
        } else if (k == 0) {
            // A division without a table needs a fraction bit below the result's LSB to round.
            a = a.shiftLeft(1);
            b = b.shiftLeft(1);
            k = 1;
        }
        boolean folded = !table && !(k == 0 && d.equals(BigInteger.ONE));
        if (folded) {
            // Round by adding a constant before truncating: t + bias/(D*2^k), then floor. Ties to even also
            // clear the LSB on an exact tie (the TieToEven node); no rounding adder is needed at all.
            b = b.add(roundingBias(mode, d, k));
        }
        BigInteger nLow = a.multiply(BigInteger.valueOf(xl)).add(b);
        BigInteger nHigh = a.multiply(BigInteger.valueOf(xh)).add(b);
        int product = multiply(xs, a, BigInteger.valueOf(xl), BigInteger.valueOf(xh), "p", "x", 0);
        int n = product;
        if (b.signum() != 0) {
            n = exact("n", List.of(Node.Term.of(product)), fits(b, "the offset constant"), nLow, nHigh,
                    "N = " + (a.equals(BigInteger.ONE) ? "" : a + "*") + "x " + (b.signum() > 0 ? "+ " : "- ")
                    + b.abs() + ", >= 0 on the linear region");
        }
        String numerator = "N = " + (a.equals(BigInteger.ONE) ? "" : a + "*") + "X" + (b.signum() == 0 ? ""
                : (b.signum() > 0 ? " + " : " - ") + b.abs());
        String divisor = (d.equals(BigInteger.ONE) ? "" : d + "*") + "2^" + k;
        realization.add("t = " + (u > 0 ? "2^" + u + "*" : "") + "N/(" + divisor + ") with " + numerator);
        BigInteger yLow = round(scale, offset, xl);
        BigInteger yHigh = round(scale, offset, xh);
        if (d.equals(BigInteger.ONE)) {
            if (k == 0) {
                realization.add("exact: y = " + (u > 0 ? "N*2^" + u : "N"));
                return u == 0 ? n : exact("ylin", List.of(Node.Term.of(n, u)), 0, yLow, yHigh, "N * 2^" + u);
            }
            realization.add("rounded " + config.rounding() + " by the offset" + (mode == RoundingMode.NEAREST_EVEN
                    ? " and an LSB cleared on ties" : "") + ", then " + k + " fraction bit" + (k == 1 ? "" : "s")
                    + " dropped");
            return truncate(n, k, -1, 1, yLow, yHigh, mode, "N / 2^" + k);
        }
        Quotient quotient = divide(n, d, nLow, nHigh);
        return table ? roundByTable(quotient, d, u, yLow, yHigh)
                : roundExactQuotient(quotient, d, k, nLow, nHigh, yLow, yHigh, mode, divisor);
    }

    /**
     * y = 2^u*q' + T(rem): the table folds the quotient correction (rem >= D means q' was one short) and the
     * rounding of the fraction 2^u*R/D into one small lookup.
     */
    private int roundByTable(Quotient quotient, BigInteger d, int u, BigInteger yLow, BigInteger yHigh) {
        long dl = d.longValueExact();
        List<Long> entries = new ArrayList<>();
        for (long idx = 0; idx < 2 * dl; idx++) {
            long carry = idx >= dl ? 1 : 0;
            long rem = idx - carry * dl;
            BigInteger frac = config.rounding().round(Rational.of(BigInteger.valueOf(rem).shiftLeft(u), d));
            entries.add((carry << u) + frac.longValueExact());
        }
        long maxEntry = entries.stream().mapToLong(Long::longValue).max().orElse(0);
        int tab = add(new Node.Table("frac", Math.max(1, 64 - Long.numberOfLeadingZeros(maxEntry)), quotient.rem,
                entries, "round(2^" + u + "*R/" + d + ") plus 2^" + u + " when rem >= " + d + " (q' was one short)"));
        realization.add("y = 2^" + u + "*q' + table(rem), " + entries.size() + " entries, rounded " + config.rounding());
        return exact("ylin", List.of(Node.Term.of(quotient.q, u), Node.Term.of(tab)), 0, yLow, yHigh,
                "correctly rounded linear part");
    }

    /** Without a table: the exact quotient q0 = q' + (rem >= D), then the fraction bits dropped (bias in B). */
    private int roundExactQuotient(Quotient quotient, BigInteger d, int k, BigInteger nLow, BigInteger nHigh,
            BigInteger yLow, BigInteger yHigh, RoundingMode mode, String divisor) {
        long dl = fits(d, "the divisor");
        int geNode = add(new Node.Compare("q_short", quotient.rem, false, dl - 1, "q' was one short: rem >= " + d));
        int q0 = exact("q0", List.of(Node.Term.of(quotient.q), Node.Term.of(geNode)), 0, floorDiv(nLow, d),
                floorDiv(nHigh, d), "floor(N/" + d + "), exact");
        realization.add("rounded " + config.rounding() + " by the offset" + (mode == RoundingMode.NEAREST_EVEN
                ? " and an LSB cleared on ties (remainder zero)" : "") + ", then " + k + " fraction bit"
                + (k == 1 ? "" : "s") + " of the exact quotient dropped");
        return truncate(q0, k, quotient.rem, dl, yLow, yHigh, mode, "N / " + divisor);
    }

    private record Quotient(int q, int rem, int remainderWidth) {
    }

    /**
     * What must be added to N so that floor((N + bias) / (D*2^k)) rounds N / (D*2^k) in a sign-free mode:
     * nothing for floor, all but one unit for ceil, half (less one unit for ties down) for the nearest modes.
     */
    static BigInteger roundingBias(RoundingMode mode, BigInteger d, int k) {
        BigInteger unit = d.shiftLeft(k);
        BigInteger half = d.shiftLeft(k - 1);
        return switch (mode.forNonNegative()) {
            case FLOOR -> BigInteger.ZERO;
            case CEIL -> unit.subtract(BigInteger.ONE);
            case NEAREST_DOWN -> half.subtract(BigInteger.ONE);
            default -> half; // nearest-up, and nearest-even before its tie fix
        };
    }

    /** floor(source / 2^k), with the ties-to-even fix when the mode needs it. */
    private int truncate(int source, int k, int remainder, long divisor, BigInteger yLow, BigInteger yHigh,
            RoundingMode mode, String what) {
        int width = signedWidth(yLow, yHigh);
        if (mode.forNonNegative() == RoundingMode.NEAREST_EVEN) {
            return add(new Node.TieToEven("ylin", width, source, k, remainder, divisor,
                    "round(" + what + "), ties to even"));
        }
        return add(new Node.Sum("ylin", width, true, List.of(Node.Term.of(source, -k)), 0,
                "round(" + what + ") " + mode.cliName() + ", the rounding being in the offset"));
    }

    /** q' = floor(N/D) or one less, and rem = N - D*q' modulo 2^r, which is then in [0, 2D). */
    private Quotient divide(int n, BigInteger d, BigInteger nLow, BigInteger nHigh) {
        ReciprocalPlan plan = ReciprocalPlan.best(d, nHigh, MAX_INTERNAL_WIDTH).orElseThrow(() -> tooWide(
                "a division by " + d + " of numbers up to " + nHigh));
        realization.add("q' = floor(N/" + d + ") or one less, via " + plan.describe(d));
        int q;
        // q' >= floor(N/D) - 1; only the truncated form, which starts below zero, can reach -1.
        BigInteger qLow = floorDiv(nLow, d).subtract(BigInteger.ONE)
                .max(plan.family() == ReciprocalPlan.Family.TRUNCATED ? BigInteger.ONE.negate() : BigInteger.ZERO);
        BigInteger qHigh = floorDiv(nHigh, d);
        if (plan.family() == ReciprocalPlan.Family.TRUNCATED) {
            q = truncatedQuotient(n, plan, d, nLow, nHigh, qLow, qHigh);
        } else if (plan.family() == ReciprocalPlan.Family.FACTORED) {
            int s = multiply(n, plan.multiplier(), nLow, nHigh, "s", "N", 0);
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
                    tLow = sLow.shiftLeft(frac).add(shiftBig(sLow, frac - shift));
                    tHigh = sHigh.shiftLeft(frac).add(shiftBig(sHigh, frac - shift));
                } else {
                    terms = List.of(Node.Term.of(top), Node.Term.of(top, -shift));
                    tLow = tLow.add(tLow.shiftRight(shift));
                    tHigh = tHigh.add(tHigh.shiftRight(shift));
                }
                top = exact("t" + (i + 1), terms, 0, tLow, tHigh, "times (1 + 2^-" + shift + ")"
                        + (frac > 0 ? ", " + frac + " fraction bits" : ""));
            }
            q = exact("q", List.of(Node.Term.of(top, -(frac + plan.p()))), 0, qLow, qHigh,
                    "q' = floor(N/" + d + ") or one less");
        } else {
            int s = multiply(n, plan.multiplier(), nLow, nHigh, "s", "N", 0);
            q = exact("q", List.of(Node.Term.of(s, -plan.p())), 0, qLow, qHigh,
                    "q' = floor(N/" + d + ") or one less");
        }
        int r = BigInteger.valueOf(2).multiply(d).subtract(BigInteger.ONE).bitLength();
        if (r > MAX_INTERNAL_WIDTH) {
            throw tooWide("a remainder modulo 2*" + d);
        }
        int dq = multiply(q, d, qLow, qHigh, "dq", "q'", r);
        int rem = add(new Node.Sum("rem", r, false, List.of(Node.Term.of(n), new Node.Term(dq, 0, true)), 0,
                "N - " + d + "*q' mod 2^" + r + ", in [0, " + d.shiftLeft(1) + ")"));
        realization.add("remainder N - " + d + "*q' kept in " + r + " bits corrects q'");
        return new Quotient(q, rem, r);
    }

    /** q' from the truncated partial products of m = floor(2^p / D): see {@link ReciprocalPlan}. */
    private int truncatedQuotient(int n, ReciprocalPlan plan, BigInteger d, BigInteger nLow, BigInteger nHigh,
            BigInteger qLow, BigInteger qHigh) {
        List<Csd.Digit> digits = Csd.digits(plan.multiplier());
        long negatives = digits.stream().filter(Csd.Digit::negative).count();
        BigInteger partial = BigInteger.ZERO;
        int acc = -1;
        for (int i = 0; i < digits.size(); i++) {
            Csd.Digit digit = digits.get(i);
            partial = partial.add(digit.value());
            Node.Term term = new Node.Term(n, plan.truncatedShift(digit), digit.negative());
            // Each floored partial product is within one unit, so the sum is within i + 1 units (and the start).
            int shift = plan.p() - plan.guard();
            BigInteger lo = floorDiv(nLow.multiply(partial), BigInteger.ONE.shiftLeft(shift))
                    .subtract(BigInteger.valueOf(i + 1 + negatives));
            BigInteger hi = floorDiv(nHigh.multiply(partial), BigInteger.ONE.shiftLeft(shift))
                    .add(BigInteger.valueOf(i + 1));
            String comment = "N * " + partial + " / 2^" + shift + ", truncated";
            acc = i == 0 ? exact("r0", List.of(term), -negatives, lo, hi, comment + (negatives > 0
                    ? ", minus " + negatives + " so it stays below" : ""))
                    : exact("r" + i, List.of(Node.Term.of(acc), term), 0, lo, hi, comment);
        }
        return exact("q", List.of(Node.Term.of(acc, -plan.guard())), 0, qLow, qHigh,
                "q' = floor(N/" + d + ") or one less");
    }

    /**
     * {@code source * c} with one adder per extra canonical signed digit, or as a product of two factors when that
     * needs fewer adders. {@code modular} &gt; 0 keeps the result modulo 2^modular (only its low bits are needed).
     */
    private int multiply(int source, BigInteger c, BigInteger low, BigInteger high, String prefix, String of,
            int modular) {
        if (c.equals(BigInteger.ONE)) {
            return source;
        }
        BigInteger[] split = bestSplit(c);
        if (modular == 0) {
            realization.add(of + " * " + c + " = " + (split == null ? Csd.format(Csd.digits(c))
                    : "(" + Csd.format(Csd.digits(split[0])) + ") * (" + Csd.format(Csd.digits(split[1])) + ")")
                    + " in canonical signed digits");
        }
        if (split != null) {
            int first = chain(source, split[0], low, high, prefix + "a", of, modular);
            BigInteger lo2 = low.multiply(split[0]);
            BigInteger hi2 = high.multiply(split[0]);
            return chain(first, split[1], lo2, hi2, prefix + "b", of + "*" + split[0], modular);
        }
        return chain(source, c, low, high, prefix, of, modular);
    }

    /** Two factors whose digit counts together need fewer adders than c's own digits, or null. */
    private static BigInteger[] bestSplit(BigInteger c) {
        int direct = Csd.nonzeroCount(c) - 1;
        if (c.bitLength() > 40) {
            return null;
        }
        long v = c.longValueExact() >> c.getLowestSetBit();
        BigInteger[] best = null;
        int bestCost = direct;
        for (long f = 3; f * f <= v; f += 2) {
            if (v % f == 0) {
                BigInteger f1 = BigInteger.valueOf(f);
                BigInteger f2 = c.divide(f1);
                int cost = Csd.nonzeroCount(f1) - 1 + Csd.nonzeroCount(f2) - 1;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = new BigInteger[] {f1, f2};
                }
            }
        }
        return best;
    }

    private int chain(int source, BigInteger c, BigInteger low, BigInteger high, String prefix, String of,
            int modular) {
        List<Csd.Digit> digits = Csd.digits(c);
        Csd.Digit top = digits.get(0);
        BigInteger partial = top.value();
        int acc = source;
        if (digits.size() == 1) {
            return emit(prefix, List.of(Node.Term.of(source, top.position())), partial, low, high, of, modular);
        }
        for (int i = 1; i < digits.size(); i++) {
            Csd.Digit digit = digits.get(i);
            List<Node.Term> terms = List.of(i == 1 ? Node.Term.of(source, top.position()) : Node.Term.of(acc),
                    new Node.Term(source, digit.position(), digit.negative()));
            partial = partial.add(digit.value());
            String name = digits.size() == 2 ? prefix : prefix + i;
            acc = emit(name, terms, partial, low, high, of, modular);
        }
        return acc;
    }

    private int emit(String name, List<Node.Term> terms, BigInteger factor, BigInteger low, BigInteger high,
            String of, int modular) {
        String comment = of + " * " + factor;
        if (modular > 0) {
            return add(new Node.Sum(name, modular, false, terms, 0, comment + " mod 2^" + modular));
        }
        BigInteger a = low.multiply(factor);
        BigInteger b = high.multiply(factor);
        return exact(name, terms, 0, a.min(b), a.max(b), comment);
    }

    private int exact(String name, List<Node.Term> terms, long constant, BigInteger low, BigInteger high,
            String comment) {
        return add(new Node.Sum(name, signedWidth(low, high), true, terms, constant, comment));
    }

    private int add(Node node) {
        nodes.add(node);
        return nodes.size() - 1;
    }

    /** The narrowest two's complement width holding [low, high]. */
    static int signedWidth(BigInteger low, BigInteger high) {
        int w = Math.max(low.bitLength(), high.bitLength()) + 1;
        if (w > MAX_INTERNAL_WIDTH) {
            throw tooWide("values up to " + high.max(low.abs()));
        }
        return w;
    }

    /** A constant that a node holds, checked against the word limit. */
    private static long fits(BigInteger v, String what) {
        if (v.bitLength() >= MAX_INTERNAL_WIDTH) {
            throw tooWide(what + " " + v);
        }
        return v.longValueExact();
    }

    private static InvalidInputException tooWide(String what) {
        return new InvalidInputException("this configuration needs internal words wider than " + MAX_INTERNAL_WIDTH
                + " bits (" + what + "): use narrower formats or a slope and offset with smaller denominators");
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        return Rational.of(a, b).floor();
    }

    private static BigInteger shiftBig(BigInteger v, int amount) {
        return amount >= 0 ? v.shiftLeft(amount) : v.shiftRight(-amount);
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }
}
