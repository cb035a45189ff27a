package dev.hsig.testbench;

import dev.hsig.format.QFormat;
import dev.hsig.hdl.Interface;
import java.util.List;

/**
 * A self-checking Verilog testbench that reads {@code NAME.hex} with {@code $readmemh} from the directory the
 * simulator runs in, applies every vector, prints the first mismatches (hex and real), ends with the line
 * {@code P passed, F failed}, and stops with {@code $fatal} when F &gt; 0. With several lanes, consecutive vectors
 * go to consecutive lanes of one beat. Pipelined cores are fed as a stream with idle gaps (and, with a clock
 * enable, random cycles with ce low); each output must arrive exactly LATENCY enabled cycles after its input, with
 * {@code out_valid} high exactly then. Runs unchanged in Icarus ({@code iverilog -g2005}) and Verilator
 * ({@code --binary}).
 */
public final class TestbenchEmitter {
    static final int MAX_REPORTS = 10;

    private TestbenchEmitter() {
    }

    public static String emit(String core, QFormat in, QFormat out, Interface iface, int vectorCount,
            List<String> header) {
        if (iface.kind() == Interface.Kind.AXIS) {
            return AxisTestbench.emit(core, in, out, iface, vectorCount, header);
        }
        StringBuilder s = new StringBuilder(prologue(core, in, out, iface, vectorCount, header));
        s.append(iface.kind() == Interface.Kind.PLAIN ? combinational(core) : pipelined(core, iface));
        s.append("endmodule\n\n`default_nettype wire\n");
        return s.toString();
    }

    /** Header, parameters, the vector memory, lane-wide x and y, and the reporting helpers. */
    static String prologue(String core, QFormat in, QFormat out, Interface iface, int vectorCount, List<String> header) {
        StringBuilder s = new StringBuilder();
        for (String line : header) {
            s.append(line.isEmpty() ? "//" : "// " + line).append('\n');
        }
        s.append("\n`timescale 1ns / 1ps\n`default_nettype none\n\nmodule ").append(core).append("_tb;\n");
        s.append("    localparam integer N = ").append(vectorCount).append(";  // vectors in ").append(core)
                .append(".hex\n");
        s.append("    localparam integer W_IN = ").append(in.width()).append(";\n");
        s.append("    localparam integer W_OUT = ").append(out.width()).append(";\n");
        s.append("    localparam integer LANES = ").append(iface.lanes()).append(";\n");
        if (iface.latency() > 0) {
            s.append("    localparam integer LATENCY = ").append(iface.latency()).append(";\n");
        }
        s.append("    localparam integer MAX_REPORTS = ").append(MAX_REPORTS).append(";\n\n");
        s.append("    reg  [W_IN+W_OUT-1:0] vectors [0:N-1];\n");
        s.append("    reg  [W_OUT-1:0] expected;\n    reg  [W_OUT-1:0] got;\n");
        s.append("    integer passed;\n    integer failed;\n    integer lane;\n\n");
        s.append(realFunction("x_real", "W_IN", in)).append(realFunction("y_real", "W_OUT", out)).append('\n');
        s.append("    task report;\n        input integer index;\n        begin\n");
        s.append("            failed = failed + 1;\n            if (failed <= MAX_REPORTS)\n");
        s.append("                $display(\"MISMATCH vector %0d: x=%h (%f) expected y=%h (%f) got y=%h (%f)\",\n");
        s.append("                         index, vectors[index][W_IN+W_OUT-1:W_OUT], x_real(vectors[index][W_IN+W_OUT-1:W_OUT]),\n");
        s.append("                         expected, y_real(expected), got, y_real(got));\n        end\n    endtask\n\n");
        s.append("    task check;  // one output word against vector index\n        input integer index;\n");
        s.append("        input [W_OUT-1:0] word;\n        begin\n");
        s.append("            expected = vectors[index][W_OUT-1:0];\n            got = word;\n");
        s.append("            if (got === expected) passed = passed + 1;\n            else report(index);\n");
        s.append("        end\n    endtask\n\n");
        return s.toString();
    }

