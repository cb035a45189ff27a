package dev.hsig.datapath;

/** Evaluates one node the way a Verilog wire of the node's width and signedness holds the result. */
final class NodeEvaluator {
    private NodeEvaluator() {
    }

    static long evaluate(Node node, long[] v, long xRaw) {
        long raw;
        if (node instanceof Node.Input) {
            raw = xRaw;
        } else if (node instanceof Node.Sum s) {
            long acc = s.constant();
            for (Node.Term t : s.terms()) {
                long shifted = shift(v[t.source()], t.shift());
                acc += t.negate() ? -shifted : shifted;
            }
            raw = acc;
        } else if (node instanceof Node.Compare c) {
            raw = (c.less() ? v[c.source()] < c.constant() : v[c.source()] > c.constant()) ? 1 : 0;
        } else if (node instanceof Node.Table t) {
            long index = v[t.index()];
            raw = index >= 0 && index < t.entries().size() ? t.entries().get((int) index) : 0;
        } else if (node instanceof Node.TieToEven t) {
            long a = v[t.source()];
            boolean tie = (a & ((1L << t.shift()) - 1)) == 0 && (t.exact() < 0 || v[t.exact()] != 0);
            raw = tie ? (a >> t.shift()) & ~1L : a >> t.shift();
        } else if (node instanceof Node.OutputSelect o) {
            if (o.below() >= 0 && v[o.below()] != 0) {
                raw = 0;
            } else if (o.above() >= 0 && v[o.above()] != 0 || o.linear() < 0) {
                raw = o.cap();
            } else {
                raw = v[o.linear()];
            }
        } else {
            throw new IllegalStateException("unknown node " + node);
        }
        return wrap(raw, node.width(), node.signed());
    }

    /** Bit i of a sign-extended value. */
    static boolean bit(long a, int i) {
        return ((a >> Math.min(i, 63)) & 1) != 0;
    }

    /** Left shift for a positive amount, floor division by a power of two (arithmetic shift) for a negative one. */
    static long shift(long a, int amount) {
        return amount >= 0 ? a << amount : a >> Math.min(-amount, 63);
    }

    /** Keeps the low {@code width} bits, read as two's complement when {@code signed}. */
    static long wrap(long value, int width, boolean signed) {
        if (width >= 64) {
            return value;
        }
        return signed ? (value << (64 - width)) >> (64 - width) : value & ((1L << width) - 1);
    }
}
