package dev.hsig.dpi;

import dev.hsig.format.QFormat;
import dev.hsig.hdl.Interface;
import java.util.List;

/**
 * The golden model where SystemVerilog testbenches use one: a package importing the C model ({@code NAME.h})
 * through DPI-C, the thin C wrapper it calls, and an example scoreboard that drives a core with every input word
 * (or a seeded sample of them) and compares each output with the model as it arrives, for the plain, valid and
 * AXI4-Stream interfaces and every lane. DPI-C's {@code longint} is C's {@code long long}, 64-bit two's complement,
 * so raw words of up to 32 bits cross it unchanged.
 */
public final class DpiPrinter {
    /** Inputs past this width are sampled, as the vector files are: an LCG over the input's bits. */
    public static final int EXHAUSTIVE_LIMIT_BITS = 16;
    public static final int SAMPLED_COUNT = 4096;

    private DpiPrinter() {
    }

    /** NAME_dpi.sv: the package {@code NAME_dpi_pkg} with the imported model function. */
    public static String svPackage(String name, QFormat in, QFormat out, List<String> header) {
        return comment("//", header) + "//\n// DPI-C import of " + name + "'s golden model: " + name + "_dpi_eval(x_raw)"
                + " returns y_raw, the word the core\n// outputs, for x_raw of " + in + " (" + in.minRaw() + " to "
                + in.maxRaw() + "); y_raw is " + out + ". Compile with " + name + "_dpi.c and " + name + ".h.\n\n"
                + "package " + name + "_dpi_pkg;\n"
                + "    import \"DPI-C\" pure function longint " + name + "_dpi_eval(input longint x_raw);\n"
                + "endpackage\n";
    }

    /** NAME_dpi.c: the C side of the import, over the header-only model. */
    public static String cWrapper(String name, List<String> header) {
        return comment(" *", header).replaceFirst("^", "/*\n") + " */\n\n"
                + "/* The C side of " + name + "_dpi_pkg: DPI-C passes a longint as a long long. */\n"
                + "#include <stdint.h>\n#include \"svdpi.h\"\n#include \"" + name + ".h\"\n\n"
                + "/* C linkage even where a simulator compiles this file as C++ (Verilator does). */\n"
                + "#ifdef __cplusplus\nextern \"C\" {\n#endif\n"
                + "long long " + name + "_dpi_eval(long long x_raw);\n"
                + "#ifdef __cplusplus\n}\n#endif\n\n"
                + "long long " + name + "_dpi_eval(long long x_raw) {\n"
                + "    return (long long)" + name + "_eval((int64_t)x_raw);\n}\n";
    }

    /**
     * NAME_dpi_scoreboard.sv: a top module that instantiates core {@code core}, drives every input word lane by lane,
     * and checks each output against the DPI model when it arrives (in order, by a queue of expected words for a
     * clocked core). Ends with {@code P passed, F failed}, and {@code $fatal} on a failure.
     */
    public static String scoreboard(String name, String core, QFormat in, QFormat out, Interface iface,
            List<String> header) {
        boolean exhaustive = in.width() <= EXHAUSTIVE_LIMIT_BITS;
        long count = exhaustive ? in.count() : SAMPLED_COUNT;
        int lanes = iface.lanes();
        StringBuilder s = new StringBuilder(comment("//", header));
        s.append("//\n// Scoreboard: ").append(core).append(" against ").append(name).append("_dpi_eval, ")
                .append(exhaustive ? "every input word" : count + " seeded random input words").append(", ")
                .append(lanes).append(lanes == 1 ? " lane" : " lanes").append(".\n");
        s.append("// Run it with Verilator, from this directory:\n//   $ ")
                .append(command(name, core, "../generated-verilog/" + core + ".v")).append(" && ./obj_dir/V")
                .append(name).append("_dpi_scoreboard\n\n");
        // A testbench mixes longint counters and narrow words on purpose: width lint is for the core.
        s.append("/* verilator lint_off WIDTH */\nmodule ").append(name).append("_dpi_scoreboard;\n");
        s.append("    import ").append(name).append("_dpi_pkg::*;\n\n");
        s.append("    localparam int W_IN = ").append(in.width()).append(";\n    localparam int W_OUT = ")
                .append(out.width()).append(";\n    localparam int LANES = ").append(lanes).append(";\n")
                .append("    localparam longint COUNT = ").append(count).append(";\n\n");
        s.append("    longint passed = 0;\n    longint failed = 0;\n\n");
        s.append("    // Input word k: itself when every word is checked, else the high bits of a seeded 64-bit LCG.\n");
        s.append("    function automatic logic [W_IN-1:0] word(longint k);\n");
        s.append(exhaustive ? "        return W_IN'(k);\n" : "        return W_IN'(k * 64'd6364136223846793005 + 64'd1442695040888963407 >> 16);\n");
        s.append("    endfunction\n\n");
        s.append("    function automatic logic [W_OUT-1:0] expected(logic [W_IN-1:0] bits);\n");
        s.append("        longint x_raw = ").append(in.signed() ? "longint'($signed(bits))" : "longint'(bits)")
                .append(";\n        return W_OUT'(").append(name).append("_dpi_eval(x_raw));\n    endfunction\n\n");
        s.append("    task automatic check(logic [W_IN-1:0] bits, logic [W_OUT-1:0] got, logic [W_OUT-1:0] want);\n")
                .append("        if (got === want) passed++;\n        else begin\n            failed++;\n")
                .append("            if (failed <= 10) $display(\"MISMATCH x=%h: core %h, model %h\", bits, got, want);\n")
                .append("        end\n    endtask\n\n");
        switch (iface.kind()) {
            case PLAIN -> plain(s, core);
            case VALID -> valid(s, core, iface);
            case AXIS -> axis(s, core, in, out, iface);
            default -> throw new IllegalStateException(iface.kind().toString());
        }
        s.append("\n    task automatic finish();\n")
                .append("        $display(\"%0d passed, %0d failed\", passed, failed);\n")
                .append("        if (failed != 0 || passed != COUNT) $fatal(1, \"the core differs from the model\");\n")
                .append("        $finish;\n    endtask\nendmodule\n");
        return s.toString();
    }

