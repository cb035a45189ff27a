package dev.hsig.datapath;

import dev.hsig.arithmetic.Csd;
import java.math.BigInteger;
import java.util.List;

/**
 * Multiplication by a positive constant with shifts and adds: one adder per extra canonical signed digit, or a
 * product of two factors when their digits together need fewer adders. Products of the same source and constant
 * are made once.
 */
final class ConstantMultiplier {
    private final NodeBuilder b;

    ConstantMultiplier(NodeBuilder b) {
        this.b = b;
    }

    /**
     * {@code source * c} for source values in [low, high]. {@code modular} &gt; 0 keeps the result modulo
     * 2^modular (when only its low bits are needed).
     */
    int multiply(int source, BigInteger c, BigInteger low, BigInteger high, String prefix, String of, int modular) {
        if (c.signum() <= 0) {
            throw new IllegalArgumentException("constant multipliers take positive constants: " + c);
        }
        if (c.equals(BigInteger.ONE)) {
            return source;
        }
        return b.shared(List.of("multiply", source, c, modular, low, high), () -> {
            BigInteger[] split = bestSplit(c);
            if (modular == 0) {
                b.note(of + " * " + c + " = " + (split == null ? Csd.format(Csd.adderDigits(c))
                        : "(" + Csd.format(Csd.adderDigits(split[0])) + ") * ("
                        + Csd.format(Csd.adderDigits(split[1])) + ")") + " in signed digits");
            }
            if (split != null) {
                int first = chain(source, split[0], low, high, prefix + "a", of, modular);
                return chain(first, split[1], low.multiply(split[0]), high.multiply(split[0]), prefix + "b",
                        of + "*" + split[0], modular);
            }
            return chain(source, c, low, high, prefix, of, modular);
        });
    }

    /** Two factors whose digit counts together need fewer adders than c's own digits, or null. */
    static BigInteger[] bestSplit(BigInteger c) {
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

    private int chain(int source, BigInteger c, BigInteger low, BigInteger high, String prefix, String of, int modular) {
        // A product kept modulo a few bits is a handful of LUTs either way; measured, its canonical form maps smaller.
        List<Csd.Digit> digits = modular > 0 ? Csd.digits(c) : Csd.adderDigits(c);
        Csd.Digit top = digits.get(0);
        BigInteger partial = top.value();
        if (digits.size() == 1) {
            return emit(prefix, List.of(Node.Term.of(source, top.position())), partial, low, high, of, modular);
        }
        int acc = source;
        for (int i = 1; i < digits.size(); i++) {
            Csd.Digit digit = digits.get(i);
            List<Node.Term> terms = List.of(i == 1 ? Node.Term.of(source, top.position()) : Node.Term.of(acc),
                    new Node.Term(source, digit.position(), digit.negative()));
            partial = partial.add(digit.value());
            acc = emit(digits.size() == 2 ? prefix : prefix + i, terms, partial, low, high, of, modular);
        }
        return acc;
    }

    private int emit(String name, List<Node.Term> terms, BigInteger factor, BigInteger low, BigInteger high, String of,
            int modular) {
        String comment = of + " * " + factor;
        if (modular > 0) {
            return b.add(new Node.Sum(b.unique(name), modular, false, terms, 0, comment + " mod 2^" + modular));
        }
        BigInteger x = low.multiply(factor);
        BigInteger y = high.multiply(factor);
        return b.exact(name, terms, 0, x.min(y), x.max(y), comment);
    }
}
