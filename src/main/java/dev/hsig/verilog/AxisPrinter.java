package dev.hsig.verilog;

import dev.hsig.datapath.Datapath;
import dev.hsig.format.QFormat;
import dev.hsig.hdl.Interface;
import dev.hsig.hdl.OutputLane;
import java.util.ArrayList;
import java.util.List;

/**
 * The AXI4-Stream wrapper: slave in, master out, full backpressure. The datapath's pipeline registers load together
 * whenever the skid buffer at the output is empty ({@code advance}); the last stage feeds an output register, and a
 * second (skid) register catches the one beat that arrives while the output is stalled. {@code s_axis_tready} is the
 * complement of the skid register, so it never depends combinationally on {@code m_axis_tready}: cores chain
 * without long ready paths. Latency is the pipeline depth N when never stalled, one beat per cycle whenever the
 * consumer is ready. Lane i of a bus sits in bits {@code [i*B +: W]}, B being W rounded up to whole bytes; output
 * pad bits are 0, input pad bits are ignored.
 */
final class AxisPrinter {
    private AxisPrinter() {
    }

    /** W rounded up to a multiple of 8, the byte-aligned lane pitch AXI4-Stream requires. */
    static int pitch(int width) {
        return (width + 7) / 8 * 8;
    }

    static List<String> ports(Datapath d, Interface iface, OutputLane out) {
        QFormat in = d.config().input();
        int l = iface.lanes();
        List<String> p = new ArrayList<>();
        p.add("input  wire aclk");
        p.add("input  wire aresetn  // synchronous, active low");
        p.add("input  wire s_axis_tvalid");
        p.add("output wire s_axis_tready");
        p.add("input  wire " + DatapathBody.range(l * pitch(in.width())) + "s_axis_tdata  // " + lanes(OutputLane.of(in), l, "ignored"));
        if (iface.tlast()) {
            p.add("input  wire s_axis_tlast");
        }
        p.add("output wire m_axis_tvalid");
        p.add("input  wire m_axis_tready");
        p.add("output wire " + DatapathBody.range(l * pitch(out.width())) + "m_axis_tdata  // " + lanes(out, l, "0"));
        if (iface.tlast()) {
            p.add("output wire m_axis_tlast");
        }
        return p;
    }

    private static String lanes(OutputLane f, int l, String pad) {
        int b = pitch(f.width());
        String where = l > 1 || b != f.width() ? ", lane i in [i*" + b + " +: " + f.width() + "]" : "";
        return (l == 1 ? "" : l + " lanes of ") + f.what() + where + (b == f.width() ? "" : ", pad bits " + pad);
    }

