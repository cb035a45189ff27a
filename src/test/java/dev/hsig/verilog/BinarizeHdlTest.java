package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Binarized cores in the real simulators: the issue's core (courbariaux, 2 stages, 4 lanes, seed 7) in Icarus,
 * Verilator and GHDL, with a clock enable and with AXI4-Stream stalls; mutants that advance the random source on
 * the wrong cycle must fail; and a testbench written here, not by hsig, counts the +1s over full periods of the
 * source in simulation and compares them with p_raw computed here by exact integer rounding.
 */
@Execution(ExecutionMode.CONCURRENT)
class BinarizeHdlTest {
    private static Path generate(String name, String... options) throws IOException {
        Path dir = HdlTools.workDir(name);
        List<String> args = new ArrayList<>(List.of("generate", "--name", name, "--core-dir", dir.toString(),
                "--testbench-dir", dir.toString()));
        args.addAll(List.of(options));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return dir;
    }

    private static long vectors(Path dir, String name) throws IOException {
        return Files.readAllLines(dir.resolve(name + ".hex")).stream().filter(l -> !l.startsWith("//")).count();
    }

    private static void lintClean(Path dir, String name) {
        HdlTools.Result lint = HdlTools.run(dir, 120, "verilator", "--lint-only", "-Wall", name + ".v");
        assertEquals("", lint.output().trim(), "verilator --lint-only -Wall must report nothing");
    }

    private static void ghdlPasses(Path dir, String name, long vectors) {
        HdlTools.Result analysis = HdlTools.runOk(dir, 300, "ghdl", "-a", name + ".vhd", name + "_tb.vhd");
        assertEquals("", analysis.output().trim(), "ghdl -a reports nothing");
        HdlTools.runOk(dir, 300, "ghdl", "-e", name + "_tb");
        HdlTools.Result run = HdlTools.run(dir, 600, "ghdl", "-r", name + "_tb");
        Simulation.assertAllPassed(run, "GHDL", vectors);
        assertTrue(!run.output().contains("metavalue"), "GHDL warned: " + run.output().lines().limit(5).toList());
        HdlTools.Result synth = HdlTools.runOk(dir, 300, "ghdl", "--synth", name);
        assertTrue(synth.output().contains("entity " + name + " is"), HdlTools.tail(synth.output(), 2000));
    }

    @Test
    void theIssuesCorePassesInIcarusVerilatorAndGhdl() throws IOException {
        HdlTools.require("iverilog", "verilator", "ghdl");
        String[] options = {"--function", "courbariaux", "--binarize", "stochastic", "--pipeline", "2", "--lanes", "4",
            "--seed", "7"};
        Path dir = generate("bz_issue", options);
        long n = vectors(dir, "bz_issue");
        assertEquals(65536, n);
        lintClean(dir, "bz_issue");
        Simulation.assertAllPassed(Simulation.icarus(dir, "bz_issue"), "Icarus", n);
        Simulation.verilatorBuild(dir, "bz_issue");
        Simulation.assertAllPassed(Simulation.verilatorRun(dir, "bz_issue"), "Verilator", n);
        List<String> vhdl = new ArrayList<>(List.of(options));
        vhdl.addAll(List.of("--hdl", "vhdl"));
        Path vdir = generate("bz_issue_vhdl", vhdl.toArray(String[]::new));
        ghdlPasses(vdir, "bz_issue_vhdl", n);
        // The same core with a clock enable: ce low on about one cycle in four must hold the source.
        List<String> ce = new ArrayList<>(List.of(options));
        ce.add("--ce");
        Path cdir = generate("bz_issue_ce", ce.toArray(String[]::new));
        Simulation.assertAllPassed(Simulation.icarus(cdir, "bz_issue_ce"), "Icarus", n);
    }

    @Test
    void withAClockEnableAndAnAsyncResetInIcarusAndGhdl() throws IOException {
        HdlTools.require("iverilog", "verilator", "ghdl");
        String[] options = {"--function", "keras", "--input", "Q3.5", "--output", "UQ1.7", "--binarize", "stochastic",
            "--pipeline", "2", "--lanes", "3", "--seed", "11", "--ce", "--reset", "async-low"};
        Path dir = generate("bz_ce", options);
        lintClean(dir, "bz_ce");
        Simulation.assertAllPassed(Simulation.icarus(dir, "bz_ce"), "Icarus", 256);
        List<String> vhdl = new ArrayList<>(List.of(options));
        vhdl.addAll(List.of("--hdl", "vhdl"));
        ghdlPasses(generate("bz_ce_vhdl", vhdl.toArray(String[]::new)), "bz_ce_vhdl", 256);
    }

