package dev.hsig.vhdl;

import dev.hsig.datapath.Choice;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Node;
import dev.hsig.datapath.Operands;
import dev.hsig.datapath.Pipeline;
import java.util.List;

/**
 * The datapath as VHDL-93 for one lane, from the same nodes as the Verilog: every node a
 * {@code std_logic_vector} signal of its width, assigned by one concurrent statement of width-exact
 * {@code numeric_std} arithmetic, and the pipeline's data registers in one clocked process. Declarations and
 * statements come apart, because VHDL declares signals before {@code begin}.
 */
final class VhdlBody implements Node.Visitor<String> {
    private final List<Node> nodes;
    private final Pipeline pipeline;
    private final String clock;
    private final String enable;
    private final String indent;
    private final String inputName;
    private final String outputName;
    private final int[] lastRead;
    private final StringBuilder declarations = new StringBuilder();
    private int index;
    private int helpers;

    VhdlBody(Datapath datapath, int registers, boolean registerOutput, String clock, String enable, String indent,
            String input) {
        this.nodes = datapath.nodes();
        this.pipeline = Pipeline.of(datapath, registers);
        this.clock = clock;
        this.enable = enable;
        this.indent = indent;
        this.inputName = input;
        this.outputName = input.equals("x") ? "y_comb" : "y" + input.substring(1) + "_comb";
        this.lastRead = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            lastRead[i] = pipeline.stage(i);
            for (int operand : Operands.of(nodes.get(i))) {
                lastRead[operand] = Math.max(lastRead[operand], pipeline.stage(i));
            }
        }
        lastRead[nodes.size() - 1] = registerOutput ? registers : Math.max(0, registers - 1);
    }

    /** The signal that holds the output after the last stage (or in it, when not registered). */
    String output() {
        return version(nodes.size() - 1, lastRead[nodes.size() - 1]);
    }

    /** The signal declarations (call after {@link #statements}). */
    String declarations() {
        return declarations.toString();
    }

    String statements() {
        StringBuilder s = new StringBuilder();
        int last = -1;
        for (int stage = 0; stage <= pipeline.registers(); stage++) {
            for (index = 1; index < nodes.size(); index++) {
                if (pipeline.stage(index) != stage) {
                    continue;
                }
                if (stage != last) {
                    s.append('\n').append(indent).append("-- ---- stage ").append(stage).append(" ----\n");
                    last = stage;
                }
                Node n = nodes.get(index);
                declare(version(index, stage), n.width(), n.comment());
                s.append(n.accept(this));
            }
        }
        s.append(registers());
        return s.toString();
    }

    /**
     * Every node signal starts at 0, not 'U': a simulator evaluates each comparison once before the first input
     * arrives, and numeric_std warns of a metavalue on 'U' (GHDL: NUMERIC_STD."<": metavalue detected at 0 ms).
     */
    private void declare(String name, int width, String comment) {
        declarations.append(indent).append("signal ").append(name).append(" : std_logic_vector(").append(width - 1)
                .append(" downto 0) := (others => '0');").append(comment.isEmpty() ? "" : "  -- " + comment)
                .append('\n');
    }

    private String name() {
        return version(index, pipeline.stage(index));
    }

    private int stage() {
        return pipeline.stage(index);
    }

    private String assign(String target, String expression) {
        return indent + target + " <= " + expression + ";\n";
    }

    @Override
    public String input(Node.Input n) {
        return "";
    }

    @Override
    public String sum(Node.Sum sum) {
        StringBuilder e = new StringBuilder("std_logic_vector(");
        boolean negatedFirst = sum.terms().get(0).negate();
        String constant = "unsigned'(" + VhdlBits.literal(sum.constant(), sum.width()) + ")";
        if (negatedFirst) {
            e.append(constant);
        }
        for (int t = 0; t < sum.terms().size(); t++) {
            Node.Term term = sum.terms().get(t);
            String operand = "unsigned(" + select(term.source(), term.shift(), sum.width()) + ")";
            e.append(t == 0 && !negatedFirst ? "" : term.negate() ? " - " : " + ").append(operand);
        }
        if (sum.constant() != 0 && !negatedFirst) {
            e.append(" + ").append(constant);
        }
        return assign(name(), e.append(")").toString());
    }

    @Override
    public String product(Node.Product p) {
        String a = select(p.a(), 0, nodes.get(p.a()).width());
        String b = select(p.b(), 0, nodes.get(p.b()).width());
        // The product fits its signal, so resize keeps exactly its value.
        return assign(name(), "std_logic_vector(resize(signed(" + a + ") * signed(" + b + "), " + p.width() + "))");
    }

    @Override
    public String compare(Node.Compare c) {
        int w = nodes.get(c.source()).width();
        String type = nodes.get(c.source()).signed() ? "signed" : "unsigned";
        return assign(name(), "\"1\" when " + type + "(" + select(c.source(), 0, w) + ") " + (c.less() ? "<" : ">") + " "
                + type + "'(" + VhdlBits.literal(c.constant(), w) + ") else \"0\"");
    }

    @Override
    public String table(Node.Table t) {
        int iw = nodes.get(t.index()).width();
        StringBuilder s = new StringBuilder(indent).append("with ").append(select(t.index(), 0, iw)).append(" select ")
                .append(name()).append(" <=\n");
        for (int e = 0; e < t.entries().size(); e++) {
            s.append(indent).append("    ").append(VhdlBits.literal(t.entries().get(e), t.width())).append(" when ")
                    .append(VhdlBits.literal(e, iw)).append(",\n");
        }
        s.append(indent).append("    ").append(VhdlBits.zeros(t.width())).append(" when others;\n");
        return s.toString();
    }

    @Override
    public String tieToEven(Node.TieToEven t) {
        String name = name();
        int w = t.width();
        int k = t.shift();
        String up = name + "_up";
        String tie = name + "_tie";
        declare(up, w, "rounded half up (the offset holds the half)");
        declare(tie, 1, "exactly half-way: a tie");
        StringBuilder s = new StringBuilder();
        s.append(assign(up, select(t.source(), -k, w)));
        String exact = "";
        if (t.remainder() >= 0) {
            int rw = nodes.get(t.remainder()).width();
            String rem = select(t.remainder(), 0, rw);
            exact = " and (" + rem + " = " + VhdlBits.literal(0, rw) + " or " + rem + " = "
                    + VhdlBits.literal(t.divisor(), rw) + ")";
        }
        s.append(assign(tie, "\"1\" when " + select(t.source(), 0, k) + " = " + VhdlBits.zeros(k) + exact
                + " else \"0\""));
        s.append(assign(name, w == 1 ? up + " and not " + tie : up + "(" + (w - 1) + " downto 1) & (" + up
                + "(0) and not " + tie + "(0))"));
        return s.toString();
    }

    @Override
    public String select(Node.Select o) {
        StringBuilder helpersText = new StringBuilder();
        String chain = chain(o.choice(), o.width(), helpersText);
        return helpersText + assign(name(), chain);
    }

    /**
     * A conditional assignment chain: {@code A when f = "1" else B when g = "1" else C}. A choice nested on the
     * taken side of a branch gets a helper signal of its own.
     */
    private String chain(Choice c, int width, StringBuilder helperText) {
        if (c instanceof Choice.Leaf leaf) {
            return leaf.isConstant() ? VhdlBits.literal(leaf.constant(), width) : select(leaf.node(), 0, width);
        }
        Choice.Branch b = (Choice.Branch) c;
        String set;
        if (b.whenSet() instanceof Choice.Branch) {
            set = name() + "_c" + helpers++;
            declare(set, width, "");
            String inner = chain(b.whenSet(), width, helperText);
            helperText.append(assign(set, inner));
        } else {
            set = chain(b.whenSet(), width, helperText);
        }
        return set + " when " + select(b.flag(), 0, 1) + " = \"1\" else " + chain(b.whenClear(), width, helperText);
    }

    /** Reads node {@code source} as seen in the current stage, shifted and sized to {@code target} bits. */
    private String select(int source, int shift, int target) {
        Node n = nodes.get(source);
        return VhdlBits.of(version(source, stage()), n.width(), n.signed(), shift, target);
    }

    /** The signal that holds node i's value in stage s. */
    private String version(int i, int s) {
        String base = i == 0 ? inputName : i == nodes.size() - 1 ? outputName : nodes.get(i).name();
        return s == pipeline.stage(i) ? base : base + "_s" + s;
    }

    private String registers() {
        StringBuilder assign = new StringBuilder();
        String inner = indent + (enable == null ? "        " : "            ");
        for (int i = 0; i < nodes.size(); i++) {
            for (int s = pipeline.stage(i) + 1; s <= lastRead[i]; s++) {
                declare(version(i, s), nodes.get(i).width(), "");
                assign.append(inner).append(version(i, s)).append(" <= ").append(version(i, s - 1)).append(";\n");
            }
        }
        if (assign.length() == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder("\n" + indent + "-- ---- pipeline registers: data (no reset needed) ----\n");
        s.append(indent).append("data_registers: process (").append(clock).append(")\n").append(indent).append("begin\n");
        s.append(indent).append("    if rising_edge(").append(clock).append(") then\n");
        if (enable == null) {
            s.append(assign);
        } else {
            s.append(indent).append("        if ").append(enable).append(" = '1' then\n").append(assign).append(indent)
                    .append("        end if;\n");
        }
        s.append(indent).append("    end if;\n").append(indent).append("end process;\n");
        return s.toString();
    }
}