    static String body(Datapath d, Interface iface, ModulePrinter module) {
        QFormat in = d.config().input();
        QFormat out = d.config().output();
        int l = iface.lanes();
        int n = iface.pipeline();
        int wi = in.width();
        int wo = out.width();
        int bi = pitch(wi);
        int bo = pitch(wo);
        boolean last = iface.tlast();
        StringBuilder s = new StringBuilder();
        s.append("\n    // ---- handshake: the pipeline advances while the skid buffer is empty ----\n");
        s.append("    reg  skid_valid;\n");
        s.append("    wire advance = ~skid_valid;\n");
        s.append("    // A register's complement, low in reset (no beat is taken then): no path from m_axis_tready.\n");
        s.append("    assign s_axis_tready = advance & aresetn;\n");
        s.append("\n    // ---- the lanes of the input beat, without their pad bits ----\n");
        s.append("    wire ").append(DatapathBody.range(l * wi)).append("x = ").append(gather("s_axis_tdata", l, wi, bi))
                .append(";\n");
        s.append("    wire ").append(DatapathBody.range(l * wo)).append("y_pipe;  // the last stage's output\n");
        s.append(module.lanes(n > 1 ? "advance" : null, "x", "y_pipe", false));
        String pipeValid = "s_axis_tvalid";
        String pipeLast = "s_axis_tlast";
        if (n > 1) {
            s.append("\n    // ---- valid").append(last ? " and tlast" : "").append(" through the pipeline ----\n");
            for (int r = 1; r < n; r++) {
                s.append("    reg  valid_s").append(r).append(";\n");
                if (last) {
                    s.append("    reg  last_s").append(r).append(";\n");
                }
            }
            s.append("    always @(posedge aclk) begin\n        if (!aresetn) begin\n");
            for (int r = 1; r < n; r++) {
                s.append("            valid_s").append(r).append(" <= 1'b0;\n");
            }
            s.append("        end else if (advance) begin\n");
            for (int r = 1; r < n; r++) {
                s.append("            valid_s").append(r).append(" <= ").append(r == 1 ? "s_axis_tvalid" : "valid_s" + (r - 1))
                        .append(";\n");
            }
            s.append("        end\n    end\n");
            if (last) {
                s.append("    always @(posedge aclk) begin\n        if (advance) begin\n");
                for (int r = 1; r < n; r++) {
                    s.append("            last_s").append(r).append(" <= ").append(r == 1 ? "s_axis_tlast" : "last_s" + (r - 1))
                            .append(";\n");
                }
                s.append("        end\n    end\n");
            }
            pipeValid = "valid_s" + (n - 1);
            pipeLast = "last_s" + (n - 1);
        }
        s.append("\n    // ---- output register and skid buffer (").append(l * wo + 1 + (last ? 1 : 0))
                .append(" flip-flops beyond the pipeline) ----\n");
        s.append("    reg  out_valid;\n    reg  ").append(DatapathBody.range(l * wo)).append("out_data;\n");
        s.append("    reg  ").append(DatapathBody.range(l * wo)).append("skid_data;\n");
        if (last) {
            s.append("    reg  out_last;\n    reg  skid_last;\n");
        }
        s.append("    wire stalled = out_valid & ~m_axis_tready;\n");
        s.append("    always @(posedge aclk) begin\n");
        s.append("        if (!aresetn) begin\n            out_valid <= 1'b0;\n            skid_valid <= 1'b0;\n");
        s.append("        end else if (!skid_valid) begin\n");
        s.append("            if (stalled) skid_valid <= ").append(pipeValid).append(";  // catch the beat in flight\n");
        s.append("            else out_valid <= ").append(pipeValid).append(";\n");
        s.append("        end else if (m_axis_tready) begin\n");
        s.append("            out_valid <= 1'b1;  // the caught beat goes out next\n            skid_valid <= 1'b0;\n");
        s.append("        end\n    end\n");
        s.append("    always @(posedge aclk) begin  // data: no reset needed\n");
        s.append("        if (!skid_valid) begin\n");
        s.append("            if (stalled) begin\n                skid_data <= y_pipe;\n")
                .append(last ? "                skid_last <= " + pipeLast + ";\n" : "").append("            end else begin\n")
                .append("                out_data <= y_pipe;\n")
                .append(last ? "                out_last <= " + pipeLast + ";\n" : "").append("            end\n");
        s.append("        end else if (m_axis_tready) begin\n            out_data <= skid_data;\n")
                .append(last ? "            out_last <= skid_last;\n" : "").append("        end\n    end\n");
        s.append("    assign m_axis_tvalid = out_valid;\n");
        s.append("    assign m_axis_tdata = ").append(scatter("out_data", l, wo, bo)).append(";\n");
        if (last) {
            s.append("    assign m_axis_tlast = out_last;\n");
        }
        if (bi != wi) {
            s.append("\n    // Input pad bits are ignored; named so linters know.\n");
            s.append(unusedPads("s_axis_tdata", l, wi, bi));
        }
        return s.toString();
    }

    /** {@code wire unused_pad = ^{...}}: a bus's pad bits, read so that linters know they are left unused on purpose. */
    static String unusedPads(String bus, int l, int w, int b) {
        List<String> pads = new ArrayList<>();
        for (int i = l - 1; i >= 0; i--) {
            int hi = i * b + b - 1;
            int lo = i * b + w;
            pads.add(bus + "[" + hi + (hi == lo ? "" : ":" + lo) + "]");
        }
        return "    wire unused_pad = ^{" + String.join(", ", pads) + "};\n";
    }

    /** The W-bit lanes of a byte-padded bus, packed side by side. */
    private static String gather(String bus, int l, int w, int b) {
        if (b == w) {
            return bus;
        }
        List<String> parts = new ArrayList<>();
        for (int i = l - 1; i >= 0; i--) {
            parts.add(bus + "[" + (i * b + w - 1) + ":" + (i * b) + "]");
        }
        return parts.size() == 1 ? parts.get(0) : "{" + String.join(", ", parts) + "}";
    }

    /** Packed W-bit lanes spread over byte-padded slots, the pad bits 0. */
    private static String scatter(String packed, int l, int w, int b) {
        if (b == w) {
            return packed;
        }
        List<String> parts = new ArrayList<>();
        for (int i = l - 1; i >= 0; i--) {
            parts.add((b - w) + "'b0");
            parts.add(packed + "[" + (i * w + w - 1) + ":" + (i * w) + "]");
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