    private static String realFunction(String name, String width, QFormat f) {
        return "    function real " + name + ";  // the value of a raw " + f + " word\n"
                + "        input [" + width + "-1:0] raw;\n"
                + "        begin\n"
                + "            " + name + " = " + (f.signed() ? "$signed(raw)" : "raw") + ";\n"
                + "            " + name + " = " + (f.isAffine() ? "(" + name + " - (" + f.zero() + ".0)) * "
                        + String.format(java.util.Locale.ROOT, "%.17g", f.scale().toDouble()) + "; // the scale,"
                        + " rounded to a double for display" : name + " / " + (1L << f.fraction()) + ".0;") + "\n"
                + "        end\n    endfunction\n";
    }

    /** The vector for lane l of the beat starting at index i; past the end, the last vector again. */
    static String laneVector(String i) {
        return "vectors[(" + i + " + lane < N) ? " + i + " + lane : N - 1][W_IN+W_OUT-1:W_OUT]";
    }

    private static String combinational(String core) {
        return "    reg  [LANES*W_IN-1:0] x;\n    wire [LANES*W_OUT-1:0] y;\n    integer i;\n\n"
                + "    " + core + " dut (.x(x), .y(y));\n\n"
                + "    initial begin\n"
                + "        $readmemh(\"" + core + ".hex\", vectors);\n"
                + loadCheck(core)
                + "        passed = 0;\n        failed = 0;\n"
                + "        for (i = 0; i < N; i = i + LANES) begin\n"
                + "            for (lane = 0; lane < LANES; lane = lane + 1)\n"
                + "                x[lane*W_IN +: W_IN] = " + laneVector("i") + ";\n"
                + "            #1;\n"
                + "            for (lane = 0; lane < LANES; lane = lane + 1)\n"
                + "                if (i + lane < N) check(i + lane, y[lane*W_OUT +: W_OUT]);\n"
                + "        end\n"
                + finish(core)
                + "    end\n";
    }

