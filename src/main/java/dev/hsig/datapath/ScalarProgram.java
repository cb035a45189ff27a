package dev.hsig.datapath;

import java.util.List;

/**
 * The scalar model: the nodes flattened once into primitive arrays, then evaluated with a switch per node.
 * Every result is wrapped to its node's width exactly as a Verilog wire of that width and signedness holds it.
 */
final class ScalarProgram {
    private static final int INPUT = 0;
    private static final int SUM = 1;
    private static final int LESS = 2;
    private static final int GREATER = 3;
    private static final int TABLE = 4;
    private static final int TIE = 5;
    private static final int SELECT = 6;

    private final int[] kind;
    /** Operands: a and b (sum terms; index; tie source and exact flag; below, above, linear in c). */
    private final int[] a;
    private final int[] b;
    private final int[] c;
    private final int[] shiftA;
    private final int[] shiftB;
    private final boolean[] negateB;
    private final long[] constant;
    private final long[][] tables;
    private final int[] width;
    private final boolean[] signed;

    ScalarProgram(List<Node> nodes) {
        int n = nodes.size();
        kind = new int[n];
        a = new int[n];
        b = new int[n];
        c = new int[n];
        shiftA = new int[n];
        shiftB = new int[n];
        negateB = new boolean[n];
        constant = new long[n];
        tables = new long[n][];
        width = new int[n];
        signed = new boolean[n];
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            width[i] = node.width();
            signed[i] = node.signed();
            b[i] = -1;
            c[i] = -1;
            if (node instanceof Node.Input) {
                kind[i] = INPUT;
            } else if (node instanceof Node.Sum s) {
                kind[i] = SUM;
                a[i] = s.terms().get(0).source();
                shiftA[i] = s.terms().get(0).shift();
                if (s.terms().size() > 1) {
                    b[i] = s.terms().get(1).source();
                    shiftB[i] = s.terms().get(1).shift();
                    negateB[i] = s.terms().get(1).negate();
                }
                constant[i] = s.constant();
            } else if (node instanceof Node.Compare cmp) {
                kind[i] = cmp.less() ? LESS : GREATER;
                a[i] = cmp.source();
                constant[i] = cmp.constant();
            } else if (node instanceof Node.Table t) {
                kind[i] = TABLE;
                a[i] = t.index();
                tables[i] = t.entries().stream().mapToLong(Long::longValue).toArray();
            } else if (node instanceof Node.TieToEven t) {
                kind[i] = TIE;
                a[i] = t.source();
                b[i] = t.remainder();
                shiftA[i] = t.shift();
                constant[i] = t.divisor();
            } else if (node instanceof Node.OutputSelect o) {
                kind[i] = SELECT;
                a[i] = o.below();
                b[i] = o.above();
                c[i] = o.linear();
                constant[i] = o.cap();
            } else {
                throw new IllegalStateException("unknown node " + node);
            }
        }
    }

    long[] run(long xRaw) {
        int n = kind.length;
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            long r;
            switch (kind[i]) {
                case INPUT -> r = xRaw;
                case SUM -> {
                    r = shift(v[a[i]], shiftA[i]) + constant[i];
                    if (b[i] >= 0) {
                        long t = shift(v[b[i]], shiftB[i]);
                        r += negateB[i] ? -t : t;
                    }
                }
                case LESS -> r = v[a[i]] < constant[i] ? 1 : 0;
                case GREATER -> r = v[a[i]] > constant[i] ? 1 : 0;
                case TABLE -> {
                    long index = v[a[i]];
                    r = index >= 0 && index < tables[i].length ? tables[i][(int) index] : 0;
                }
                case TIE -> {
                    long x = v[a[i]];
                    int k = shiftA[i];
                    boolean tie = (x & ((1L << k) - 1)) == 0
                            && (b[i] < 0 || v[b[i]] == 0 || v[b[i]] == constant[i]);
                    r = tie ? (x >> k) & ~1L : x >> k;
                }
                default -> {
                    if (a[i] >= 0 && v[a[i]] != 0) {
                        r = 0;
                    } else if (b[i] >= 0 && v[b[i]] != 0 || c[i] < 0) {
                        r = constant[i];
                    } else {
                        r = v[c[i]];
                    }
                }
            }
            v[i] = wrap(r, width[i], signed[i]);
        }
        return v;
    }

    /** Left shift for a positive amount, floor division by a power of two (arithmetic shift) for a negative one. */
    static long shift(long x, int amount) {
        return amount >= 0 ? x << amount : x >> Math.min(-amount, 63);
    }

    /** Keeps the low {@code width} bits, read as two's complement when {@code signed}. */
    static long wrap(long value, int width, boolean signed) {
        if (width >= 64) {
            return value;
        }
        return signed ? (value << (64 - width)) >> (64 - width) : value & ((1L << width) - 1);
    }
}