    @Test
    void throughAxiStreamStallsInIcarusVerilatorAndGhdl() throws IOException {
        HdlTools.require("iverilog", "verilator", "ghdl");
        String[] options = {"--function", "pytorch", "--input", "Q4.6", "--output", "UQ0.8", "--binarize", "stochastic",
            "--pipeline", "2", "--interface", "axis", "--lanes", "3", "--tlast", "--seed", "3"};
        Path dir = generate("bz_axis", options);
        lintClean(dir, "bz_axis");
        Simulation.assertAllPassed(Simulation.icarus(dir, "bz_axis"), "Icarus", 1024);
        Simulation.verilatorBuild(dir, "bz_axis");
        Simulation.assertAllPassed(Simulation.verilatorRun(dir, "bz_axis"), "Verilator", 1024);
        List<String> vhdl = new ArrayList<>(List.of(options));
        vhdl.addAll(List.of("--hdl", "vhdl"));
        ghdlPasses(generate("bz_axis_vhdl", vhdl.toArray(String[]::new)), "bz_axis_vhdl", 1024);
    }

    @Test
    void narrowWordsTakeATableMixAndDeterministicCoresNeedNoClock() throws IOException {
        HdlTools.require("iverilog", "verilator", "ghdl");
        String[] table = {"--function", "courbariaux", "--input", "Q3.3", "--output", "UQ1.4", "--binarize",
            "stochastic", "--pipeline", "1", "--lanes", "3", "--interface", "axis"};
        Path dir = generate("bz_table", table);
        assertTrue(Files.readString(dir.resolve("bz_table.v")).contains("localparam [63:0] Tm0_0"), "a table mix");
        lintClean(dir, "bz_table");
        Simulation.assertAllPassed(Simulation.icarus(dir, "bz_table"), "Icarus", 64);
        List<String> vhdl = new ArrayList<>(List.of(table));
        vhdl.addAll(List.of("--hdl", "vhdl"));
        ghdlPasses(generate("bz_table_vhdl", vhdl.toArray(String[]::new)), "bz_table_vhdl", 64);
        String[] sign = {"--function", "keras", "--input", "Q4.8", "--output", "UQ1.8", "--rounding", "floor",
            "--binarize", "deterministic", "--lanes", "2"};
        Path sdir = generate("bz_sign", sign);
        lintClean(sdir, "bz_sign");
        Simulation.assertAllPassed(Simulation.icarus(sdir, "bz_sign"), "Icarus", 4096);
        List<String> svhdl = new ArrayList<>(List.of(sign));
        svhdl.addAll(List.of("--hdl", "vhdl"));
        ghdlPasses(generate("bz_sign_vhdl", svhdl.toArray(String[]::new)), "bz_sign_vhdl", 4096);
    }

    /** prove cannot prove bits that depend on the output's index; it names the probability core, which it proves. */
    @Test
    void proveRefusesTheBitsAndProvesTheProbabilityCore() throws IOException {
        HdlTools.require("yosys");
        Path dir = generate("bz_prove", "--function", "keras", "--input", "Q3.5", "--output", "UQ1.7", "--binarize",
                "stochastic", "--pipeline", "1", "--lanes", "2");
        String file = dir.resolve("bz_prove.v").toString();
        String[] model = {"--function", "keras", "--input", "Q3.5", "--output", "UQ1.7", "--pipeline", "1"};
        List<String> args = new ArrayList<>(List.of("prove", "--verilog", file));
        args.addAll(List.of(model));
        Cli.Result refused = Cli.run(args.toArray(String[]::new));
        assertEquals(2, refused.status(), refused.out());
        assertTrue(refused.err().contains("prove its probability core with --top bz_prove_p"), refused.err());
        args.addAll(List.of("--top", "bz_prove_p"));
        Cli.Result proved = Cli.run(args.toArray(String[]::new));
        assertEquals(0, proved.status(), proved.err() + proved.out());
        assertTrue(proved.out().contains("proved: bz_prove_p equals"), proved.out());
    }

    /** Each mutant advances (or starts) the random source wrongly; its own testbench must catch it. */
    @Test
    void aSourceThatAdvancesOnTheWrongCycleFailsItsTestbench() throws IOException {
        HdlTools.require("iverilog");
        Path dir = generate("bz_mut_ce", "--function", "keras", "--input", "Q3.5", "--output", "UQ1.7", "--binarize",
                "stochastic", "--pipeline", "2", "--lanes", "2", "--ce");
        mutantFails(dir, "bz_mut_ce", "wire deliver = p_valid & ce;", "wire deliver = p_valid;");
        mutantFails(dir, "bz_mut_ce", "wire deliver = p_valid & ce;", "wire deliver = ce;");
        Path axis = generate("bz_mut_axis", "--function", "keras", "--input", "Q3.5", "--output", "UQ1.7",
                "--binarize", "stochastic", "--pipeline", "2", "--lanes", "2", "--interface", "axis");
        mutantFails(axis, "bz_mut_axis", "wire deliver = m_axis_tvalid & m_axis_tready;", "wire deliver = m_axis_tvalid;");
        String core = Files.readString(axis.resolve("bz_mut_axis.v"));
        Matcher start = Pattern.compile("count <= (7'h[0-9A-F]+);").matcher(core);
        assertTrue(start.find(), "the counter's reset value");
        mutantFails(axis, "bz_mut_axis", start.group(), "count <= 7'h0;");
    }

