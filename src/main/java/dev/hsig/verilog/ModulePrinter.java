package dev.hsig.verilog;

import dev.hsig.datapath.Datapath;
import dev.hsig.format.QFormat;
import dev.hsig.hdl.Interface;
import dev.hsig.hdl.OutputLane;
import dev.hsig.hdl.PortList;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthesizable Verilog-2001 module: the ports and control logic of an {@link Interface} around the datapath,
 * which {@link DatapathBody} prints once (inside a generate loop when there are several lanes). The text depends
 * only on its arguments, so output is byte-for-byte deterministic.
 */
public final class ModulePrinter {
    private final Datapath datapath;
    private final String module;
    private final Interface iface;
    /** The output bus's lane: the datapath's output word, or a binarizer's one bit. */
    private final OutputLane outLane;

    private ModulePrinter(Datapath datapath, String module, Interface iface) {
        this.datapath = datapath;
        this.module = module;
        this.iface = iface;
        this.outLane = OutputLane.of(datapath.config().output());
    }

    public static String emit(Datapath datapath, String module, Interface iface, List<String> header) {
        return new ModulePrinter(datapath, module, iface).text(header);
    }

    /** The port declarations of a module with this interface, the output bus carrying lanes of {@code out}. */
    static String portList(Datapath datapath, Interface iface, OutputLane out) {
        return PortList.join(ports(datapath, iface, out), "    ", ",", "//");
    }

    /** The plain (pipeline 0) or valid core with today's defaults. */
    public static String emit(Datapath datapath, String module, int pipeline, List<String> header) {
        return emit(datapath, module, Interface.of(pipeline), header);
    }

    private String text(List<String> header) {
        StringBuilder s = new StringBuilder();
        for (String line : header) {
            s.append(line.isEmpty() ? "//" : "// " + line).append('\n');
        }
        s.append("\n`default_nettype none\n\n");
        s.append("module ").append(module).append(" (\n");
        s.append(portList(datapath, iface, outLane));
        s.append(");\n");
        if (iface.kind() == Interface.Kind.AXIS) {
            s.append(AxisPrinter.body(datapath, iface, this));
        } else {
            s.append(lanes(enable(), "x", "y", true));
            s.append(control());
        }
        s.append("endmodule\n\n`default_nettype wire\n");
        return s.toString();
    }

    private String clock() {
        return iface.kind() == Interface.Kind.AXIS ? "aclk" : "clk";
    }

    private String enable() {
        return iface.ce() ? "ce" : null;
    }

    private static List<String> ports(Datapath datapath, Interface iface, OutputLane out) {
        QFormat in = datapath.config().input();
        int l = iface.lanes();
        String lanesNote = l > 1 ? ", " + l + " lanes, lane i in [i*" + in.width() + " +: " + in.width() + "]" : "";
        String outLanesNote = l > 1 ? ", " + l + " lanes, lane i in [i*" + out.width() + " +: " + out.width() + "]" : "";
        List<String> p = new ArrayList<>();
        if (iface.kind() == Interface.Kind.AXIS) {
            return AxisPrinter.ports(datapath, iface, out);
        }
        if (iface.kind() == Interface.Kind.VALID) {
            p.add("input  wire clk");
            p.add("input  wire " + iface.reset().port() + "  // " + iface.reset().cliName().replace("-", " ") + " reset");
            if (iface.ce()) {
                p.add("input  wire ce  // clock enable: every register holds while it is low");
            }
            p.add("input  wire in_valid");
        }
        p.add("input  wire " + DatapathBody.range(l * in.width()) + "x  // " + in + (in.signed() ? ", two's complement"
                : ", unsigned") + lanesNote);
        if (iface.kind() == Interface.Kind.VALID) {
            p.add("output wire out_valid");
        }
        p.add("output wire " + DatapathBody.range(l * out.width()) + "y  // " + out.what() + outLanesNote);
        return p;
    }

    /**
     * The datapath once per lane, reading {@code input} lane by lane (W bits each) and driving {@code output}:
     * inline for one lane, in a generate loop for several.
     */
    String lanes(String enableSignal, String input, String output, boolean registerOutput) {
        QFormat in = datapath.config().input();
        QFormat out = datapath.config().output();
        int registers = iface.pipeline();
        if (iface.lanes() == 1) {
            DatapathBody body = new DatapathBody(datapath, registers, registerOutput, clock(), enableSignal, "    ",
                    input);
            String text = body.text();
            return text + "\n    assign " + output + " = " + body.output() + ";\n";
        }
        DatapathBody body = new DatapathBody(datapath, registers, registerOutput, clock(), enableSignal,
                "            ", "x_lane");
        StringBuilder s = new StringBuilder();
        s.append("\n    // ---- ").append(iface.lanes()).append(" lanes, one datapath each ----\n");
        s.append("    genvar lane;\n    generate\n");
        s.append("        for (lane = 0; lane < ").append(iface.lanes()).append("; lane = lane + 1) begin : lanes\n");
        s.append("            wire ").append(DatapathBody.range(in.width())).append("x_lane = ").append(input)
                .append("[lane*").append(in.width()).append(" +: ").append(in.width()).append("];\n");
        s.append(body.text());
        s.append("\n            assign ").append(output).append("[lane*").append(out.width()).append(" +: ")
                .append(out.width()).append("] = ").append(body.output()).append(";\n");
        s.append("        end\n    endgenerate\n");
        return s.toString();
    }

    /** The valid chain of a valid core; the axis control lives with its printer. */
    private String control() {
        if (iface.kind() != Interface.Kind.VALID) {
            return "";
        }
        int n = iface.pipeline();
        Interface.Reset reset = iface.reset();
        StringBuilder s = new StringBuilder("\n    // ---- valid pipeline: " + reset.cliName().replace("-", " ")
                + " reset clears it" + (iface.ce() ? "; it holds while ce is low" : "") + " ----\n");
        for (int r = 1; r <= n; r++) {
            s.append("    reg  valid_s").append(r).append(";\n");
        }
        String edge = reset.async() ? " or " + (reset.activeLow() ? "negedge " : "posedge ") + reset.port() : "";
        s.append("    always @(posedge clk").append(edge).append(") begin\n");
        s.append("        if (").append(reset.activeLow() ? "!" : "").append(reset.port()).append(") begin\n");
        for (int r = 1; r <= n; r++) {
            s.append("            valid_s").append(r).append(" <= 1'b0;\n");
        }
        s.append("        end else").append(iface.ce() ? " if (ce)" : "").append(" begin\n");
        for (int r = 1; r <= n; r++) {
            s.append("            valid_s").append(r).append(" <= ").append(r == 1 ? "in_valid" : "valid_s" + (r - 1))
                    .append(";\n");
        }
        s.append("        end\n    end\n");
        s.append("    assign out_valid = valid_s").append(n).append(";\n");
        return s.toString();
    }
}
