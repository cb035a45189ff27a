package dev.hsig.datapath;

import java.util.List;

/**
 * One step of the datapath: a named wire of a fixed width. Operands refer to earlier nodes by index, so a
 * {@link Datapath} is a list in evaluation order. Every node wraps its result to its width exactly as a Verilog
 * wire of that width does.
 *
 * <p>Each kind's meaning is stated once, here. Evaluators (the scalar and batch models, the Java kernel, the C
 * model) and printers (Verilog, VHDL) all implement {@link Visitor}, so a new kind of node is a compile error
 * until every one of them handles it.
 *
 * <p>Signedness: {@code signed} nodes hold exact values (their width is sized from the value range where they
 * are used); unsigned nodes are flags, table outputs, the raw ports, and remainders kept modulo 2^width.
 */
public sealed interface Node {
    String name();

    int width();

    boolean signed();

    /** A comment for the generated HDL: the value or weight this wire carries. */
    String comment();

    <R> R accept(Visitor<R> visitor);

    /** Number of two-operand adders or subtractors this node costs. */
    default int adders() {
        return 0;
    }

    /** Logic levels, for balancing pipeline registers: an adder, a comparator, a table or a mux level costs one. */
    default int depth() {
        return adders() > 0 ? 1 : 0;
    }

    /** One method per kind of node: the compiler makes every evaluator and printer handle all of them. */
    interface Visitor<R> {
        R input(Input n);

        R sum(Sum n);

        R product(Product n);

        R compare(Compare n);

        R table(Table n);

        R tieToEven(TieToEven n);

        R select(Select n);
    }

    /** The raw input port, {@code width} bits, two's complement when signed. */
    record Input(String name, int width, boolean signed, String comment) implements Node {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.input(this);
        }
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
     * constant is a plain shift, which costs no adder. Only a lone term may be negated: {@code constant - term},
     * or a negation (one subtractor) when the constant is 0.
     */
    record Sum(String name, int width, boolean signed, List<Term> terms, long constant, String comment) implements Node {
        public Sum {
            terms = List.copyOf(terms);
            int operands = terms.size() + (constant != 0 ? 1 : 0);
            if (terms.isEmpty() || operands > 2) {
                throw new IllegalArgumentException("a sum node takes one or two operands: " + name);
            }
            if (terms.size() == 2 && terms.get(0).negate()) {
                throw new IllegalArgumentException("the first of two terms must not be negated: " + name);
            }
        }

        @Override
        public int adders() {
            return terms.size() + (constant != 0 || terms.get(0).negate() ? 1 : 0) - 1;
        }

        /**
         * The bits of the result its adder actually computes: below the second-lowest bit at which an operand can
         * be nonzero (a left shift fills zeros, a constant has trailing zeros), the sum is one operand passed on.
         */
        public int adderWidth() {
            if (adders() == 0) {
                return 0;
            }
            java.util.List<Integer> starts = new java.util.ArrayList<>();
            for (Term t : terms) {
                starts.add(Math.max(0, t.shift()));
            }
            starts.add(constant != 0 ? Long.numberOfTrailingZeros(constant) : 0);
            java.util.Collections.sort(starts);
            return Math.max(1, width - starts.get(1));
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.sum(this);
        }
    }

    /**
     * {@code a * b} of two variables: the one multiplier any core has (hard-swish's x * (x + 3)). Printed as
     * {@code *} so that synthesis maps it to a DSP block or a LUT multiplier. Both operands are exact signed values.
     */
    record Product(String name, int width, int a, int b, String comment) implements Node {
        @Override
        public boolean signed() {
            return true;
        }

        @Override
        public int depth() {
            return 2;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.product(this);
        }
    }

    /**
     * One bit: {@code source < constant} (less) or {@code source > constant} (greater), comparing values as the
     * source holds them (two's complement for a signed source, plain binary for an unsigned one).
     */
    record Compare(String name, int source, boolean less, long constant, String comment) implements Node {
        /**
         * Sources up to this wide are compared in plain logic rather than with a carry chain: fewer LUTs at 12 bits
         * and below (hard-tanh Q4.8: 35 -> 13 iCE40 logic cells), more at 16 (keras Q4.12: 101 -> 104).
         */
        public static final int LOGIC_BITS = 12;

        @Override
        public int width() {
            return 1;
        }

        @Override
        public boolean signed() {
            return false;
        }

        /** A test for "below zero" is the sign bit, a wire; any other comparison is a carry chain. */
        @Override
        public int depth() {
            return signTest() ? 0 : 1;
        }

        public boolean signTest() {
            return less && constant == 0;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.compare(this);
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

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.table(this);
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

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.tieToEven(this);
        }
    }

    /**
     * The output: a tree of two-way choices on comparator flags whose leaves are constants or the low
     * {@code width} bits of a computed node. Each input region of the function is one leaf.
     */
    record Select(String name, int width, boolean signed, Choice choice, String comment) implements Node {
        @Override
        public int depth() {
            // A LUT4 takes two levels of a mux tree with a constant leaf, the usual case.
            return Math.max(1, (choice.height() + 1) / 2);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.select(this);
        }
    }
}
