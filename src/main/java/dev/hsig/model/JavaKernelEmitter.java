package dev.hsig.model;

import dev.hsig.datapath.Choice;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Node;
import dev.hsig.datapath.Operands;
import dev.hsig.format.QFormat;
import java.util.List;

/**
 * Prints a datapath as one Java loop over arrays of raw words, every node a local {@code int} (the same walk as
 * the HDL printers, in another language). A single straight-line loop body of adds, shifts and masks is what the
 * JIT vectorizes best. Tables become {@code (i*m + c) >> s} when such constants exist, otherwise a sum of
 * equality masks, so no gather breaks vectorization. Two shortcuts compute the same words in fewer operations: a
 * chain of shifts and adds of one word is one multiply-add, and a divider's quotient is floor(N/D) by a multiply
 * and a shift ({@link Magic}) where the datapath says that is all its readers need. The exhaustive tests run every
 * preset's kernel on every input. Only for datapaths {@link BatchModel} can run on ints.
 */
final class JavaKernelEmitter {
    /** Tables up to this many entries become a sum of equality masks, which vectorizes; larger ones a lookup. */
    static final int MASKED_ENTRIES = 64;

    private JavaKernelEmitter() {
    }

    static String source(Datapath d, String className) {
        return source(d, className, false);
    }

    /**
     * @param wide long words and arrays instead of int: for datapaths with words over 31 bits (hard-swish's
     *             product), which the int kernel cannot hold; the JIT vectorizes it at half the lanes
     */
    static String source(Datapath d, String className, boolean wide) {
        List<Node> nodes = d.nodes();
        String t = wide ? "long" : "int";
        StringBuilder s = new StringBuilder();
        s.append("public final class ").append(className).append(" {\n");
        // The driver calls the kernel on slices, so the JIT compiles the kernel as an ordinary hot method,
        // independently of how the driver itself is invoked.
        // run returns an OR of what falls outside the input format (zero when every word fits). It is taken block
        // by block just before the block is evaluated, while the block is in the L1 cache: a pass of its own over
        // all inputs reads them from memory twice, and the OR inside the kernel's loop stops the JIT vectorizing it.
        QFormat in = d.config().input();
        s.append("    public static int run(").append(t).append("[] xs, ").append(t).append("[] ys, int from, int to) {\n");
        s.append("        ").append(t).append(" bad = 0;\n");
        s.append("        for (int start = from; start < to; start += 4096) {\n");
        s.append("            int end = Math.min(to, start + 4096);\n");
        s.append("            bad |= outside(xs, start, end);\n");
        s.append("            evaluate(xs, ys, start, end);\n");
        s.append("        }\n        return bad == 0 ? 0 : 1;\n    }\n\n");
        s.append("    private static ").append(t).append(" outside(").append(t).append("[] xs, int from, int to) {\n");
        s.append("        ").append(t).append(" bad = 0;\n");
        s.append("        for (int k = from; k < to; k++) {\n");
        // A signed W-bit word lies in range exactly when x + 2^(W-1) has no bit from bit W up (as unsigned).
        String one = wide ? "1L" : "1";
        s.append("            bad |= ").append(in.signed() ? "(xs[k] + (" + one + " << " + (in.width() - 1) + ")) >>> "
                + in.width() : "xs[k] >>> " + in.width()).append(";\n");
        s.append("        }\n        return bad;\n    }\n\n");
        Lines lines = new Lines(nodes, wide, d.quotients());
        StringBuilder body = new StringBuilder();
        for (int i = 1; i < nodes.size(); i++) {
            lines.index = i;
            body.append(nodes.get(i).accept(lines));
        }
        s.append(lines.fields);
        s.append("    private static void evaluate(").append(t).append("[] xs, ").append(t)
                .append("[] ys, int from, int to) {\n");
        s.append("        for (int k = from; k < to; k++) {\n");
        s.append("            ").append(t).append(" v0 = xs[k];\n");
        s.append(body);
        s.append("            ys[k] = v").append(nodes.size() - 1).append(";\n");
        s.append("        }\n    }\n\n");
        // The same straight-line body for one word, for callers that evaluate one input at a time (Core.eval): no
        // array, no loop, the JIT inlines it whole. The caller has range-checked x.
        s.append("    public static long eval(long x) {\n");
        s.append("        {\n            ").append(t).append(" v0 = (").append(t).append(") x;\n");
        s.append(body);
        s.append("            return v").append(nodes.size() - 1).append(";\n        }\n    }\n}\n");
        return s.toString();
    }