    private static void plain(StringBuilder s, String core) {
        s.append("    logic [LANES*W_IN-1:0] x;\n    wire  [LANES*W_OUT-1:0] y;\n\n");
        s.append("    ").append(core).append(" dut (.x(x), .y(y));\n\n");
        s.append("    initial begin\n        for (longint k = 0; k < COUNT; k += LANES) begin\n")
                .append("            for (int l = 0; l < LANES; l++) x[l*W_IN +: W_IN] = word(k + l < COUNT ? k + l : k);\n")
                .append("            #1;\n")
                .append("            for (int l = 0; l < LANES && k + l < COUNT; l++)\n")
                .append("                check(x[l*W_IN +: W_IN], y[l*W_OUT +: W_OUT], expected(x[l*W_IN +: W_IN]));\n")
                .append("        end\n        finish();\n    end\n");
    }

    /** Inputs every cycle but one in five; each output must arrive in order, as out_valid says. */
    private static void valid(StringBuilder s, String core, Interface iface) {
        String rst = iface.reset().port();
        boolean low = iface.reset().activeLow();
        s.append("    logic clk = 1'b0;\n    logic ").append(rst).append(";\n    logic in_valid;\n    wire out_valid;\n")
                .append("    logic [LANES*W_IN-1:0] x;\n    wire  [LANES*W_OUT-1:0] y;\n")
                .append("    logic [W_IN-1:0] sent[$];  // inputs in flight, lane by lane, oldest first\n")
                .append("    longint k = 0;\n    int cycle = 0;\n\n");
        s.append("    ").append(core).append(" dut (.clk(clk), .").append(rst).append("(").append(rst).append(")")
                .append(iface.ce() ? ", .ce(1'b1)" : "").append(", .in_valid(in_valid), .x(x), .out_valid(out_valid),")
                .append(" .y(y));\n\n");
        s.append("    always #5 clk = ~clk;\n\n");
        s.append("    initial begin\n        ").append(rst).append(" = 1'b").append(low ? 0 : 1)
                .append(";\n        in_valid = 1'b0;\n        x = '0;\n        repeat (3) @(negedge clk);\n        ")
                .append(rst).append(" = 1'b").append(low ? 1 : 0).append(";\n")
                .append("        while (k < COUNT || sent.size() != 0) begin\n")
                .append("            if (out_valid) begin\n")
                .append("                for (int l = 0; l < LANES; l++) begin\n")
                .append("                    logic [W_IN-1:0] bits = sent.pop_front();\n")
                .append("                    check(bits, y[l*W_OUT +: W_OUT], expected(bits));\n")
                .append("                end\n            end\n")
                .append("            in_valid = k < COUNT && cycle % 5 != 4;\n")
                .append("            if (in_valid) begin\n")
                .append("                for (int l = 0; l < LANES; l++) begin\n")
                .append("                    x[l*W_IN +: W_IN] = word(k + l < COUNT ? k + l : k);\n")
                .append("                    sent.push_back(x[l*W_IN +: W_IN]);\n                end\n")
                .append("                k += LANES;\n            end\n")
                .append("            cycle++;\n            if (cycle > 4 * COUNT + 100) begin\n")
                .append("                $display(\"outputs missing: %0d in flight\", sent.size());\n")
                .append("                failed++;\n                break;\n            end\n")
                .append("            @(negedge clk);\n        end\n");
        s.append("        passed -= (LANES - (COUNT % LANES)) % LANES;  // the last beat's padding lanes\n")
                .append("        finish();\n    end\n");
    }

