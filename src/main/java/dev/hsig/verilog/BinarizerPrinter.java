package dev.hsig.verilog;

import dev.hsig.binarize.Binarizer;
import dev.hsig.binarize.Step;
import dev.hsig.datapath.Datapath;
import dev.hsig.hdl.Interface;
import dev.hsig.hdl.OutputLane;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A binarized core: the probability core {@code NAME_p}, printed as any core with the same interface, and around
 * it the module {@code NAME} with the same ports except the output, one bit per lane. The random source counts
 * outputs delivered, so it wraps the core's output side and never touches its datapath or its handshake; each
 * lane's register holds the mix of the current count, and the mix of the next count is computed from register to
 * register, off the output path, which is one compare.
 */
public final class BinarizerPrinter implements Step.Visitor<String> {
    private final Binarizer b;
    private String operand;
    /** The wire a step defines; a table step declares its constant under this name with a T in front. */
    private String wire;
    /** A declaration the step needs before its wire (a table's constant), or null. */
    private String pending;
    /** The widths of the boxes the network's substitutions read, declared once before the lanes. */
    private final java.util.SortedSet<Integer> boxes = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());

    private BinarizerPrinter(Binarizer b) {
        this.b = b;
    }

    public static String emit(Datapath d, String module, Interface iface, Binarizer b, List<String> header) {
        StringBuilder s = new StringBuilder();
        for (String line : header) {
            s.append(line.isEmpty() ? "//" : "// " + line).append('\n');
        }
        s.append("\n// ---- ").append(module).append(": one bit per lane from the probability core ----\n");
        s.append("\n`default_nettype none\n\nmodule ").append(module).append(" (\n");
        s.append(ModulePrinter.portList(d, iface, OutputLane.BIT));
        s.append(");\n");
        s.append(new BinarizerPrinter(b).body(d, module, iface));
        s.append("endmodule\n\n`default_nettype wire\n");
        s.append("\n// ---- ").append(module).append("_p: the probability core, p = f(x) as above ----\n");
        // Verilator asks every module to match its file's name; this one shares its wrapper's file on purpose.
        s.append("// verilator lint_off DECLFILENAME\n");
        s.append(ModulePrinter.emit(d, module + "_p", iface, List.of()));
        s.append("// verilator lint_on DECLFILENAME\n");
        return s.toString();
    }

    private String body(Datapath d, String module, Interface iface) {
        int w = d.config().output().width();
        int f = b.bits();
        int l = iface.lanes();
        boolean axis = iface.kind() == Interface.Kind.AXIS;
        int pitch = axis ? AxisPrinter.pitch(w) : w;
        StringBuilder s = new StringBuilder();
        s.append("    // lane i's probability word p_raw in [i*").append(pitch).append(" +: ").append(w)
                .append("], p = p_raw / 2^").append(f).append('\n');
        s.append("    wire ").append(DatapathBody.range(l * pitch)).append("p;\n");
        String deliver;
        switch (iface.kind()) {
            case PLAIN -> {
                s.append("    ").append(module).append("_p core (.x(x), .y(p));\n");
                deliver = null;
            }
            case VALID -> {
                String rst = iface.reset().port();
                s.append("    wire p_valid;\n");
                s.append("    ").append(module).append("_p core (.clk(clk), .").append(rst).append("(").append(rst)
                        .append(")").append(iface.ce() ? ", .ce(ce)" : "")
                        .append(", .in_valid(in_valid), .x(x), .out_valid(p_valid), .y(p));\n");
                s.append("    assign out_valid = p_valid;\n");
                deliver = iface.ce() ? "p_valid & ce" : "p_valid";
            }
            case AXIS -> {
                boolean last = iface.tlast();
                s.append("    ").append(module).append("_p core (.aclk(aclk), .aresetn(aresetn),")
                        .append(" .s_axis_tvalid(s_axis_tvalid), .s_axis_tready(s_axis_tready),\n")
                        .append("        .s_axis_tdata(s_axis_tdata),").append(last ? " .s_axis_tlast(s_axis_tlast)," : "")
                        .append(" .m_axis_tvalid(m_axis_tvalid), .m_axis_tready(m_axis_tready),\n")
                        .append("        .m_axis_tdata(p)").append(last ? ", .m_axis_tlast(m_axis_tlast)" : "")
                        .append(");\n");
                deliver = "m_axis_tvalid & m_axis_tready";
            }
            default -> throw new IllegalStateException();
        }
        List<String> bitsOut = new ArrayList<>();
        if (b.stochastic()) {
            s.append(source(iface, deliver));
            for (int i = 0; i < l; i++) {
                String r = w > f ? "{" + (w - f) + "'b0, r" + i + "}" : "r" + i;
                bitsOut.add(r + " < p[" + (i * pitch + w - 1) + ":" + (i * pitch) + "]");
            }
        } else {
            String half = w + "'h" + Long.toHexString(1L << (f - 1)).toUpperCase(java.util.Locale.ROOT);
            for (int i = 0; i < l; i++) {
                bitsOut.add("p[" + (i * pitch + w - 1) + ":" + (i * pitch) + "] >= " + half);
            }
        }
        s.append("\n    // ---- the bits: 1 for +1, 0 for -1 ----\n");
        for (int i = 0; i < l; i++) {
            s.append("    wire b").append(i).append(" = ").append(bitsOut.get(i)).append(";\n");
        }
        List<String> parts = new ArrayList<>();
        for (int i = l - 1; i >= 0; i--) {
            if (axis) {
                parts.add("7'b0");
            }
            parts.add("b" + i);
        }
        if (axis && pitch != w) {
            s.append("    // The probability core's pad bits (always 0) are not read; named so linters know.\n");
            s.append(AxisPrinter.unusedPads("p", l, w, pitch));
        }
        String bus = parts.size() == 1 ? parts.get(0) : "{" + String.join(", ", parts) + "}";
        s.append("    assign ").append(axis ? "m_axis_tdata" : "y").append(" = ").append(bus).append(";\n");
        return s.toString();
    }

    /** Lane i's mix of count_next, one wire per step, and its register; leaves {@code operand} on the last wire. */
    private String lane(int i) {
        String range = DatapathBody.range(b.bits());
        StringBuilder s = new StringBuilder("    // lane " + i + ": mix_" + i + "(count_next)\n");
        operand = "count_next";
        List<Step> steps = b.mixer(i).steps();
        for (int k = 0; k < steps.size(); k++) {
            wire = "m" + i + "_" + k;
            pending = null;
            String expression = steps.get(k).accept(this);
            if (pending != null) {
                s.append(pending);
            }
            s.append("    wire ").append(range).append(wire).append(" = ").append(expression).append(";\n");
            operand = wire;
        }
        s.append("    reg  ").append(range).append("r").append(i).append(";\n");
        return s.toString();
    }

    /** The counter, each lane's mix of the next count, and the registers that hold the current one. */
    private String source(Interface iface, String deliver) {
        int f = b.bits();
        String range = DatapathBody.range(f);
        StringBuilder s = new StringBuilder();
        s.append("\n    // ---- random source: r_i = mix_i(count), count = start + outputs delivered, mod 2^").append(f)
                .append(" ----\n");
        s.append("    wire deliver = ").append(deliver).append(";  // an output leaves on this edge\n");
        s.append("    reg  ").append(range).append("count;\n");
        s.append("    wire ").append(range).append("count_next = count + 1'b1;\n");
        List<String> next = new ArrayList<>();
        StringBuilder lanes = new StringBuilder();
        for (int i = 0; i < iface.lanes(); i++) {
            lanes.append(lane(i));
            next.add(operand);
        }
        s.append(boxConstants()).append(lanes);
        boolean axis = iface.kind() == Interface.Kind.AXIS;
        Interface.Reset reset = axis ? Interface.Reset.SYNC_LOW : iface.reset();
        String port = axis ? "aresetn" : reset.port();
        String edge = reset.async() ? " or " + (reset.activeLow() ? "negedge " : "posedge ") + port : "";
        s.append("    always @(posedge ").append(axis ? "aclk" : "clk").append(edge).append(") begin\n");
        s.append("        if (").append(reset.activeLow() ? "!" : "").append(port).append(") begin\n");
        s.append("            count <= ").append(b.hex(b.start())).append(";\n");
        for (int i = 0; i < iface.lanes(); i++) {
            s.append("            r").append(i).append(" <= ").append(b.hex(b.random(0, i))).append(";\n");
        }
        s.append("        end else if (deliver) begin\n            count <= count_next;\n");
        for (int i = 0; i < iface.lanes(); i++) {
            s.append("            r").append(i).append(" <= ").append(next.get(i)).append(";\n");
        }
        s.append("        end\n    end\n");
        return s.toString();
    }

    @Override
    public String xor(Step.Xor s) {
        return operand + " ^ " + b.hex(s.k());
    }

    /** Each chunk through its box, the key's chunk folded into the index: one LUT4 per output bit. */
    @Override
    public String substitute(Step.Substitute s) {
        List<String> parts = new ArrayList<>();
        for (Step.Substitute.Chunk c : s.chunks(b.bits())) {
            String chunk = operand + "[" + (c.low() + c.width() - 1) + (c.width() == 1 ? "" : ":" + c.low()) + "]";
            if (c.width() == 1) {
                parts.add(0, c.key() == 0 ? chunk : "~" + chunk);
                continue;
            }
            boxes.add(c.width());
            parts.add(0, "BOX" + c.width() + "[(" + chunk + " ^ " + c.width() + "'h" + Long.toHexString(c.key())
                    .toUpperCase(java.util.Locale.ROOT) + ")*" + c.width() + " +: " + c.width() + "]");
        }
        return parts.size() == 1 ? parts.get(0) : "{" + String.join(", ", parts) + "}";
    }

    /** Wiring: output bit j is the input bit that moves there. */
    @Override
    public String permute(Step.Permute s) {
        List<String> parts = new ArrayList<>();
        for (int j = b.bits() - 1; j >= 0; j--) {
            parts.add(operand + "[" + s.from(j) + "]");
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** A constant of 2^F words, word v in bits [v*F +: F], read with an indexed part-select. */
    @Override
    public String table(Step.Table s) {
        int f = b.bits();
        BigInteger all = BigInteger.ZERO;
        for (int v = 0; v < s.words().size(); v++) {
            all = all.or(BigInteger.valueOf(s.words().get(v)).shiftLeft(v * f));
        }
        int width = f * s.words().size();
        pending = "    localparam [" + (width - 1) + ":0] T" + wire + " = " + width + "'h"
                + all.toString(16).toUpperCase(java.util.Locale.ROOT) + ";  // word v in [v*" + f + " +: " + f + "]\n";
        return "T" + wire + "[" + operand + "*" + f + " +: " + f + "]";
    }

    /** The boxes the network uses, as constants: word v of BOXw in bits [v*w +: w]. */
    private String boxConstants() {
        StringBuilder s = new StringBuilder();
        for (int width : boxes) {
            List<Long> box = Step.box(width);
            BigInteger all = BigInteger.ZERO;
            for (int v = 0; v < box.size(); v++) {
                all = all.or(BigInteger.valueOf(box.get(v)).shiftLeft(v * width));
            }
            int total = width * box.size();
            s.append("    localparam [").append(total - 1).append(":0] BOX").append(width).append(" = ").append(total)
                    .append("'h").append(all.toString(16).toUpperCase(java.util.Locale.ROOT)).append(";  // ")
                    .append(width == 4 ? "PRESENT's S-box" : width + "-bit box").append(", word v in [v*").append(width)
                    .append(" +: ").append(width).append("]\n");
        }
        return s.toString();
    }
}