    /** The statement(s) that compute one node as the local {@code v<i>}. */
    private static final class Lines implements Node.Visitor<String> {
        private final List<Node> nodes;
        private final boolean wide;
        private final String type;
        /** The shift that turns a difference into its sign mask: the word's top bit. */
        private final int top;
        private int index;
        private int branches;
        /** Constant arrays the loop reads, declared before it. */
        private final StringBuilder fields = new StringBuilder();
        /** Each node as base * factor + offset, exactly, when it is a chain of shifts and adds of one base node. */
        private final Linear[] linear;
        private final java.util.Map<Integer, Datapath.Quotient> quotients = new java.util.HashMap<>();

        Lines(List<Node> nodes, boolean wide, List<Datapath.Quotient> quotients) {
            this.nodes = nodes;
            this.wide = wide;
            this.type = wide ? "long" : "int";
            this.top = wide ? 63 : 31;
            this.linear = new Linear[nodes.size()];
            quotients.forEach(q -> this.quotients.put(q.node(), q));
        }

        /** The value base * factor + offset, wrapping as the kernel's words do. */
        private record Linear(int base, long factor, long offset) {
        }

        /** The node as a linear form of a base: itself, unless it is a folded chain. */
        private Linear form(int node) {
            return linear[node] != null ? linear[node] : new Linear(node, 1, 0);
        }

        /** A constant as a literal of the kernel's word type. */
        private String lit(long value) {
            return wide ? value + "L" : Integer.toString((int) value);
        }

        /** 2^width - 1 in the kernel's word type. */
        private String mask(int width) {
            return lit((1L << width) - 1);
        }

        private String assign(String expression) {
            return "            " + type + " v" + index + " = " + expression + ";\n";
        }

        @Override
        public String input(Node.Input n) {
            return "";
        }

        @Override
        public String sum(Node.Sum sum) {
            Datapath.Quotient quotient = quotients.get(index);
            long[] magic = quotient == null ? null : Magic.of(quotient.divisor(), quotient.numeratorMax(), top);
            if (magic != null) {
                // floor(N / D) itself where q' = floor(N/D) or one less is all that is asked (see Datapath.Quotient):
                // one multiply and shift instead of the reciprocal's shift-add chain.
                return assign("(v" + quotient.numerator() + " * " + lit(magic[0]) + ") >> " + magic[1]);
            }
            boolean exact = sum.signed() || !maskNeeded(index);
            String folded = exact ? folded(sum) : null;
            if (folded != null) {
                return assign(folded);
            }
            StringBuilder e = new StringBuilder("(");
            if (sum.terms().get(0).negate()) {
                e.append(lit(sum.constant()));
            }
            for (int t = 0; t < sum.terms().size(); t++) {
                Node.Term term = sum.terms().get(t);
                e.append(t == 0 && !term.negate() ? "" : term.negate() ? " - " : " + ").append(shifted(term));
            }
            if (sum.constant() != 0 && !sum.terms().get(0).negate()) {
                e.append(" + (").append(lit(sum.constant())).append(")");
            }
            e.append(")");
            // Exact words need no wrap (see BatchModel); modular words keep their low bits.
            return assign(exact ? e.toString() : e + " & " + mask(sum.width()));
        }

        /**
         * A chain of left shifts and adds of one base word (a constant multiplier such as hls4ml's 13107 = 3*4369)
         * as one multiply-add of the base, or null when the sum is not such a chain or gains nothing. The JIT
         * vectorizes {@code x * c + d}, but stops vectorizing the loop at some shift-add chains ({@code (a << 12) +
         * (a << 8)} of a shifted-and-subtracted a): one multiply gives the same exact word. The value fits the kernel
         * word, so the wrapping of {@code x * c} in between cannot change it.
         */
        private String folded(Node.Sum sum) {
            int base = -1;
            long factor = 0;
            long offset = sum.constant();
            boolean chain = false;
            for (Node.Term t : sum.terms()) {
                Linear f = form(t.source());
                if (t.shift() < 0 || (base >= 0 && f.base() != base)) {
                    return null;
                }
                base = f.base();
                chain |= linear[t.source()] != null;
                long sign = t.negate() ? -1 : 1;
                factor += sign * (f.factor() << t.shift());
                offset += sign * (f.offset() << t.shift());
            }
            linear[index] = new Linear(base, factor, offset);
            if (!chain || Long.bitCount(Math.abs(factor)) <= 1) {
                return null;
            }
            String product = "v" + base + " * " + lit(factor);
            return offset == 0 ? "(" + product + ")" : "(" + product + " + (" + lit(offset) + "))";
        }

        @Override
        public String product(Node.Product p) {
            return assign("v" + p.a() + " * v" + p.b());
        }