    /** Beats offered with gaps and taken with stalls; outputs come in order through the skid buffer. */
    private static void axis(StringBuilder s, String core, QFormat in, QFormat out, Interface iface) {
        int bi = (in.width() + 7) / 8 * 8;
        int bo = (out.width() + 7) / 8 * 8;
        boolean last = iface.tlast();
        s.append("    localparam int B_IN = ").append(bi).append(";\n    localparam int B_OUT = ").append(bo).append(";\n")
                .append("    logic aclk = 1'b0;\n    logic aresetn;\n")
                .append("    logic s_axis_tvalid;\n    wire  s_axis_tready;\n    logic [LANES*B_IN-1:0] s_axis_tdata;\n")
                .append("    wire  m_axis_tvalid;\n    logic m_axis_tready;\n    wire  [LANES*B_OUT-1:0] m_axis_tdata;\n")
                .append(last ? "    logic s_axis_tlast = 1'b0;\n    wire  m_axis_tlast;\n" : "")
                .append("    logic [W_IN-1:0] sent[$];\n    longint k = 0;\n    int cycle = 0;\n\n");
        s.append("    ").append(core).append(" dut (.aclk(aclk), .aresetn(aresetn), .s_axis_tvalid(s_axis_tvalid),")
                .append(" .s_axis_tready(s_axis_tready),\n        .s_axis_tdata(s_axis_tdata),")
                .append(last ? " .s_axis_tlast(s_axis_tlast)," : "")
                .append(" .m_axis_tvalid(m_axis_tvalid), .m_axis_tready(m_axis_tready),\n        .m_axis_tdata(m_axis_tdata)")
                .append(last ? ", .m_axis_tlast(m_axis_tlast)" : "").append(");\n\n");
        s.append("    always #5 aclk = ~aclk;\n\n");
        s.append("    initial begin\n        aresetn = 1'b0;\n        s_axis_tvalid = 1'b0;\n        s_axis_tdata = '0;\n")
                .append("        m_axis_tready = 1'b0;\n        repeat (3) @(negedge aclk);\n        aresetn = 1'b1;\n")
                .append("        while (k < COUNT || sent.size() != 0) begin\n")
                .append("            logic taken;\n")
                .append("            m_axis_tready = cycle % 7 != 3;  // a stall one cycle in seven\n")
                .append("            if (!s_axis_tvalid && k < COUNT && cycle % 5 != 4) begin  // offer a beat, or a gap\n")
                .append("                s_axis_tvalid = 1'b1;\n")
                .append("                for (int l = 0; l < LANES; l++)\n")
                .append("                    s_axis_tdata[l*B_IN +: W_IN] = word(k + l < COUNT ? k + l : k);\n")
                .append("            end\n")
                .append("            #1;  // the handshakes of the coming edge, settled\n")
                .append("            if (m_axis_tvalid && m_axis_tready) begin\n")
                .append("                for (int l = 0; l < LANES; l++) begin\n")
                .append("                    logic [W_IN-1:0] bits = sent.pop_front();\n")
                .append("                    check(bits, m_axis_tdata[l*B_OUT +: W_OUT], expected(bits));\n")
                .append("                end\n            end\n")
                .append("            taken = s_axis_tvalid && s_axis_tready;\n")
                .append("            if (taken) begin\n")
                .append("                for (int l = 0; l < LANES; l++) sent.push_back(s_axis_tdata[l*B_IN +: W_IN]);\n")
                .append("                k += LANES;\n            end\n")
                .append("            @(negedge aclk);\n")
                .append("            if (taken) s_axis_tvalid = 1'b0;  // an untaken beat stays offered, unchanged\n")
                .append("            cycle++;\n            if (cycle > 8 * COUNT + 100) begin\n")
                .append("                $display(\"outputs missing: %0d in flight\", sent.size());\n")
                .append("                failed++;\n                break;\n            end\n        end\n");
        s.append("        passed -= (LANES - (COUNT % LANES)) % LANES;  // the last beat's padding lanes\n")
                .append("        finish();\n    end\n");
    }

    /** The Verilator command that builds the scoreboard, from the directory the DPI files are in. */
    public static String command(String name, String core, String corePath) {
        return "verilator --binary --top-module " + name + "_dpi_scoreboard -CFLAGS -I$PWD " + name + "_dpi.sv "
                + name + "_dpi_scoreboard.sv " + corePath + " " + name + "_dpi.c";
    }

    private static String comment(String prefix, List<String> header) {
        StringBuilder s = new StringBuilder();
        for (String line : header) {
            s.append(line.isEmpty() ? prefix : prefix + " " + line.replace("*/", "* /")).append('\n');
        }
        return s.toString();
    }
}
