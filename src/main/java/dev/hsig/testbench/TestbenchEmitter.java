package dev.hsig.testbench;

import dev.hsig.format.QFormat;
import java.util.List;

/**
 * A self-checking Verilog testbench that reads {@code NAME.hex} with {@code $readmemh} from the directory the
 * simulator runs in, applies every vector, prints the first mismatches (hex and real), ends with the line
 * {@code P passed, F failed}, and stops with {@code $fatal} when F &gt; 0. Pipelined cores are fed as a stream
 * with idle gaps; each output must arrive exactly LATENCY cycles after its input, with {@code out_valid} high
 * exactly then. Runs unchanged in Icarus ({@code iverilog -g2005}) and Verilator ({@code --binary}).
 */
public final class TestbenchEmitter {
    private static final int MAX_REPORTS = 10;

    private TestbenchEmitter() {
    }

    public static String emit(String core, QFormat in, QFormat out, int latency, int vectorCount, List<String> header) {
        StringBuilder s = new StringBuilder();
        for (String line : header) {
            s.append(line.isEmpty() ? "//" : "// " + line).append('\n');
        }
        s.append("\n`timescale 1ns / 1ps\n`default_nettype none\n\nmodule ").append(core).append("_tb;\n");
        s.append("    localparam integer N = ").append(vectorCount).append(";  // vectors in ").append(core)
                .append(".hex\n");
        s.append("    localparam integer W_IN = ").append(in.width()).append(";\n");
        s.append("    localparam integer W_OUT = ").append(out.width()).append(";\n");
        if (latency > 0) {
            s.append("    localparam integer LATENCY = ").append(latency).append(";\n");
        }
        s.append("    localparam integer MAX_REPORTS = ").append(MAX_REPORTS).append(";\n\n");
        s.append("    reg  [W_IN+W_OUT-1:0] vectors [0:N-1];\n");
        s.append("    reg  [W_IN-1:0] x;\n    wire [W_OUT-1:0] y;\n    reg  [W_OUT-1:0] expected;\n");
        s.append("    integer passed;\n    integer failed;\n\n");
        s.append(realFunction("x_real", "W_IN", in)).append(realFunction("y_real", "W_OUT", out)).append('\n');
        s.append("    task report;\n        input integer index;\n        begin\n");
        s.append("            failed = failed + 1;\n            if (failed <= MAX_REPORTS)\n");
        s.append("                $display(\"MISMATCH vector %0d: x=%h (%f) expected y=%h (%f) got y=%h (%f)\",\n");
        s.append("                         index, vectors[index][W_IN+W_OUT-1:W_OUT], x_real(vectors[index][W_IN+W_OUT-1:W_OUT]),\n");
        s.append("                         expected, y_real(expected), y, y_real(y));\n        end\n    endtask\n\n");
        if (latency == 0) {
            s.append(combinational(core));
        } else {
            s.append(pipelined(core));
        }
        s.append("endmodule\n\n`default_nettype wire\n");
        return s.toString();
    }

    private static String realFunction(String name, String width, QFormat f) {
        return "    function real " + name + ";  // the value of a raw " + f + " word\n"
                + "        input [" + width + "-1:0] raw;\n"
                + "        begin\n"
                + "            " + name + " = " + (f.signed() ? "$signed(raw)" : "raw") + ";\n"
                + "            " + name + " = " + name + " / " + (1L << f.fraction()) + ".0;\n"
                + "        end\n    endfunction\n";
    }

    private static String combinational(String core) {
        return "    integer i;\n\n    " + core + " dut (.x(x), .y(y));\n\n"
                + "    initial begin\n"
                + "        $readmemh(\"" + core + ".hex\", vectors);\n"
                + "        passed = 0;\n        failed = 0;\n"
                + "        for (i = 0; i < N; i = i + 1) begin\n"
                + "            x = vectors[i][W_IN+W_OUT-1:W_OUT];\n"
                + "            expected = vectors[i][W_OUT-1:0];\n"
                + "            #1;\n"
                + "            if (y === expected) passed = passed + 1;\n"
                + "            else report(i);\n"
                + "        end\n"
                + finish(core)
                + "    end\n";
    }

    private static String pipelined(String core) {
        return "    reg  clk;\n    reg  rst;\n    reg  in_valid;\n    wire out_valid;\n"
                + "    reg  hist_valid [0:LATENCY-1];  // what was applied 1..LATENCY edges ago\n"
                + "    integer hist_index [0:LATENCY-1];\n"
                + "    integer next;\n    integer cycle;\n    integer drained;\n    integer k;\n\n"
                + "    " + core + " dut (.clk(clk), .rst(rst), .in_valid(in_valid), .x(x), .out_valid(out_valid), .y(y));\n\n"
                + "    initial clk = 1'b0;\n    always #5 clk = ~clk;\n\n"
                + "    initial begin\n"
                + "        $readmemh(\"" + core + ".hex\", vectors);\n"
                + "        passed = 0;\n        failed = 0;\n        next = 0;\n        cycle = 0;\n        drained = 0;\n"
                + "        for (k = 0; k < LATENCY; k = k + 1) begin\n"
                + "            hist_valid[k] = 1'b0;\n            hist_index[k] = 0;\n        end\n"
                + "        // Reset for three edges with in_valid high: the reset must clear the valid pipeline.\n"
                + "        rst = 1'b1;\n        in_valid = 1'b1;\n        x = {W_IN{1'b1}};\n"
                + "        repeat (3) @(negedge clk);\n"
                + "        rst = 1'b0;\n"
                + "        while (drained <= LATENCY) begin\n"
                + "            // The output now belongs to the input applied LATENCY edges ago.\n"
                + "            if (out_valid !== hist_valid[LATENCY-1]) begin\n"
                + "                failed = failed + 1;\n"
                + "                if (failed <= MAX_REPORTS)\n"
                + "                    $display(\"MISMATCH cycle %0d: out_valid=%b, expected %b\", cycle, out_valid,"
                + " hist_valid[LATENCY-1]);\n"
                + "            end else if (hist_valid[LATENCY-1]) begin\n"
                + "                expected = vectors[hist_index[LATENCY-1]][W_OUT-1:0];\n"
                + "                if (y === expected) passed = passed + 1;\n"
                + "                else report(hist_index[LATENCY-1]);\n"
                + "            end\n"
                + "            for (k = LATENCY - 1; k > 0; k = k - 1) begin\n"
                + "                hist_valid[k] = hist_valid[k-1];\n                hist_index[k] = hist_index[k-1];\n"
                + "            end\n"
                + "            // Stream one input per cycle, with an idle cycle every 7 and a longer gap at 40..44.\n"
                + "            if (next < N && cycle % 7 != 3 && (cycle < 40 || cycle > 44)) begin\n"
                + "                in_valid = 1'b1;\n"
                + "                x = vectors[next][W_IN+W_OUT-1:W_OUT];\n"
                + "                hist_valid[0] = 1'b1;\n                hist_index[0] = next;\n"
                + "                next = next + 1;\n"
                + "            end else begin\n"
                + "                in_valid = 1'b0;\n                x = ~x;\n                hist_valid[0] = 1'b0;\n"
                + "            end\n"
                + "            if (next >= N) drained = drained + 1;\n"
                + "            cycle = cycle + 1;\n"
                + "            @(negedge clk);\n"
                + "        end\n"
                + finish(core)
                + "    end\n";
    }

    private static String finish(String core) {
        return "        $display(\"%0d passed, %0d failed\", passed, failed);\n"
                + "        if (failed > 0) $fatal(1, \"" + core + ": %0d failures\", failed);\n"
                + "        $finish;\n";
    }
}