        @Override
        public String compare(Node.Compare c) {
            // A comparison is kept as a mask, -1 where it holds, from the sign of x - constant: that form vectorizes
            // (a 0/1 flag negated later, or a constant minus x, makes C2 give up on the loop).
            String v = "v" + c.source();
            String mask = c.less() ? "(" + v + " - (" + lit(c.constant()) + ")) >> " + top
                    : "~((" + v + " - (" + lit(c.constant() + 1) + ")) >> " + top + ")";
            return "            " + type + " m" + index + " = " + mask + ";  // " + (c.less() ? "x < " : "x > ")
                    + c.constant()
                    + "\n" + assign("m" + index + " & 1");
        }

        @Override
        public String table(Node.Table t) {
            int indexWidth = nodes.get(t.index()).width();
            int[] entries = AffineTable.entries(t, indexWidth);
            String idx = "v" + t.index();
            if (entries.length > MASKED_ENTRIES) {
                // A whole-function table: a sum of masks would be thousands of terms, so a lookup in a constant
                // array (padded to every index, the index masked: no bounds failure even for a word out of range).
                int[] padded = java.util.Arrays.copyOf(entries, 1 << indexWidth);
                fields.append("    private static final ").append(type).append("[] T").append(index).append(" = {");
                for (int j = 0; j < padded.length; j++) {
                    fields.append(j % 16 == 0 ? "\n        " : " ").append(lit(padded[j])).append(',');
                }
                fields.append("\n    };\n\n");
                return assign("T" + index + "[(int) (" + idx + " & " + mask(indexWidth) + ")]");
            }
            int[] affine = AffineTable.find(entries);
            if (affine != null) {
                // Indexes beyond the listed entries never reach the output (see BatchModel), so any value will do.
                return assign("(" + idx + " * " + lit(affine[0]) + " + " + lit(affine[1]) + ") >> " + affine[2]);
            }
            StringBuilder e = new StringBuilder(lit(0));
            for (int j = 0; j < entries.length; j++) {
                if (entries[j] != 0) {
                    e.append(" | ((((").append(idx).append(" ^ ").append(j).append(") - 1) >> ").append(top)
                            .append(") & ").append(lit(entries[j])).append(")");
                }
            }
            return assign(e.toString());
        }

        @Override
        public String tieToEven(Node.TieToEven t) {
            String a = "v" + t.source();
            String tie = "((((" + a + " & " + mask(t.shift()) + ") - 1) >>> " + top + ")"
                    + (t.remainder() >= 0 ? " & (((v" + t.remainder() + " - 1) >>> " + top + ") | (((v" + t.remainder()
                    + " ^ " + lit(t.divisor()) + ") - 1) >>> " + top + "))" : "") + ")";
            return assign("(" + a + " >> " + t.shift() + ") & ~" + tie);
        }

        @Override
        public String select(Node.Select s) {
            int shift = top + 1 - s.width();
            StringBuilder lines = new StringBuilder();
            String value = choice(s.choice(), lines);
            return lines + assign(s.signed() ? "(" + value + " << " + shift + ") >> " + shift
                    : value + " & " + mask(s.width()));
        }

        /**
         * A branch becomes a local clear + ((set - clear) & mask) rather than (set & m) | (clear & ~m): C2 turns the
         * latter into branches.
         */
        private String choice(Choice c, StringBuilder lines) {
            if (c instanceof Choice.Leaf leaf) {
                return leaf.isConstant() ? "(" + lit(leaf.constant()) + ")" : "v" + leaf.node();
            }
            Choice.Branch b = (Choice.Branch) c;
            String set = choice(b.whenSet(), lines);
            String clear = choice(b.whenClear(), lines);
            String local = "c" + index + "_" + branches++;
            lines.append("            ").append(type).append(" ").append(local).append(" = ").append(clear).append(" + ((").append(set)
                    .append(" - ").append(clear).append(") & m").append(b.flag()).append(");\n");
            return local;
        }

        /**
         * A modular word read only by modular sums no wider than itself needs no mask of its own: the reader keeps
         * just the low bits anyway, and (a mod 2^w) - b and a - b agree modulo 2^w.
         */
        private boolean maskNeeded(int i) {
            Node node = nodes.get(i);
            for (int j = i + 1; j < nodes.size(); j++) {
                Node reader = nodes.get(j);
                if (!Operands.of(reader).contains(i)) {
                    continue;
                }
                boolean modularReader = reader instanceof Node.Sum sum && !sum.signed() && sum.width() <= node.width()
                        && sum.terms().stream().noneMatch(t -> t.source() == i && t.shift() < 0);
                if (!modularReader) {
                    return true;
                }
            }
            return false;
        }

        private static String shifted(Node.Term t) {
            String v = "v" + t.source();
            return t.shift() > 0 ? "(" + v + " << " + t.shift() + ")" : t.shift() < 0 ? "(" + v + " >> " + -t.shift() + ")"
                    : v;
        }
    }
}
