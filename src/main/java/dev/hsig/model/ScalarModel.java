package dev.hsig.model;

import dev.hsig.datapath.Choice;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Node;
import dev.hsig.format.QFormat;
import java.util.List;

/**
 * The bit-accurate model of a core, one input word at a time: each node becomes a small step, evaluated in order,
 * and every result is wrapped to its node's width exactly as an HDL wire of that width and signedness holds it.
 * This is the reference semantics the other evaluators (batch loops, the compiled kernel, the C model) are tested
 * against.
 */
public final class ScalarModel {
    /** One node's value from the values before it. */
    private interface Step {
        long apply(long[] v);
    }

    private final QFormat input;
    private final Step[] steps;
    private final int[] widths;
    private final boolean[] signed;

    public ScalarModel(Datapath datapath) {
        this.input = datapath.config().input();
        List<Node> nodes = datapath.nodes();
        steps = new Step[nodes.size()];
        widths = new int[nodes.size()];
        signed = new boolean[nodes.size()];
        StepMaker maker = new StepMaker();
        for (int i = 0; i < nodes.size(); i++) {
            steps[i] = nodes.get(i).accept(maker);
            widths[i] = nodes.get(i).width();
            signed[i] = nodes.get(i).signed();
        }
    }

    /** The output raw word for one input raw word (which must lie in the input format). */
    public long evaluate(long xRaw) {
        if (!input.contains(xRaw)) {
            throw new IllegalArgumentException("raw input " + xRaw + " is outside " + input + " (" + input.minRaw()
                    + " to " + input.maxRaw() + ")");
        }
        long[] v = new long[steps.length];
        v[0] = xRaw;
        for (int i = 1; i < steps.length; i++) {
            v[i] = wrap(steps[i].apply(v), widths[i], signed[i]);
        }
        return v[v.length - 1];
    }

    /** What each kind of node computes, before the wrap to its width. */
    private static final class StepMaker implements Node.Visitor<Step> {
        @Override
        public Step input(Node.Input n) {
            return v -> v[0];
        }

        @Override
        public Step sum(Node.Sum n) {
            Node.Term[] terms = n.terms().toArray(Node.Term[]::new);
            long constant = n.constant();
            return v -> {
                long r = constant;
                for (Node.Term t : terms) {
                    long s = shift(v[t.source()], t.shift());
                    r += t.negate() ? -s : s;
                }
                return r;
            };
        }

        @Override
        public Step product(Node.Product n) {
            int a = n.a();
            int b = n.b();
            return v -> v[a] * v[b];
        }

        @Override
        public Step compare(Node.Compare n) {
            int s = n.source();
            long c = n.constant();
            return n.less() ? v -> v[s] < c ? 1 : 0 : v -> v[s] > c ? 1 : 0;
        }

        @Override
        public Step table(Node.Table n) {
            int index = n.index();
            long[] entries = n.entries().stream().mapToLong(Long::longValue).toArray();
            return v -> v[index] >= 0 && v[index] < entries.length ? entries[(int) v[index]] : 0;
        }

        @Override
        public Step tieToEven(Node.TieToEven n) {
            int source = n.source();
            int k = n.shift();
            int rem = n.remainder();
            long divisor = n.divisor();
            return v -> {
                long x = v[source];
                boolean tie = (x & ((1L << k) - 1)) == 0 && (rem < 0 || v[rem] == 0 || v[rem] == divisor);
                return tie ? (x >> k) & ~1L : x >> k;
            };
        }

        @Override
        public Step select(Node.Select n) {
            Choice choice = n.choice();
            return v -> pick(choice, v);
        }

        private static long pick(Choice c, long[] v) {
            while (c instanceof Choice.Branch b) {
                c = v[b.flag()] != 0 ? b.whenSet() : b.whenClear();
            }
            Choice.Leaf leaf = (Choice.Leaf) c;
            return leaf.isConstant() ? leaf.constant() : v[leaf.node()];
        }
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
