package dev.hsig.python;

import dev.hsig.datapath.Choice;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Node;
import dev.hsig.format.QFormat;
import java.util.List;

/**
 * The golden model as one pure Python 3 module (standard library only), printed from the same datapath as the HDL,
 * the C header and the Java kernel: {@code eval(x_raw)} with one local per node, for a cocotb testbench or any
 * script. Python's integers are unbounded and its {@code >>} floors, so each node is its exact value, wrapped to
 * its width as the hardware keeps it.
 */
public final class PythonPrinter implements Node.Visitor<String> {
    /** Python's keywords and soft keywords: a module named so cannot be imported. */
    public static final List<String> KEYWORDS = List.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield", "match", "case");

    private final List<Node> nodes;
    private final StringBuilder tables = new StringBuilder();
    private int index;

    private PythonPrinter(Datapath datapath) {
        this.nodes = datapath.nodes();
    }

    /** A core name that is also an importable module name: Python's keywords are refused in one line. */
    public static String moduleName(String name) {
        if (KEYWORDS.contains(name)) {
            throw new dev.hsig.InvalidInputException("--name '" + name + "' is not valid with a Python model: it is a"
                    + " Python keyword, so " + name + ".py could not be imported");
        }
        return name;
    }

    public static String emit(Datapath datapath, String name, List<String> header) {
        return new PythonPrinter(datapath).text(datapath, name, header);
    }

    /** As above, with {@code random} and {@code binarize} for a binarized core. */
    public static String emit(Datapath datapath, String name, List<String> header, dev.hsig.binarize.Binarizer b) {
        return emit(datapath, name, header) + PythonBinarizer.functions(b);
    }