    private static String pipelined(String core, Interface iface) {
        String rst = iface.reset().port();
        boolean low = iface.reset().activeLow();
        String ce = iface.ce() ? ", .ce(ce)" : "";
        return "    reg  [LANES*W_IN-1:0] x;\n    wire [LANES*W_OUT-1:0] y;\n"
                + "    reg  clk;\n    reg  " + rst + ";\n    reg  ce;\n    reg  in_valid;\n    wire out_valid;\n"
                + "    reg  hist_valid [0:LATENCY-1];  // what was applied 1..LATENCY enabled edges ago\n"
                + "    integer hist_index [0:LATENCY-1];\n"
                + "    integer next;\n    integer cycle;\n    integer drained;\n    integer k;\n"
                + "    reg  advanced;  // whether the last edge loaded the registers\n"
                + "    reg  held_valid;\n    reg  [LANES*W_OUT-1:0] held_y;\n"
                + "    reg  [31:0] lfsr;  // the same pseudo-random ce pattern in every simulator\n\n"
                + "    " + core + " dut (.clk(clk), ." + rst + "(" + rst + ")" + ce + ", .in_valid(in_valid), .x(x),"
                + " .out_valid(out_valid), .y(y));\n\n"
                + "    initial clk = 1'b0;\n    always #5 clk = ~clk;\n\n"
                + "    initial begin\n"
                + "        $readmemh(\"" + core + ".hex\", vectors);\n"
                + loadCheck(core)
                + "        passed = 0;\n        failed = 0;\n        next = 0;\n        cycle = 0;\n        drained = 0;\n"
                + "        lfsr = 32'h1;\n        ce = 1'b1;\n        advanced = 1'b0;\n"
                + "        for (k = 0; k < LATENCY; k = k + 1) begin\n"
                + "            hist_valid[k] = 1'b0;\n            hist_index[k] = 0;\n        end\n"
                + "        // Reset for three edges with in_valid high: the reset must clear the valid pipeline.\n"
                + "        " + rst + " = 1'b" + (low ? 0 : 1) + ";\n        in_valid = 1'b1;\n        x = {LANES*W_IN{1'b1}};\n"
                + "        repeat (3) @(negedge clk);\n"
                + "        " + rst + " = 1'b" + (low ? 1 : 0) + ";\n"
                + "        held_valid = out_valid;\n        held_y = y;\n"
                + "        while (drained <= LATENCY) begin\n"
                + "            // After an edge with ce low every output holds; after a loading edge the output belongs to\n"
                + "            // the input applied LATENCY loading edges ago.\n"
                + "            if (!advanced && (out_valid !== held_valid || (out_valid && y !== held_y))) begin\n"
                + "                failed = failed + 1;\n"
                + "                if (failed <= MAX_REPORTS)\n"
                + "                    $display(\"MISMATCH cycle %0d: the outputs moved while ce was low\", cycle);\n"
                + "            end else if (!advanced) begin\n"
                + "                // held: nothing new to check\n"
                + "            end else if (out_valid !== hist_valid[LATENCY-1]) begin\n"
                + "                failed = failed + 1;\n"
                + "                if (failed <= MAX_REPORTS)\n"
                + "                    $display(\"MISMATCH cycle %0d: out_valid=%b, expected %b\", cycle, out_valid,"
                + " hist_valid[LATENCY-1]);\n"
                + "            end else if (hist_valid[LATENCY-1]) begin\n"
                + "                for (lane = 0; lane < LANES; lane = lane + 1)\n"
                + "                    if (hist_index[LATENCY-1] + lane < N)\n"
                + "                        check(hist_index[LATENCY-1] + lane, y[lane*W_OUT +: W_OUT]);\n"
                + "            end\n"
                + (iface.ce() ? "            // ce low on about one cycle in four, from a 32-bit Galois LFSR.\n"
                        + "            lfsr = lfsr[0] ? (lfsr >> 1) ^ 32'hA3000000 : lfsr >> 1;\n"
                        + "            ce = lfsr[1:0] != 2'b00;\n" : "")
                + "            // Stream one beat per cycle, with an idle cycle every 7 and a longer gap at 40..44.\n"
                + "            if (next < N && cycle % 7 != 3 && (cycle < 40 || cycle > 44)) begin\n"
                + "                in_valid = 1'b1;\n"
                + "                for (lane = 0; lane < LANES; lane = lane + 1)\n"
                + "                    x[lane*W_IN +: W_IN] = " + laneVector("next") + ";\n"
                + "            end else begin\n"
                + "                in_valid = 1'b0;\n                x = ~x;\n"
                + "            end\n"
                + "            held_valid = out_valid;\n            held_y = y;\n            advanced = ce;\n"
                + "            if (ce) begin  // the coming edge loads: the pipeline and its model move on\n"
                + "                for (k = LATENCY - 1; k > 0; k = k - 1) begin\n"
                + "                    hist_valid[k] = hist_valid[k-1];\n                    hist_index[k] = hist_index[k-1];\n"
                + "                end\n"
                + "                hist_valid[0] = in_valid;\n                hist_index[0] = next;\n"
                + "                if (in_valid) next = next + LANES;\n"
                + "                if (next >= N) drained = drained + 1;\n"
                + "            end\n"
                + "            cycle = cycle + 1;\n"
                + "            @(negedge clk);\n"
                + "        end\n"
                + finish(core)
                + "    end\n";
    }

    static String finish(String core) {
        return "        $display(\"%0d passed, %0d failed\", passed, failed);\n"
                + "        if (failed > 0) $fatal(1, \"" + core + ": %0d failures\", failed);\n"
                + "        $finish;\n";
    }

    /**
     * A missing or short vector file leaves the memory undefined, and undefined expected values compare equal to
     * undefined outputs under !==; so the first and last vectors must be defined before anything is checked.
     */
    static String loadCheck(String core) {
        return "        if (^vectors[0] === 1'bx || ^vectors[N-1] === 1'bx)\n"
                + "            $fatal(1, \"" + core + ".hex is missing or holds fewer than %0d vectors\", N);\n";
    }
}
