package dev.hsig.model;

import dev.hsig.datapath.Choice;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Node;
import dev.hsig.datapath.Operands;
import java.util.List;

/**
 * Prints a datapath as one Java loop over arrays of raw words, every node a local {@code int} (the same walk as
 * the HDL printers, in another language). A single straight-line loop body of adds, shifts and masks is what the
 * JIT vectorizes best. Tables become {@code (i*m + c) >> s} when such constants exist, otherwise a sum of
 * equality masks, so no gather breaks vectorization. Only for datapaths {@link BatchModel} can run on ints.
 */
final class JavaKernelEmitter {
    private JavaKernelEmitter() {
    }

    static String source(Datapath d, String className) {
        List<Node> nodes = d.nodes();
        StringBuilder s = new StringBuilder();
        s.append("public final class ").append(className).append(" {\n");
        // The driver calls the kernel on slices, so the JIT compiles the kernel as an ordinary hot method,
        // independently of how the driver itself is invoked.
        s.append("    public static void run(int[] xs, int[] ys, int from, int to) {\n");
        s.append("        for (int start = from; start < to; start += 4096) {\n");
        s.append("            evaluate(xs, ys, start, Math.min(to, start + 4096));\n");
        s.append("        }\n    }\n\n");
        s.append("    private static void evaluate(int[] xs, int[] ys, int from, int to) {\n");
        s.append("        for (int k = from; k < to; k++) {\n");
        s.append("            int v0 = xs[k];\n");
        Lines lines = new Lines(nodes);
        for (int i = 1; i < nodes.size(); i++) {
            lines.index = i;
            s.append(nodes.get(i).accept(lines));
        }
        s.append("            ys[k] = v").append(nodes.size() - 1).append(";\n");
        s.append("        }\n    }\n}\n");
        return s.toString();
    }

    /** The statement(s) that compute one node as the local {@code v<i>}. */
    private static final class Lines implements Node.Visitor<String> {
        private final List<Node> nodes;
        private int index;
        private int branches;

        Lines(List<Node> nodes) {
            this.nodes = nodes;
        }

        private String assign(String expression) {
            return "            int v" + index + " = " + expression + ";\n";
        }

        @Override
        public String input(Node.Input n) {
            return "";
        }

        @Override
        public String sum(Node.Sum sum) {
            StringBuilder e = new StringBuilder("(");
            if (sum.terms().get(0).negate()) {
                e.append(sum.constant());
            }
            for (int t = 0; t < sum.terms().size(); t++) {
                Node.Term term = sum.terms().get(t);
                e.append(t == 0 && !term.negate() ? "" : term.negate() ? " - " : " + ").append(shifted(term));
            }
            if (sum.constant() != 0 && !sum.terms().get(0).negate()) {
                e.append(" + (").append(sum.constant()).append(")");
            }
            e.append(")");
            // Exact words need no wrap (see BatchModel); modular words keep their low bits.
            return assign(sum.signed() || !maskNeeded(index) ? e.toString() : e + " & " + ((1 << sum.width()) - 1));
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
            String mask = c.less() ? "(" + v + " - (" + c.constant() + ")) >> 31"
                    : "~((" + v + " - (" + (c.constant() + 1) + ")) >> 31)";
            return "            int m" + index + " = " + mask + ";  // " + (c.less() ? "x < " : "x > ") + c.constant()
                    + "\n" + assign("m" + index + " & 1");
        }

        @Override
        public String table(Node.Table t) {
            int[] entries = AffineTable.entries(t, nodes.get(t.index()).width());
            String idx = "v" + t.index();
            int[] affine = AffineTable.find(entries);
            if (affine != null) {
                // Indexes beyond the listed entries never reach the output (see BatchModel), so any value will do.
                return assign("(" + idx + " * " + affine[0] + " + " + affine[1] + ") >> " + affine[2]);
            }
            StringBuilder e = new StringBuilder("0");
            for (int j = 0; j < entries.length; j++) {
                if (entries[j] != 0) {
                    e.append(" | ((((").append(idx).append(" ^ ").append(j).append(") - 1) >> 31) & ")
                            .append(entries[j]).append(")");
                }
            }
            return assign(e.toString());
        }

        @Override
        public String tieToEven(Node.TieToEven t) {
            String a = "v" + t.source();
            String tie = "((((" + a + " & " + ((1 << t.shift()) - 1) + ") - 1) >>> 31)"
                    + (t.remainder() >= 0 ? " & (((v" + t.remainder() + " - 1) >>> 31) | (((v" + t.remainder()
                    + " ^ " + t.divisor() + ") - 1) >>> 31))" : "") + ")";
            return assign("(" + a + " >> " + t.shift() + ") & ~" + tie);
        }

        @Override
        public String select(Node.Select s) {
            int shift = 32 - s.width();
            StringBuilder lines = new StringBuilder();
            String value = choice(s.choice(), lines);
            return lines + assign(s.signed() ? "(" + value + " << " + shift + ") >> " + shift
                    : value + " & " + (int) ((1L << s.width()) - 1));
        }

        /**
         * A branch becomes a local clear + ((set - clear) & mask) rather than (set & m) | (clear & ~m): C2 turns the
         * latter into branches.
         */
        private String choice(Choice c, StringBuilder lines) {
            if (c instanceof Choice.Leaf leaf) {
                return leaf.isConstant() ? "(" + (int) leaf.constant() + ")" : "v" + leaf.node();
            }
            Choice.Branch b = (Choice.Branch) c;
            String set = choice(b.whenSet(), lines);
            String clear = choice(b.whenClear(), lines);
            String local = "c" + index + "_" + branches++;
            lines.append("            int ").append(local).append(" = ").append(clear).append(" + ((").append(set)
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
