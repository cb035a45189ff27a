package dev.hsig.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.cli.Cli;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import dev.hsig.spec.ModelOptions;
import dev.hsig.spec.Presets;
import dev.hsig.verilog.HdlTools;
import dev.hsig.verilog.ModulePrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** ./hsig prove: SAT proofs at 32 bits, counterexamples checked against the exact reference, pipelines. */
@Execution(ExecutionMode.CONCURRENT)
class ProveTest {


    /**
     * Every preset at Q16.16 -> UQ1.31, every one of the 2^32 inputs: proved (two at a time, on both cores).
     * Three are proved narrower to keep the suite short (README, "Prove a core" has their 32-bit times): pytorch
     * (130 to 220 s at 32 bits) at Q14.14 -> UQ1.27; hls4ml, whose proof must match a 14-bit constant product
     * against its shift-add form (about 6 minutes at 32 bits), at Q12.12 -> UQ1.23; hard-swish, a 19 by 19 bit
     * product, at Q8.8 -> Q4.12.
     */
    @Test
    void everyPresetProvesAtThirtyTwoBits() throws Exception {
        HdlTools.require("yosys");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Cli.Result>> runs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Presets.Preset p : Presets.ALL) {
                // pytorch at 28 bits (11 s): at 32 its proof takes 130 to 220 s alone, the suite's longest step.
                String in = switch (p.name()) {
                    case "hard-swish" -> "Q8.8";
                    case "hls4ml" -> "Q12.12";
                    case "pytorch" -> "Q14.14";
                    default -> "Q16.16";
                };
                String out = switch (p.name()) {
                    case "hard-swish" -> "Q4.12";
                    case "hls4ml" -> "UQ1.23";
                    case "pytorch" -> "UQ1.27";
                    default -> "UQ1.31";
                };
                names.add(p.name() + " " + in + " -> " + out);
                runs.add(pool.submit(() -> Cli.run("prove", "--input", in, "--output", out, "--function", p.name())));
            }
            for (int i = 0; i < runs.size(); i++) {
                Cli.Result r = runs.get(i).get();
                assertEquals(0, r.status(), names.get(i) + ": " + r.out() + r.err());
                assertTrue(r.out().startsWith("proved: hsig_"), names.get(i) + ": " + r.out());
                System.out.print(names.get(i) + ": " + r.out());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static final Pattern CEX = Pattern.compile(
            "counterexample: x_raw=(-?\\d+) \\(([^)]*)\\) core y_raw=(-?\\d+) expected y_raw=(-?\\d+)");

    /**
     * One constant changed in pytorch's 32-bit core: the proof fails with a counterexample whose expected output is
     * the exact reference's and whose core output is what the changed core really gives (simulated in Icarus).
     */
    @Test
    void aChangedConstantGivesACounterexampleTheReferenceConfirms(@TempDir Path temp) throws Exception {
        HdlTools.require("yosys");
        Config c = ModelOptions.config(Map.of("input", "Q16.16", "output", "UQ1.31", "function", "pytorch"));
        String core = ModulePrinter.emit(DatapathPlanner.plan(c), "pt", 0, List.of("pytorch, one constant changed"));
        // The comparator at the upper knee, moved by five words: inputs just above 3 now take the linear value.
        Matcher knee = Pattern.compile("\\$signed\\(x\\) > \\$signed\\(32'h([0-9A-F]+)\\)").matcher(core);
        assertTrue(knee.find(), core);
        long constant = Long.parseLong(knee.group(1), 16);
        String changed = core.replace("32'h" + knee.group(1) + ")", "32'h" + Long.toHexString(constant + 5)
                .toUpperCase(java.util.Locale.ROOT) + ")");
        assertNotEquals(core, changed);
        Path file = temp.resolve("pt.v");
        Files.writeString(file, changed);
        Cli.Result r = Cli.run("prove", "--input", "Q16.16", "--output", "UQ1.31", "--function", "pytorch", "--verilog",
                file.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        Matcher m = CEX.matcher(r.out());
        assertTrue(m.find(), r.out());
        long x = Long.parseLong(m.group(1));
        long coreY = Long.parseLong(m.group(3));
        long expected = Long.parseLong(m.group(4));
        assertEquals(c.exactReference().outputRaw(x), expected, "the expected output is the specification's");
        assertEquals(c.input().value(x).toDecimalString(), m.group(2));
        assertNotEquals(expected, coreY);
        if (ExternalTool.onPath("iverilog")) {
            assertEquals(coreY, simulate(temp, changed, c.input(), c.output(), x), "the core really gives that");
        }
    }

    /** The changed core's output at one input, from Icarus Verilog. */
    static long simulate(Path dir, String core, QFormat in, QFormat out, long x) throws Exception {
        Files.writeString(dir.resolve("one.v"), core);
        Files.writeString(dir.resolve("one_tb.v"), "module one_tb; reg [" + (in.width() - 1) + ":0] x; wire ["
                + (out.width() - 1) + ":0] y; pt dut (.x(x), .y(y)); initial begin x = " + in.width() + "'d"
                + in.toBits(x) + "; #1 $display(\"%0d\", y); end endmodule\n");
        Process compile = new ProcessBuilder("iverilog", "-g2005", "-o", "one", "one_tb.v", "one.v").directory(dir.toFile())
                .redirectErrorStream(true).start();
        assertEquals(0, compile.waitFor(), new String(compile.getInputStream().readAllBytes()));
        Process run = new ProcessBuilder("vvp", "-n", "one").directory(dir.toFile()).redirectErrorStream(true).start();
        String text = new String(run.getInputStream().readAllBytes()).trim().split("\n")[0];
        run.waitFor();
        return out.fromBits(Long.parseLong(text.trim()));
    }

    /**
     * Table cores are proven like any other: auto's table for hard-tanh at 8 bits proves, and the same table with one
     * entry changed gives the counterexample at exactly that entry's input.
     */
    @Test
    void aTableCoreProvesAndAChangedEntryIsTheCounterexample(@TempDir Path temp) throws Exception {
        HdlTools.require("yosys");
        Map<String, String> options = Map.of("input", "Q3.5", "output", "Q2.6", "function", "hard-tanh",
                "implementation", "table");
        Cli.Result proved = Cli.run("prove", "--input", "Q3.5", "--output", "Q2.6", "--function", "hard-tanh",
                "--implementation", "table");
        assertEquals(0, proved.status(), proved.out() + proved.err());
        assertTrue(proved.out().startsWith("proved: hsig_hard_tanh_q3_5_to_q2_6_table "), proved.out());
        Config c = ModelOptions.config(options);
        String core = ModulePrinter.emit(DatapathPlanner.plan(c), "pt", 0, List.of("hard-tanh, one entry changed"));
        // The entry for x = 0.5 (raw 16): 2*16 = 32 in Q2.6, made 33.
        String entry = "8'd16: ytab = 8'd32;";
        assertTrue(core.contains(entry), core);
        Path file = temp.resolve("pt.v");
        Files.writeString(file, core.replace(entry, "8'd16: ytab = 8'd33;"));
        Cli.Result r = Cli.run("prove", "--input", "Q3.5", "--output", "Q2.6", "--function", "hard-tanh", "--verilog",
                file.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        Matcher m = CEX.matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals("16", m.group(1));
        assertEquals("33", m.group(3));
        assertEquals(Long.toString(c.exactReference().outputRaw(16)), m.group(4));
    }

    /**
     * A framework's semantics are proven against the framework's own words: the TFLite core proves, and the correctly
     * rounded core of the same formats, which differs on 20 inputs, is refused with one of them as the counterexample.
     */
    @Test
    void aFrameworkCoreProvesAndTheCorrectlyRoundedOneIsItsCounterexample(@TempDir Path temp) throws Exception {
        HdlTools.require("yosys");
        String[] tflite = {"--input", "int8[scale=0.03125,zero=-40]", "--output", "int8[scale=0.0625,zero=-100]",
            "--function", "hard-swish", "--semantics", "tflite"};
        Cli.Result proved = Cli.run(concat(new String[] {"prove"}, tflite));
        assertEquals(0, proved.status(), proved.out() + proved.err());
        assertTrue(proved.out().contains("equals hard-swish as tflite computes it for all 2^8 inputs"), proved.out());
        Config exact = ModelOptions.config(Map.of("input", "int8[scale=0.03125,zero=-40]", "output",
                "int8[scale=0.0625,zero=-100]", "function", "hard-swish"));
        Path file = temp.resolve("hs.v");
        Files.writeString(file, ModulePrinter.emit(DatapathPlanner.plan(exact), "hs", 0, List.of("correctly rounded")));
        Cli.Result r = Cli.run(concat(new String[] {"prove"}, concat(tflite, new String[] {"--verilog",
            file.toString()})));
        assertEquals(1, r.status(), r.out() + r.err());
        Matcher m = CEX.matcher(r.out());
        assertTrue(m.find(), r.out());
        long x = Long.parseLong(m.group(1));
        assertEquals(Long.toString(exact.exactReference().outputRaw(x)), m.group(3), "the core's word is exact");
        assertTrue(!m.group(3).equals(m.group(4)), "and TFLite's differs: " + r.out());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A hybrid core, comparators and a table of the computed region, is proven like every other build. */
    @Test
    void aHybridCoreProves() {
        HdlTools.require("yosys");
        Cli.Result r = Cli.run("prove", "--input", "Q8.8", "--output", "Q2.6", "--function", "hard-tanh",
                "--implementation", "hybrid");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("proved: hsig_hard_tanh_q8_8_to_q2_6_hybrid equals"), r.out());
    }

    /** A pipelined core: the value that appears N cycles after an input, proved with a sequential SAT run. */
    @Test
    void pipelinedCoresProveTheValueNCyclesLater() {
        HdlTools.require("yosys");
        Cli.Result r = Cli.run("prove", "--input", "Q6.6", "--output", "UQ1.9", "--function", "keras", "--pipeline", "3");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("proved: hsig_keras_q6_6_to_uq1_9_p3 equals y = clip(1/5*x + 1/2, 0, 1) for all"
                + " 2^12 inputs"), r.out());
    }

    @Test
    void aMissingOrBrokenFileIsOneLine(@TempDir Path temp) throws Exception {
        HdlTools.require("yosys");
        Cli.Result missing = Cli.run("prove", "--verilog", temp.resolve("none.v").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("hsig: error: --verilog '") && missing.err().contains("no such file"));
        Path broken = temp.resolve("broken.v");
        Files.writeString(broken, "module broken (input wire [15:0] x, output wire [15:0] y);\n  assign y = x +;\nendmodule\n");
        Cli.Result r = Cli.run("prove", "--verilog", broken.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("hsig: error: yosys could not read module broken: line 2: syntax error"),
                r.err());
    }
}
