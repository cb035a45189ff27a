package dev.hsig.datapath;

import java.util.List;

/** The tree of a {@link Node.Select}: a leaf is an output value, a branch picks one of two on a flag. */
public sealed interface Choice {
    /** Mux levels from here to the deepest leaf. */
    int height();

    /** The nodes this tree reads, flags and values, in a fixed order. */
    void operands(List<Integer> out);

    /**
     * An output value: the low bits of node {@code node}, or the raw output word {@code constant} when node is -1.
     */
    record Leaf(int node, long constant) implements Choice {
        public static Leaf of(int node) {
            return new Leaf(node, 0);
        }

        public static Leaf constant(long raw) {
            return new Leaf(-1, raw);
        }

        public boolean isConstant() {
            return node < 0;
        }

        @Override
        public int height() {
            return 0;
        }

        @Override
        public void operands(List<Integer> out) {
            if (node >= 0) {
                out.add(node);
            }
        }
    }

    /** {@code whenSet} where the 1-bit node {@code flag} is 1, else {@code whenClear}. */
    record Branch(int flag, Choice whenSet, Choice whenClear) implements Choice {
        @Override
        public int height() {
            return 1 + Math.max(whenSet.height(), whenClear.height());
        }

        @Override
        public void operands(List<Integer> out) {
            out.add(flag);
            whenSet.operands(out);
            whenClear.operands(out);
        }
    }
}
