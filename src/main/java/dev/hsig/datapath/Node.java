package dev.hsig.datapath;

import java.util.List;

/**
 * One step of the datapath: a named wire of a fixed width. Operands refer to earlier nodes by index, so a
 * {@link Datapath} is a list in evaluation order. Every node wraps its result to its width exactly as a
 * Verilog wire of that width does; the model and the Verilog emitter both walk these nodes, so no arithmetic
 * lives in only one of them.
 *
 * <p>Signedness: {@code signed} nodes hold exact values (their width is sized from the value range on the
 * linear region); unsigned nodes are flags, table outputs, the raw ports, and remainders kept modulo
 * 2^width.
 */
public sealed interface Node {
    String name();

    int width();

    boolean signed();

    /** A comment for the generated Verilog: the value or weight this wire carries. */
    String comment();

    /** Number of two-operand adders or subtractors this node costs. */
    default int adders() {
        return 0;
    }

    /** Logic levels, for balancing pipeline registers: an adder, a comparator or a table costs one. */
    default int depth() {
        return adders() > 0 ? 1 : 0;
    }

    /** The raw input port, {@code width} bits, two's complement when signed. */
    record Input(String name, int width, boolean signed, String comment) implements Node {
    }

    /**
     * An operand of a sum: {@code source} shifted by {@code shift} (left when positive; arithmetic right, that
     * is floor division by a power of two, when negative), and negated when {@code negate}.
     */
    record Term(int source, int shift, boolean negate) {
        public static Term of(int source) {
            return new Term(source, 0, false);
        }

        public static Term of(int source, int shift) {
            return new Term(source, shift, false);
        }
    }

    /**
     * {@code sum of terms + constant}, at most two operands (so at most one adder); a single term with no
     * constant is a plain shift, which costs no adder.
     */
    record Sum(String name, int width, boolean signed, List<Term> terms, long constant, String comment) implements Node {
        public Sum {
            terms = List.copyOf(terms);
            int operands = terms.size() + (constant != 0 ? 1 : 0);
            if (terms.isEmpty() || operands > 2) {
                throw new IllegalArgumentException("a sum node takes one or two operands: " + name);
            }
            if (terms.get(0).negate()) {
                throw new IllegalArgumentException("the first term of a sum must not be negated: " + name);
            }
        }

        @Override
        public int adders() {
            return terms.size() + (constant != 0 ? 1 : 0) - 1;
        }
    }

    /**
     * One bit: {@code source < constant} (LESS) or {@code source > constant} (GREATER), comparing values as the
     * source holds them (two's complement for a signed source, plain binary for an unsigned one).
     */
    record Compare(String name, int source, boolean less, long constant, String comment) implements Node {
        @Override
        public int width() {
            return 1;
        }

        @Override
        public boolean signed() {
            return false;
        }

        @Override
        public int depth() {
            return 1;
        }
    }

    /** A small constant table indexed by the unsigned value of {@code index}; 0 outside the listed entries. */
    record Table(String name, int width, int index, List<Long> entries, String comment) implements Node {
        public Table {
            entries = List.copyOf(entries);
        }

        @Override
        public boolean signed() {
            return false;
        }

        @Override
        public int depth() {
            return 1;
        }
    }

    /**
     * Round half to even after the offset already added half an LSB: {@code source / 2^shift} (floor), with its
     * bit 0 cleared on a tie, that is when the low {@code shift} bits of the source are all zero and nothing was
     * lost below them: the optional division remainder {@code remainder} (or -1) is 0 or {@code divisor} (its
     * value before the quotient correction). The other rounding modes need no node at all: their whole rounding is
     * a constant folded into the offset.
     */
    record TieToEven(String name, int width, int source, int shift, int remainder, long divisor, String comment)
            implements Node {
        @Override
        public boolean signed() {
            return true;
        }

        @Override
        public int depth() {
            return 1;
        }
    }

    /**
     * The output port: 0 when {@code below} is set, {@code cap} when {@code above} is set, else the low bits of
     * {@code linear}. Any of the three may be absent (-1) when the input range never reaches that region.
     */
    record OutputSelect(String name, int width, boolean signed, int below, int above, int linear, long cap,
            String comment) implements Node {
        @Override
        public int depth() {
            return 1;
        }
    }
}
