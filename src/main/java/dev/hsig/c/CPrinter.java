package dev.hsig.c;

import dev.hsig.datapath.Choice;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Node;
import dev.hsig.format.QFormat;
import java.util.List;

/**
 * The golden model as a header-only C99 (and C++) file, printed from the same datapath as the HDL and the Java
 * kernel: {@code static inline int64_t NAME_eval(int64_t x_raw)} with one local per node. Arithmetic is done on
 * {@code uint64_t}, where wrapping is defined, and read back as two's complement by the node's width; floor shifts
 * never shift a negative number; no shift reaches 64 bits. So the model has no undefined behaviour, which the tests
 * check with the sanitizers.
 */
public final class CPrinter implements Node.Visitor<String> {
    private final List<Node> nodes;
    private final String name;
    private int index;

    private CPrinter(Datapath datapath, String name) {
        this.nodes = datapath.nodes();
        this.name = name;
    }

    public static String emit(Datapath datapath, String name, List<String> header) {
        return new CPrinter(datapath, name).text(datapath, header, "");
    }

    /** As above, with more functions (a binarizer's) after NAME_eval and its companions. */
    public static String emit(Datapath datapath, String name, List<String> header, String more) {
        return new CPrinter(datapath, name).text(datapath, header, more);
    }

    private String text(Datapath d, List<String> header, String more) {
        StringBuilder s = new StringBuilder("/*\n");
        for (String line : header) {
            s.append(line.isEmpty() ? " *" : " * " + line.replace("*/", "* /")).append('\n');
        }
        QFormat in = d.config().input();
        s.append(" *\n * ").append(name).append("_eval(x_raw) returns y_raw for an x_raw of the input format (")
                .append(in.minRaw()).append(" to ").append(in.maxRaw())
                .append("), the same word the core outputs; it does not check x_raw.\n * ").append(name)
                .append("_eval_checked(x_raw, &y_raw) returns 0 and sets y_raw, or returns -1 for an x_raw outside the"
                        + " format.\n * ").append(name).append("_eval_bits(bits) takes the input word from the low ")
                .append(in.width()).append(" bits, as a hex file holds it.\n */\n");
        // The name as it is, not upper-cased: ka.h and KA.h (distinct cores, distinct files) must not share a guard.
        String guard = name + "_H";
        s.append("#ifndef ").append(guard).append("\n#define ").append(guard).append("\n\n#include <stdint.h>\n\n");
        s.append(helpers());
        s.append("static inline int64_t ").append(name).append("_eval(int64_t x_raw) {\n");
        s.append("    const int64_t v0 = x_raw;\n");
        for (index = 1; index < nodes.size(); index++) {
            s.append(nodes.get(index).accept(this));
        }
        s.append("    return v").append(nodes.size() - 1).append(";\n}\n\n");
        s.append("static inline int ").append(name).append("_eval_checked(int64_t x_raw, int64_t *y_raw) {\n")
                .append("    if (x_raw < ").append(constant(in.minRaw())).append(" || x_raw > ")
                .append(constant(in.maxRaw())).append(") {\n        return -1;\n    }\n")
                .append("    *y_raw = ").append(name).append("_eval(x_raw);\n    return 0;\n}\n\n");
        s.append("static inline int64_t ").append(name).append("_eval_bits(uint64_t bits) {\n")
                .append("    return ").append(name).append("_eval(").append(name).append("_wrap(bits, ")
                .append(in.width()).append(", ").append(in.signed() ? 1 : 0).append("));\n}\n\n").append(more)
                .append("#endif\n");
        return s.toString();
    }