    private String text(Datapath d, String name, List<String> header) {
        QFormat in = d.config().input();
        QFormat out = d.config().output();
        StringBuilder body = new StringBuilder();
        for (index = 1; index < nodes.size(); index++) {
            body.append(nodes.get(index).accept(this));
        }
        StringBuilder s = new StringBuilder("\"\"\"");
        for (String line : header) {
            s.append(line.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"")).append('\n');
        }
        s.append("\nPython model of ").append(name).append(": eval(x_raw) returns y_raw for an x_raw of the input format (")
                .append(in.minRaw()).append(" to ").append(in.maxRaw()).append("), the word the core outputs;\n")
                .append("eval_bits(word) takes the input from the low ").append(in.width()).append(" bits, as a")
                .append(" simulator's signal value gives it; input_value(raw) and output_value(raw) are the exact\n")
                .append("real values of raw words, as fractions.Fraction. Standard library only: import it from a cocotb")
                .append(" test as it is.\n\"\"\"\n\n");
        s.append("from fractions import Fraction\n\n");
        s.append("INPUT_WIDTH = ").append(in.width()).append("\nINPUT_SIGNED = ").append(in.signed() ? "True" : "False")
                .append("\nINPUT_MIN = ").append(in.minRaw()).append("\nINPUT_MAX = ").append(in.maxRaw())
                .append("\nOUTPUT_WIDTH = ").append(out.width()).append("\nOUTPUT_SIGNED = ")
                .append(out.signed() ? "True" : "False").append("\n\n\n");
        s.append("def _wrap(value, width, signed):\n")
                .append("    \"\"\"The low width bits of value, read as two's complement when signed.\"\"\"\n")
                .append("    low = value & ((1 << width) - 1)\n")
                .append("    return low - (1 << width) if signed and low >> (width - 1) else low\n\n\n");
        s.append(tables);
        s.append("def eval(x_raw):  # noqa: A001 (the name the C model and the Java API use)\n")
                .append("    \"\"\"y_raw for x_raw, an integer of the input format; not range-checked.\"\"\"\n")
                .append("    v0 = x_raw\n").append(body).append("    return v").append(nodes.size() - 1).append("\n\n\n");
        s.append("def eval_checked(x_raw):\n    \"\"\"As eval, but a ValueError for an x_raw outside the input format.\"\"\"\n")
                .append("    if not INPUT_MIN <= x_raw <= INPUT_MAX:\n")
                .append("        raise ValueError(\"x_raw %d is outside the input format's range [%d, %d]\" % (x_raw,")
                .append(" INPUT_MIN, INPUT_MAX))\n    return eval(x_raw)\n\n\n");
        s.append("def eval_bits(word):\n    \"\"\"y_raw for the input word given as its bits (a simulator's unsigned value).\"\"\"\n")
                .append("    return eval(_wrap(word, INPUT_WIDTH, INPUT_SIGNED))\n\n\n");
        s.append("def output_bits(y_raw):\n    \"\"\"y_raw as the core's output bits, an unsigned integer.\"\"\"\n")
                .append("    return y_raw & ((1 << OUTPUT_WIDTH) - 1)\n\n\n");
        s.append(valueFunction("input_value", in)).append("\n\n").append(valueFunction("output_value", out));
        return s.toString();
    }

    private static String valueFunction(String function, QFormat f) {
        String expression = f.isAffine() ? "Fraction(" + f.scale().num() + ", " + f.scale().den() + ") * (raw - ("
                + f.zero() + "))" : "Fraction(raw, " + (1L << f.fraction()) + ")";
        return "def " + function + "(raw):\n    \"\"\"The exact value of a raw " + f + " word.\"\"\"\n    return "
                + expression + "\n";
    }

    private String assign(String expression) {
        Node n = nodes.get(index);
        return "    v" + index + " = " + expression + "  # " + n.name() + ": " + n.comment().replace('\n', ' ') + "\n";
    }

    private String wrap(String expression, Node n) {
        return "_wrap(" + expression + ", " + n.width() + ", " + (n.signed() ? "True" : "False") + ")";
    }

    private static String shifted(Node.Term t) {
        String v = "v" + t.source();
        return t.shift() > 0 ? "(" + v + " << " + t.shift() + ")" : t.shift() < 0 ? "(" + v + " >> " + -t.shift() + ")"
                : v;
    }

    @Override
    public String input(Node.Input n) {
        return "";
    }

    @Override
    public String sum(Node.Sum sum) {
        StringBuilder e = new StringBuilder(sum.constant() != 0 || sum.terms().isEmpty() ? Long.toString(sum.constant())
                : "");
        for (Node.Term t : sum.terms()) {
            e.append(e.length() == 0 ? (t.negate() ? "-" : "") : t.negate() ? " - " : " + ").append(shifted(t));
        }
        return assign(wrap(e.toString(), sum));
    }

    @Override
    public String product(Node.Product p) {
        return assign(wrap("v" + p.a() + " * v" + p.b(), p));
    }

    @Override
    public String compare(Node.Compare c) {
        return assign("1 if v" + c.source() + (c.less() ? " < " : " > ") + c.constant() + " else 0");
    }

    @Override
    public String table(Node.Table t) {
        String table = "_T" + index;
        tables.append(table).append(" = (");
        for (int e = 0; e < t.entries().size(); e++) {
            tables.append(e == 0 ? "" : ", ").append(e % 16 == 0 && e > 0 ? "\n    " : "").append(t.entries().get(e));
        }
        tables.append(",)  # ").append(t.name()).append("\n\n\n");
        String i = "v" + t.index();
        return assign(table + "[" + i + "] if 0 <= " + i + " < " + t.entries().size() + " else 0");
    }

    @Override
    public String tieToEven(Node.TieToEven t) {
        String x = "v" + t.source();
        long mask = (1L << t.shift()) - 1;
        String exact = t.remainder() < 0 ? "" : " and (v" + t.remainder() + " == 0 or v" + t.remainder() + " == "
                + t.divisor() + ")";
        String shifted = "(" + x + " >> " + t.shift() + ")";
        return assign(wrap("(" + shifted + " & ~1 if (" + x + " & " + mask + ") == 0" + exact + " else " + shifted + ")",
                t));
    }

    @Override
    public String select(Node.Select o) {
        return assign(wrap(choice(o.choice()), o));
    }

    private String choice(Choice c) {
        if (c instanceof Choice.Leaf leaf) {
            return leaf.isConstant() ? Long.toString(leaf.constant()) : "v" + leaf.node();
        }
        Choice.Branch b = (Choice.Branch) c;
        return "(" + choice(b.whenSet()) + " if v" + b.flag() + " else " + choice(b.whenClear()) + ")";
    }
}
