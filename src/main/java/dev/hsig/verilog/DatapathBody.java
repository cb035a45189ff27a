package dev.hsig.verilog;

import dev.hsig.datapath.Choice;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Node;
import dev.hsig.datapath.Operands;
import dev.hsig.datapath.Pipeline;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The datapath as Verilog-2001 statements for one lane: one named wire per node with its comment, width-exact
 * expressions ({@link BitSelect}), and the pipeline's data registers, which load when {@code enable} is high (or
 * on every clock without one). It reads the input as the wire {@code x} and leaves the output in
 * {@link #output()}; the module around it ({@link ModulePrinter}) supplies both, and the control logic.
 */
final class DatapathBody implements Node.Visitor<String> {
    private final List<Node> nodes;
    private final Pipeline pipeline;
    private final String enable;
    private final String clock;
    private final String indent;
    private final String inputName;
    private final String outputName;
    /** Bits read of each (node, stage) version, keyed by the version's wire name. */
    private final Map<String, BitSet> used = new HashMap<>();
    private final Map<String, Integer> widthOf = new HashMap<>();
    private final List<String> usageOrder = new ArrayList<>();
    /** The last stage at which each node is read (its value is delayed by registers up to there). */
    private final int[] lastRead;
    /** Whether each node is an operand of a product (printed so that Yosys's DSP mapping keeps its sign). */
    private final boolean[] multiplied;
    private int index;

    /**
     * @param registers      register stages; the last one holds the output unless {@code registerOutput} is false,
     *                       when the interface registers the output itself (AXI4-Stream's skid buffer)
     * @param enable         the signal that lets the data registers load, or null to load on every clock
     * @param input          the wire holding the input word; the output's base name is derived from it
     */
    DatapathBody(Datapath datapath, int registers, boolean registerOutput, String clock, String enable, String indent,
            String input) {
        this.clock = clock;
        this.inputName = input;
        this.outputName = input.equals("x") ? "y_comb" : "y" + input.substring(1) + "_comb";
        this.nodes = datapath.nodes();
        this.pipeline = Pipeline.of(datapath, registers);
        this.enable = enable;
        this.indent = indent;
        this.lastRead = new int[nodes.size()];
        this.multiplied = new boolean[nodes.size()];
        for (Node n : nodes) {
            if (n instanceof Node.Product p) {
                multiplied[p.a()] = true;
                multiplied[p.b()] = true;
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            lastRead[i] = pipeline.stage(i);
            for (int operand : Operands.of(nodes.get(i))) {
                lastRead[operand] = Math.max(lastRead[operand], pipeline.stage(i));
            }
        }
        lastRead[nodes.size() - 1] = registerOutput ? registers : Math.max(0, registers - 1);
    }

    /** The wire or register that holds the output after the last stage (or in it, when not registered). */
    String output() {
        return version(nodes.size() - 1, lastRead[nodes.size() - 1]);
    }

    String text() {
        StringBuilder s = new StringBuilder(registerDeclarations());
        int last = -1;
        for (int stage = 0; stage <= pipeline.registers(); stage++) {
            for (index = 1; index < nodes.size(); index++) {
                if (pipeline.stage(index) != stage) {
                    continue;
                }
                if (stage != last) {
                    s.append('\n').append(indent).append("// ---- stage ").append(stage).append(" ----\n");
                    last = stage;
                }
                declare(version(index, stage), nodes.get(index).width());
                s.append(nodes.get(index).accept(this));
            }
        }
        s.append(registers());
        s.append(unusedBits());
        return s.toString();
    }

    private String name() {
        return version(index, pipeline.stage(index));
    }

    private int stage() {
        return pipeline.stage(index);
    }

    @Override
    public String input(Node.Input n) {
        return "";
    }

    @Override
    public String sum(Node.Sum sum) {
        Node.Term only = sum.terms().get(0);
        if (multiplied[index] && sum.terms().size() == 1 && only.shift() == 0 && !only.negate()
                && nodes.get(only.source()).signed() && sum.width() > nodes.get(only.source()).width()) {
            // A sign-extended operand of the product: Yosys 0.23 zero-extends a pre-adder operand written as
            // {x[7], x} + c when it maps the product to a DSP48E1 (hard-swish Q3.5: 95 of 256 outputs wrong at gate
            // level); a signed sum of the source itself maps right. The same value: x sign-extended, plus c.
            String x = "$signed(" + select(only.source(), stage(), 0, nodes.get(only.source()).width()) + ")";
            String c = BitSelect.decimal(Math.abs(sum.constant()), sum.width()).replace("'d", "'sd");
            return wire(name(), sum.width(), sum.constant() == 0 ? x : x + (sum.constant() < 0 ? " - " : " + ") + c,
                    sum.comment());
        }
        List<String> parts = new ArrayList<>();
        boolean negatedFirst = sum.terms().get(0).negate();
        if (negatedFirst && sum.constant() != 0) {
            parts.add(BitSelect.literal(sum.constant(), sum.width()));
        }
        for (Node.Term t : sum.terms()) {
            String e = select(t.source(), stage(), t.shift(), sum.width());
            parts.add(parts.isEmpty() ? (t.negate() ? "-" + e : e) : (t.negate() ? "- " : "+ ") + e);
        }
        if (sum.constant() != 0 && !negatedFirst) {
            parts.add("+ " + BitSelect.literal(sum.constant(), sum.width()));
        }
        return wire(name(), sum.width(), String.join(" ", parts), sum.comment());
    }

    @Override
    public String product(Node.Product p) {
        // A multiplier of the operands' own widths, signed, its result exactly as wide as the product can be.
        String a = select(p.a(), stage(), 0, nodes.get(p.a()).width());
        String b = select(p.b(), stage(), 0, nodes.get(p.b()).width());
        return wire(name(), p.width(), "$signed(" + a + ") * $signed(" + b + ")", p.comment());
    }

    @Override
    public String compare(Node.Compare c) {
        int w = nodes.get(c.source()).width();
        if (c.signTest() && nodes.get(c.source()).signed()) {
            // "< 0" is the sign bit; written as a comparison Yosys would build a carry chain for it.
            return wire(name(), 1, select(c.source(), stage(), -(w - 1), 1), c.comment());
        }
        String operand = select(c.source(), stage(), 0, w);
        String op = c.less() ? " < " : " > ";
        if (w <= Node.Compare.LOGIC_BITS) {
            return wire(name(), 1, logicCompare(c, w), c.comment());
        }
        return wire(name(), 1, nodes.get(c.source()).signed()
                ? "$signed(" + operand + ")" + op + "$signed(" + BitSelect.literal(c.constant(), w) + ")"
                : operand + op + BitSelect.decimal(c.constant(), w), c.comment());
    }

    /**
     * {@code x > c} (or {@code <}) as AND/OR terms from the lowest bit up, with no compare cell: Yosys maps a compare
     * cell to a carry chain (hard-tanh Q3.5: 26 SB_LUT4 + 9 SB_CARRY, 33 logic cells; written this way, 6 SB_LUT4 and 8
     * cells), and its cmp2lut maps a signed one of up to 4 bits against a negative constant to a constant
     * (hard-swish Q3.1: 10 of 16 outputs wrong at gate level; YosysHQ/yosys#6085). A signed source is compared as
     * offset binary: its sign bit inverted, the constant plus 2^(w-1). x > c over bits [i:0] is x[i] & (x > c over
     * [i-1:0]) where c[i] is 1, x[i] | (...) where it is 0, and false over no bits; x < c likewise with ~x[i] and the
     * roles of 1 and 0 swapped.
     */
    private String logicCompare(Node.Compare c, int w) {
        boolean signed = nodes.get(c.source()).signed();
        long constant = signed ? c.constant() + (1L << (w - 1)) : c.constant();
        String e = null; // null: false
        for (int i = 0; i < w; i++) {
            boolean one = ((constant >>> i) & 1) != 0;
            String bit = select(c.source(), stage(), -i, 1);
            boolean inverted = c.less() != (signed && i == w - 1);
            String literal = inverted ? "~" + bit : bit;
            // Over bits [i:0]: with c[i] = 1, "greater" needs x[i] and greater below; with 0, x[i] or greater below.
            boolean and = c.less() != one;
            if (e == null) {
                e = and ? null : literal;
            } else {
                e = literal + (and ? " & " : " | ") + (e.contains(" ") ? "(" + e + ")" : e);
            }
        }
        return e == null ? "1'b0" : e;
    }

    @Override
    public String table(Node.Table t) {
        String name = name();
        int iw = nodes.get(t.index()).width();
        String idx = select(t.index(), stage(), 0, iw);
        StringBuilder s = new StringBuilder();
        s.append(indent).append("reg  ").append(range(t.width())).append(name).append(";  // ").append(t.comment())
                .append('\n');
        s.append(indent).append("always @* begin\n").append(indent).append("    case (").append(idx).append(")\n");
        for (int e = 0; e < t.entries().size(); e++) {
            s.append(indent).append("        ").append(BitSelect.decimal(e, iw)).append(": ").append(name).append(" = ")
                    .append(BitSelect.decimal(t.entries().get(e), t.width())).append(";\n");
        }
        if (t.entries().size() < (1L << iw)) {
            s.append(indent).append("        default: ").append(name).append(" = ")
                    .append(BitSelect.decimal(0, t.width())).append(";\n");
        }
        s.append(indent).append("    endcase\n").append(indent).append("end\n");
        return s.toString();
    }

    @Override
    public String tieToEven(Node.TieToEven t) {
        String name = name();
        int w = t.width();
        int k = t.shift();
        String up = name + "_up";
        String tie = name + "_tie";
        StringBuilder s = new StringBuilder();
        s.append(wire(up, w, select(t.source(), stage(), -k, w), "rounded half up (the offset holds the half)"));
        String low = select(t.source(), stage(), 0, k);
        String exact = "";
        if (t.remainder() >= 0) {
            int rw = nodes.get(t.remainder()).width();
            String rem = select(t.remainder(), stage(), 0, rw);
            exact = " & (" + rem + " == " + BitSelect.decimal(0, rw) + " | " + rem + " == "
                    + BitSelect.decimal(t.divisor(), rw) + ")";
        }
        s.append(wire(tie, 1, "~|" + low + exact, "exactly half-way: a tie"));
        String cleared = w == 1 ? up + " & ~" + tie : "{" + up + "[" + (w - 1) + ":1], " + up + "[0] & ~" + tie + "}";
        used(up, w).set(0, w);
        s.append(wire(name, w, cleared, t.comment()));
        return s.toString();
    }

    @Override
    public String select(Node.Select o) {
        return wire(name(), o.width(), choice(o.choice(), o.width(), false), o.comment());
    }

    /** Nested conditional operators; a choice in the middle of another is parenthesized. */
    private String choice(Choice c, int width, boolean nested) {
        if (c instanceof Choice.Leaf leaf) {
            if (leaf.isConstant()) {
                return leaf.constant() >= 0 ? BitSelect.decimal(leaf.constant(), width)
                        : BitSelect.literal(leaf.constant(), width);
            }
            return select(leaf.node(), stage(), 0, width);
        }
        Choice.Branch b = (Choice.Branch) c;
        String e = select(b.flag(), stage(), 0, 1) + " ? " + choice(b.whenSet(), width, true) + " : "
                + choice(b.whenClear(), width, false);
        return nested ? "(" + e + ")" : e;
    }

    /** Reads node {@code source} as seen in {@code stage}, shifted and sized to {@code target} bits. */
    private String select(int source, int stage, int shift, int target) {
        Node n = nodes.get(source);
        String name = version(source, stage);
        return BitSelect.of(name, n.width(), n.signed(), shift, target, used(name, n.width()));
    }

    private BitSet used(String name, int width) {
        widthOf.putIfAbsent(name, width);
        return used.computeIfAbsent(name, k -> {
            usageOrder.add(k);
            return new BitSet();
        });
    }

    private void declare(String name, int width) {
        widthOf.put(name, width);
    }

    /** The wire or register that holds node i's value in stage s. */
    private String version(int i, int s) {
        String base = i == 0 ? inputName : i == nodes.size() - 1 ? outputName : nodes.get(i).name();
        return s == pipeline.stage(i) ? base : base + "_s" + s;
    }

    /** Every pipeline register, declared before any statement reads it (Yosys needs that in generate blocks). */
    private String registerDeclarations() {
        if (!anyRegister()) {
            return "";
        }
        StringBuilder decl = new StringBuilder("\n" + indent + "// ---- pipeline registers: data (no reset needed) ----\n");
        for (int i = 0; i < nodes.size(); i++) {
            for (int s = pipeline.stage(i) + 1; s <= lastRead[i]; s++) {
                decl.append(indent).append("reg  ").append(range(nodes.get(i).width())).append(version(i, s))
                        .append(";\n");
            }
        }
        return decl.toString();
    }

    private boolean anyRegister() {
        for (int i = 0; i < nodes.size(); i++) {
            if (lastRead[i] > pipeline.stage(i)) {
                return true;
            }
        }
        return false;
    }

    private String registers() {
        if (!anyRegister()) {
            return "";
        }
        StringBuilder assign = new StringBuilder();
        String inner = indent + (enable == null ? "    " : "        ");
        for (int i = 0; i < nodes.size(); i++) {
            for (int s = pipeline.stage(i) + 1; s <= lastRead[i]; s++) {
                int w = nodes.get(i).width();
                assign.append(inner).append(version(i, s)).append(" <= ").append(version(i, s - 1)).append(";\n");
                used(version(i, s - 1), w).set(0, w);
            }
        }
        StringBuilder s = new StringBuilder("\n" + indent + "// ---- pipeline registers load ----\n");
        s.append(indent).append("always @(posedge ").append(clock).append(") begin\n");
        if (enable == null) {
            s.append(assign);
        } else {
            s.append(indent).append("    if (").append(enable).append(") begin\n").append(assign).append(indent)
                    .append("    end\n");
        }
        s.append(indent).append("end\n");
        return s.toString();
    }

    /** Bits that no step reads (dropped by a right shift or above a modulus) go to one wire the linter ignores. */
    private String unusedBits() {
        List<String> parts = new ArrayList<>();
        if (!used.containsKey(inputName)) {
            parts.add(inputName); // a constant core reads no input bit
        }
        for (String name : usageOrder) {
            BitSet bits = used.get(name);
            int w = widthOf.get(name);
            int j = 0;
            while (j < w) {
                if (bits.get(j)) {
                    j++;
                    continue;
                }
                int end = bits.nextSetBit(j);
                end = end < 0 || end > w ? w : end;
                parts.add(w == 1 ? name : end - 1 == j ? name + "[" + j + "]" : name + "[" + (end - 1) + ":" + j + "]");
                j = end;
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "\n" + indent + "// Bits dropped on purpose (shifted out or above a modulus); named so linters know.\n"
                + indent + "wire unused_bits = ^{" + String.join(", ", parts) + "};\n";
    }

    private String wire(String name, int width, String expr, String comment) {
        return indent + "wire " + range(width) + name + " = " + expr + ";  // " + comment + "\n";
    }

    static String range(int width) {
        return width == 1 ? "" : "[" + (width - 1) + ":0] ";
    }
}
