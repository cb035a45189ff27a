package dev.hsig.verilog;

import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Node;
import dev.hsig.datapath.Operands;
import dev.hsig.format.QFormat;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a {@link Datapath} as a synthesizable Verilog-2001 module: one named wire per node, each with its
 * comment, width-exact expressions (see {@link BitSelect}), pipeline registers per {@link Pipeline}. The text
 * depends only on its arguments, so output is byte-for-byte deterministic.
 */
public final class VerilogEmitter {
    private final Datapath datapath;
    private final String module;
    private final Pipeline pipeline;
    private final List<Node> nodes;
    /** Bits read of each (node, stage) version, keyed by the version's wire name. */
    private final Map<String, BitSet> used = new HashMap<>();
    private final Map<String, Integer> widthOf = new HashMap<>();
    private final List<String> usageOrder = new ArrayList<>();
    /** The last stage at which each node is read (its value is delayed by registers up to there). */
    private final int[] lastRead;

    private VerilogEmitter(Datapath datapath, String module, int registers) {
        this.datapath = datapath;
        this.module = module;
        this.pipeline = Pipeline.of(datapath, registers);
        this.nodes = datapath.nodes();
        this.lastRead = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            lastRead[i] = pipeline.stage(i);
            for (int operand : Operands.of(nodes.get(i))) {
                lastRead[operand] = Math.max(lastRead[operand], pipeline.stage(i));
            }
        }
        lastRead[nodes.size() - 1] = registers;
    }

    public static String emit(Datapath datapath, String module, int registers, List<String> header) {
        return new VerilogEmitter(datapath, module, registers).text(header);
    }

    private String text(List<String> header) {
        StringBuilder s = new StringBuilder();
        for (String line : header) {
            s.append(line.isEmpty() ? "//" : "// " + line).append('\n');
        }
        s.append("\n`default_nettype none\n\n");
        QFormat in = datapath.config().input();
        QFormat out = datapath.config().output();
        int registers = pipeline.registers();
        s.append("module ").append(module).append(" (\n");
        if (registers > 0) {
            s.append("    input  wire clk,\n    input  wire rst,\n    input  wire in_valid,\n");
        }
        s.append("    input  wire ").append(range(in.width())).append("x,  // ").append(in).append(in.signed()
                ? ", two's complement" : ", unsigned").append('\n');
        if (registers > 0) {
            s.append("    output wire out_valid,\n");
        }
        s.append("    output wire ").append(range(out.width())).append("y   // ").append(out).append('\n');
        s.append(");\n");
        StringBuilder body = new StringBuilder();
        for (int i = 1; i < nodes.size(); i++) {
            body.append(node(i));
        }
        s.append(body);
        s.append(registers());
        s.append(unusedBits());
        String y = version(nodes.size() - 1, registers);
        if (registers > 0) {
            s.append("\n    assign out_valid = valid_s").append(registers).append(";\n");
        }
        s.append(registers > 0 ? "" : "\n").append("    assign y = ").append(y).append(";\n");
        s.append("endmodule\n\n`default_nettype wire\n");
        return s.toString();
    }

    private String node(int i) {
        Node node = nodes.get(i);
        int stage = pipeline.stage(i);
        String name = version(i, stage);
        declare(name, node.width());
        StringBuilder s = new StringBuilder();
        if (i == 1 || pipeline.stage(i - 1) != stage) {
            s.append("\n    // ---- stage ").append(stage).append(" ----\n");
        }
        if (node instanceof Node.Sum sum) {
            List<String> parts = new ArrayList<>();
            for (Node.Term t : sum.terms()) {
                String e = select(t.source(), stage, t.shift(), sum.width());
                parts.add(parts.isEmpty() ? e : (t.negate() ? "- " : "+ ") + e);
            }
            if (sum.constant() != 0) {
                parts.add("+ " + BitSelect.literal(sum.constant(), sum.width()));
            }
            s.append(wire(name, sum.width(), String.join(" ", parts), sum.comment()));
        } else if (node instanceof Node.Compare c) {
            int w = nodes.get(c.source()).width();
            String operand = select(c.source(), stage, 0, w);
            String op = c.less() ? " < " : " > ";
            s.append(wire(name, 1, nodes.get(c.source()).signed()
                    ? "$signed(" + operand + ")" + op + "$signed(" + BitSelect.literal(c.constant(), w) + ")"
                    : operand + op + BitSelect.decimal(c.constant(), w), c.comment()));
        } else if (node instanceof Node.Table t) {
            s.append(table(name, t, stage));
        } else if (node instanceof Node.TieToEven t) {
            s.append(tieToEven(name, t, stage));
        } else if (node instanceof Node.OutputSelect o) {
            s.append(output(name, o, stage));
        }
        return s.toString();
    }

    private String table(String name, Node.Table t, int stage) {
        int iw = nodes.get(t.index()).width();
        String index = select(t.index(), stage, 0, iw);
        StringBuilder s = new StringBuilder();
        s.append("    reg  ").append(range(t.width())).append(name).append(";  // ").append(t.comment()).append('\n');
        s.append("    always @* begin\n        case (").append(index).append(")\n");
        for (int e = 0; e < t.entries().size(); e++) {
            s.append("            ").append(BitSelect.decimal(e, iw)).append(": ").append(name).append(" = ")
                    .append(BitSelect.decimal(t.entries().get(e), t.width())).append(";\n");
        }
        if (t.entries().size() < (1L << iw)) {
            s.append("            default: ").append(name).append(" = ").append(BitSelect.decimal(0, t.width()))
                    .append(";\n");
        }
        s.append("        endcase\n    end\n");
        return s.toString();
    }

    private String tieToEven(String name, Node.TieToEven t, int stage) {
        int w = t.width();
        int k = t.shift();
        String up = name + "_up";
        String tie = name + "_tie";
        StringBuilder s = new StringBuilder();
        s.append(wire(up, w, select(t.source(), stage, -k, w), "rounded half up (the offset holds the half)"));
        String low = select(t.source(), stage, 0, k);
        String exact = "";
        if (t.remainder() >= 0) {
            int rw = nodes.get(t.remainder()).width();
            String rem = select(t.remainder(), stage, 0, rw);
            exact = " & (" + rem + " == " + BitSelect.decimal(0, rw) + " | " + rem + " == "
                    + BitSelect.decimal(t.divisor(), rw) + ")";
        }
        s.append(wire(tie, 1, "~|" + low + exact, "exactly half-way: a tie"));
        String cleared = w == 1 ? up + " & ~" + tie : "{" + up + "[" + (w - 1) + ":1], " + up + "[0] & ~" + tie + "}";
        used(up, w).set(0, w);
        s.append(wire(name, w, cleared, t.comment()));
        return s.toString();
    }

    private String output(String name, Node.OutputSelect o, int stage) {
        String value = o.linear() >= 0 ? select(o.linear(), stage, 0, o.width()) : BitSelect.decimal(o.cap(), o.width());
        String cap = BitSelect.decimal(o.cap(), o.width());
        String expr = value;
        if (o.above() >= 0) {
            expr = select(o.above(), stage, 0, 1) + " ? " + cap + " : " + expr;
        }
        if (o.below() >= 0) {
            expr = select(o.below(), stage, 0, 1) + " ? " + BitSelect.decimal(0, o.width()) + " : " + expr;
        }
        return wire(name, o.width(), expr, o.comment());
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
        String base = i == nodes.size() - 1 ? "y_comb" : nodes.get(i).name();
        return s == pipeline.stage(i) ? base : base + "_s" + s;
    }

    private String registers() {
        int registers = pipeline.registers();
        if (registers == 0) {
            return "";
        }
        StringBuilder decl = new StringBuilder("\n    // ---- pipeline registers: data (no reset needed) ----\n");
        StringBuilder assign = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            for (int s = pipeline.stage(i) + 1; s <= lastRead[i]; s++) {
                String reg = version(i, s);
                int w = nodes.get(i).width();
                decl.append("    reg  ").append(range(w)).append(reg).append(";\n");
                assign.append("        ").append(reg).append(" <= ").append(version(i, s - 1)).append(";\n");
                used(version(i, s - 1), w).set(0, w);
            }
        }
        StringBuilder s = new StringBuilder(decl);
        s.append("    always @(posedge clk) begin\n").append(assign).append("    end\n");
        s.append("\n    // ---- valid pipeline: synchronous active-high reset clears it ----\n");
        for (int r = 1; r <= registers; r++) {
            s.append("    reg  valid_s").append(r).append(";\n");
        }
        s.append("    always @(posedge clk) begin\n        if (rst) begin\n");
        for (int r = 1; r <= registers; r++) {
            s.append("            valid_s").append(r).append(" <= 1'b0;\n");
        }
        s.append("        end else begin\n");
        for (int r = 1; r <= registers; r++) {
            s.append("            valid_s").append(r).append(" <= ").append(r == 1 ? "in_valid" : "valid_s" + (r - 1))
                    .append(";\n");
        }
        s.append("        end\n    end\n");
        return s.toString();
    }

    /** Bits that no step reads (dropped by a right shift or above a modulus) go to one wire the linter ignores. */
    private String unusedBits() {
        List<String> parts = new ArrayList<>();
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
        return "\n    // Bits dropped on purpose (shifted out or above a modulus); named so linters know.\n"
                + "    wire unused_bits = ^{" + String.join(", ", parts) + "};\n";
    }

    private static String wire(String name, int width, String expr, String comment) {
        return "    wire " + range(width) + name + " = " + expr + ";  // " + comment + "\n";
    }

    private static String range(int width) {
        return width == 1 ? "" : "[" + (width - 1) + ":0] ";
    }
}
