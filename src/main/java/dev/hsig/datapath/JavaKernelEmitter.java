package dev.hsig.datapath;

import java.util.List;

/**
 * Prints a datapath as one Java loop over arrays of raw words, every node a local {@code int} (the same walk as
 * the Verilog emitter, in another language). A single straight-line loop body of adds, shifts and masks is what
 * the JIT vectorizes best. Tables become {@code (i*m + c) >> s} when such constants exist, otherwise a sum of
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
        for (int i = 1; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof Node.Compare c) {
                // A comparison is kept as a mask (-1 or 0) from the sign of x - constant: that form vectorizes
                // (a 0/1 flag negated later, or a constant minus x, makes C2 give up on the loop).
                long bound = c.less() ? c.constant() : c.constant() + 1;
                s.append("            int m").append(i).append(" = (v").append(c.source()).append(" - (").append(bound)
                        .append(")) >> 31;  // ").append(c.less() ? "x < " + c.constant() : "x <= " + c.constant())
                        .append("\n");
                s.append("            int v").append(i).append(" = ").append(c.less() ? "m" + i : "~m" + i)
                        .append(" & 1;\n");
            } else {
                s.append("            int v").append(i).append(" = ").append(expression(nodes, i, maskNeeded(nodes, i)))
                        .append(";\n");
            }
        }
        s.append("            ys[k] = v").append(nodes.size() - 1).append(";\n");
        s.append("        }\n    }\n}\n");
        return s.toString();
    }

    /**
     * A modular word read only by modular sums no wider than itself needs no mask of its own: the reader keeps
     * just the low bits anyway, and (a mod 2^w) - b and a - b agree modulo 2^w.
     */
    private static boolean maskNeeded(List<Node> nodes, int i) {
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

    private static String expression(List<Node> nodes, int i, boolean mask) {
        Node node = nodes.get(i);
        if (node instanceof Node.Sum sum) {
            StringBuilder e = new StringBuilder("(");
            for (int t = 0; t < sum.terms().size(); t++) {
                Node.Term term = sum.terms().get(t);
                e.append(t == 0 ? "" : term.negate() ? " - " : " + ").append(shifted(term));
            }
            if (sum.constant() != 0) {
                e.append(" + (").append(sum.constant()).append(")");
            }
            e.append(")");
            // Exact words need no wrap (see BatchModel); modular words keep their low bits.
            return sum.signed() || !mask ? e.toString() : e + " & " + ((1 << sum.width()) - 1);
        }
        if (node instanceof Node.Table t) {
            return table(t, nodes.get(t.index()).width());
        }
        if (node instanceof Node.TieToEven t) {
            String a = "v" + t.source();
            String tie = "((((" + a + " & " + ((1 << t.shift()) - 1) + ") - 1) >>> 31)"
                    + (t.remainder() >= 0 ? " & (((v" + t.remainder() + " - 1) >>> 31) | (((v" + t.remainder()
                    + " ^ " + t.divisor() + ") - 1) >>> 31))" : "") + ")";
            return "(" + a + " >> " + t.shift() + ") & ~" + tie;
        }
        Node.OutputSelect o = (Node.OutputSelect) node;
        // m(above) is -1 when x is NOT above (x <= XH); m(below) is -1 when x is below.
        // lin + ((cap - lin) & mask) rather than (lin & m) | (cap & ~m): C2 turns the latter into branches.
        String value = o.linear() < 0 ? Long.toString(o.cap())
                : o.above() < 0 ? "v" + o.linear()
                : "v" + o.linear() + " + ((" + o.cap() + " - v" + o.linear() + ") & ~m" + o.above() + ")";
        return o.below() < 0 ? value : "(" + value + ") & ~m" + o.below();
    }

    private static String shifted(Node.Term t) {
        String v = "v" + t.source();
        return t.shift() > 0 ? "(" + v + " << " + t.shift() + ")" : t.shift() < 0 ? "(" + v + " >> " + -t.shift() + ")" : v;
    }

    private static String table(Node.Table t, int indexWidth) {
        int[] entries = AffineTable.entries(t, indexWidth);
        String idx = "v" + t.index();
        int[] affine = AffineTable.find(entries);
        if (affine != null) {
            // Indexes beyond the listed entries never reach the output (see BatchModel), so any value will do.
            return "(" + idx + " * " + affine[0] + " + " + affine[1] + ") >> " + affine[2];
        }
        StringBuilder e = new StringBuilder("0");
        for (int j = 0; j < entries.length; j++) {
            if (entries[j] != 0) {
                e.append(" | ((((").append(idx).append(" ^ ").append(j).append(") - 1) >> 31) & ").append(entries[j])
                        .append(")");
            }
        }
        return e.toString();
    }
}