    private String helpers() {
        String p = name + "_";
        return "/* Two's complement arithmetic without undefined behaviour: sums and products on uint64_t, read back by\n"
                + "   width; floor shifts that never shift a negative number. */\n"
                + "static inline int64_t " + p + "from_u(uint64_t u) {\n"
                + "    return u <= (uint64_t)INT64_MAX ? (int64_t)u : -(int64_t)(~u) - 1;\n}\n\n"
                + "static inline int64_t " + p + "wrap(uint64_t u, int width, int is_signed) {\n"
                + "    uint64_t mask = width >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << width) - 1;\n"
                + "    uint64_t low = u & mask;\n"
                + "    if (is_signed && width < 64 && ((low >> (width - 1)) & 1)) {\n"
                + "        return " + p + "from_u(low | ~mask);\n    }\n"
                + "    return " + p + "from_u(low);\n}\n\n"
                + "static inline uint64_t " + p + "shl(int64_t v, int k) {\n    return (uint64_t)v << k;\n}\n\n"
                + "static inline int64_t " + p + "shr(int64_t v, int k) {  /* floor(v / 2^k) */\n"
                + "    return v >= 0 ? v >> k : -1 - ((-1 - v) >> k);\n}\n\n";
    }

    private String assign(String expression) {
        return "    const int64_t v" + index + " = " + expression + ";  /* " + nodes.get(index).name() + ": "
                + nodes.get(index).comment().replace("*/", "* /") + " */\n";
    }

    private String wrap(String unsignedExpression, Node n) {
        return name + "_wrap(" + unsignedExpression + ", " + n.width() + ", " + (n.signed() ? 1 : 0) + ")";
    }

    private static String constant(long c) {
        return "INT64_C(" + c + ")";
    }

    private String shifted(Node.Term t) {
        String v = "v" + t.source();
        if (t.shift() > 0) {
            return name + "_shl(" + v + ", " + t.shift() + ")";
        }
        return t.shift() < 0 ? "(uint64_t)" + name + "_shr(" + v + ", " + Math.min(63, -t.shift()) + ")"
                : "(uint64_t)" + v;
    }

    @Override
    public String input(Node.Input n) {
        return "";
    }

    @Override
    public String sum(Node.Sum sum) {
        StringBuilder e = new StringBuilder("(uint64_t)" + constant(sum.constant()));
        for (Node.Term t : sum.terms()) {
            e.append(t.negate() ? " - " : " + ").append(shifted(t));
        }
        return assign(wrap(e.toString(), sum));
    }

    @Override
    public String product(Node.Product p) {
        return assign(wrap("(uint64_t)v" + p.a() + " * (uint64_t)v" + p.b(), p));
    }

    @Override
    public String compare(Node.Compare c) {
        return assign("v" + c.source() + (c.less() ? " < " : " > ") + constant(c.constant()) + " ? 1 : 0");
    }

    @Override
    public String table(Node.Table t) {
        StringBuilder s = new StringBuilder("    static const int64_t t" + index + "[" + t.entries().size() + "] = {");
        for (int e = 0; e < t.entries().size(); e++) {
            s.append(e == 0 ? "" : ", ").append(t.entries().get(e));
        }
        s.append("};\n");
        String i = "v" + t.index();
        return s + assign(i + " >= 0 && " + i + " < " + t.entries().size() + " ? t" + index + "[" + i + "] : 0");
    }

    @Override
    public String tieToEven(Node.TieToEven t) {
        String x = "v" + t.source();
        long mask = (1L << t.shift()) - 1;
        String exact = t.remainder() < 0 ? "" : " && (v" + t.remainder() + " == 0 || v" + t.remainder() + " == "
                + constant(t.divisor()) + ")";
        String tie = "(((uint64_t)" + x + " & UINT64_C(" + mask + ")) == 0" + exact + ")";
        String shifted = "(uint64_t)" + name + "_shr(" + x + ", " + t.shift() + ")";
        return assign(wrap("(" + tie + " ? " + shifted + " & ~(uint64_t)1 : " + shifted + ")", t));
    }

    @Override
    public String select(Node.Select o) {
        return assign(wrap("(uint64_t)" + choice(o.choice()), o));
    }

    private String choice(Choice c) {
        if (c instanceof Choice.Leaf leaf) {
            return leaf.isConstant() ? constant(leaf.constant()) : "v" + leaf.node();
        }
        Choice.Branch b = (Choice.Branch) c;
        return "(v" + b.flag() + " ? " + choice(b.whenSet()) + " : " + choice(b.whenClear()) + ")";
    }
}