    private static void mutantFails(Path dir, String name, String from, String to) throws IOException {
        Path file = dir.resolve(name + ".v");
        String good = Files.readString(file);
        assertTrue(good.contains(from), "the core holds " + from);
        try {
            Files.writeString(file, good.replace(from, to));
            HdlTools.Result r = Simulation.icarus(dir, name);
            Simulation.Counts c = Simulation.counts(r, "Icarus");
            assertTrue(c.failed() > 0, "the mutant '" + to + "' passed its testbench");
            assertNotEquals(0, r.exit(), "a failing testbench exits non-zero");
        } finally {
            Files.writeString(file, good);
        }
    }

    /**
     * keras at Q3.3 -> UQ1.6: p_raw = round-half-even(8x/5 + 32) for the raw word x, clipped to [0, 64] (computed
     * here in integers). With a constant input for 64 outputs, a full period of the 6-bit source, every lane must
     * give exactly p_raw ones, and the blocks follow each other with no reset between.
     */
    @Test
    void aFullPeriodHoldsExactlyPRawOnesInSimulation() throws IOException {
        HdlTools.require("iverilog");
        Path dir = generate("bz_count", "--function", "keras", "--input", "Q3.3", "--output", "UQ1.6", "--binarize",
                "stochastic", "--pipeline", "1", "--lanes", "2", "--seed", "5");
        long[] xs = {-32, -20, -13, -7, -3, -1, 0, 1, 2, 3, 9, 13, 19, 31};
        StringBuilder tb = new StringBuilder("`timescale 1ns / 1ps\nmodule count_tb;\n");
        tb.append("    reg clk = 0;\n    reg rst = 1;\n    reg in_valid = 0;\n    reg [11:0] x = 0;\n");
        tb.append("    wire out_valid;\n    wire [1:0] y;\n    integer ones0 = 0;\n    integer ones1 = 0;\n");
        tb.append("    integer outputs = 0;\n    integer i;\n    integer k;\n");
        tb.append("    reg [5:0] words [0:").append(xs.length - 1).append("];\n");
        tb.append("    bz_count dut (.clk(clk), .rst(rst), .in_valid(in_valid), .x(x), .out_valid(out_valid), .y(y));\n");
        tb.append("    always #5 clk = ~clk;\n");
        tb.append("    always @(posedge clk) if (out_valid) begin\n");
        tb.append("        ones0 = ones0 + y[0];\n        ones1 = ones1 + y[1];\n        outputs = outputs + 1;\n");
        tb.append("        if (outputs % 64 == 0) begin\n");
        tb.append("            $display(\"block %0d ones %0d %0d\", outputs / 64 - 1, ones0, ones1);\n");
        tb.append("            ones0 = 0;\n            ones1 = 0;\n        end\n    end\n");
        tb.append("    initial begin\n");
        for (int i = 0; i < xs.length; i++) {
            tb.append("        words[").append(i).append("] = 6'd").append(xs[i] & 63).append(";\n");
        }
        tb.append("        repeat (2) @(negedge clk);\n        rst = 0;\n");
        tb.append("        for (i = 0; i < ").append(xs.length).append("; i = i + 1) begin\n");
        tb.append("            for (k = 0; k < 64; k = k + 1) begin\n");
        tb.append("                if (k % 5 == 2) begin  // an idle cycle: the source must not move\n");
        tb.append("                    in_valid = 0;\n                    @(negedge clk);\n                end\n");
        tb.append("                in_valid = 1;\n");
        tb.append("                x = {words[i], words[i]};\n                @(negedge clk);\n");
        tb.append("            end\n        end\n");
        tb.append("        in_valid = 0;\n        repeat (4) @(negedge clk);\n        $finish;\n    end\nendmodule\n");
        Files.writeString(dir.resolve("count_tb.v"), tb.toString());
        HdlTools.runOk(dir, 120, "iverilog", "-g2005", "-o", "count.vvp", "count_tb.v", "bz_count.v");
        HdlTools.Result r = HdlTools.runOk(dir, 300, "vvp", "-n", "count.vvp");
        Matcher m = Pattern.compile("block (\\d+) ones (\\d+) (\\d+)").matcher(r.output());
        int blocks = 0;
        while (m.find()) {
            int block = Integer.parseInt(m.group(1));
            long x = xs[block];
            long num = 8 * x + 160;
            long q = Math.floorDiv(num, 5);
            long rem = Math.floorMod(num, 5);
            long p = Math.max(0, Math.min(64, q + (2 * rem > 5 ? 1 : 0)));
            assertEquals(p, Long.parseLong(m.group(2)), "lane 0, x_raw " + x);
            assertEquals(p, Long.parseLong(m.group(3)), "lane 1, x_raw " + x);
            blocks++;
        }
        assertEquals(xs.length, blocks, r.output());
    }
}
