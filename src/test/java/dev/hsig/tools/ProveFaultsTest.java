package dev.hsig.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.cli.Cli;
import dev.hsig.verilog.HdlTools;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@code prove} never says "proved" for a wrong core: each fault a user trial found (a changed lane, a widened
 * output, out_valid tied low or a valid stage tied high) fails to prove with a line naming what is wrong, a core that
 * does not fit the options is refused in one line before any proof, and correct cores with ce, an async reset or
 * lanes prove. Each faulty core here is a generated core with one line changed, and the change is checked to be
 * there.
 */
@Execution(ExecutionMode.CONCURRENT)
class ProveFaultsTest {
    private static final String[] FORMATS = {"--input", "Q6.6", "--output", "UQ1.9"};

    @TempDir
    Path temp;

    private Path generate(String name, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("generate", "--input", "Q6.6",
                "--output", "UQ1.9", "--name", name, "--core-dir", temp.toString(), "--testbench-dir",
                temp.resolve("tb").toString()));
        args.addAll(java.util.List.of(options));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return temp.resolve(name + ".v");
    }

    private Path mutate(Path core, String from, String to) throws Exception {
        String text = Files.readString(core);
        String changed = text.replace(from, to);
        assertNotEquals(text, changed, "the fault is in the core: " + from);
        Path file = temp.resolve("mutated_" + core.getFileName());
        Files.writeString(file, changed.replace("module " + core.getFileName().toString().replace(".v", ""),
                "module mutated"));
        return file;
    }

    private static Cli.Result prove(Path file, String... options) {
        String[] args = new String[FORMATS.length + options.length + 3];
        args[0] = "prove";
        System.arraycopy(FORMATS, 0, args, 1, FORMATS.length);
        System.arraycopy(options, 0, args, 1 + FORMATS.length, options.length);
        args[args.length - 2] = "--verilog";
        args[args.length - 1] = file.toString();
        return Cli.run(args);
    }

    private static void fails(Cli.Result r, String names) {
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("counterexample: ") && r.out().contains(names), r.out());
    }

    private static void refused(Cli.Result r, String names) {
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("hsig: error: ") && r.err().contains(names), r.err());
    }

    @Test
    void aChangedLaneFailsOnThatLane() throws Exception {
        HdlTools.require("yosys");
        Path core = generate("kl2", "--pipeline", "2", "--lanes", "2");
        Cli.Result good = prove(core, "--pipeline", "2");
        assertEquals(0, good.status(), good.out() + good.err());
        assertTrue(good.out().contains("on each of its 2 lanes, out_valid exactly 2 cycles after in_valid"), good.out());
        Path bad = mutate(core, "assign y[lane*10 +: 10] = y_lane_comb_s2;",
                "assign y[lane*10 +: 10] = (lane == 1) ? 10'h2AD : y_lane_comb_s2;");
        fails(prove(bad, "--pipeline", "2"), "core y_raw=685");
        fails(prove(bad, "--pipeline", "2"), "on lane 1");
    }

    @Test
    void outValidTiedLowOrAValidStageTiedHighFails() throws Exception {
        HdlTools.require("yosys");
        Path core = generate("kp2", "--pipeline", "2");
        fails(prove(mutate(core, "assign out_valid = valid_s2;", "assign out_valid = 1'b0;"), "--pipeline", "2"),
                "out_valid is 0");
        fails(prove(mutate(core, "valid_s1 <= in_valid;", "valid_s1 <= 1'b1;"), "--pipeline", "2"), "out_valid is 1");
        // The right core with the wrong latency: out_valid comes a cycle later than --pipeline 1 says.
        fails(prove(core, "--pipeline", "1"), "exactly 1 cycle (--pipeline 1)");
    }

    @Test
    void aWiderOutputIsRefusedBeforeAnyProof() throws Exception {
        HdlTools.require("yosys");
        Path core = generate("kc");
        Path wide = mutate(core, "output wire [9:0] y ", "output wire [10:0] y ");
        Files.writeString(wide, Files.readString(wide).replace("assign y = y_comb;", "assign y = {1'b1, y_comb};"));
        refused(prove(wide), "x has 12 bits and y 11, where each lane takes 12 in and 10 out");
        refused(prove(generate("kp", "--pipeline", "2")), "is clocked (port clk): give --pipeline N");
        refused(prove(core, "--pipeline", "2"), "it has no clk");
        Path other = temp.resolve("other.v");
        Files.writeString(other, "module other (input wire [11:0] a, output wire [9:0] b);\n    assign b = a[9:0];\n"
                + "endmodule\n");
        refused(prove(other), "module other has no input x and output y (its ports: a, b)");
        refused(prove(generate("ka", "--interface", "axis", "--pipeline", "2"), "--pipeline", "2"),
                "has AXI4-Stream ports");
    }

    @Test
    void clockEnableAndEveryResetStyleProve() throws Exception {
        HdlTools.require("yosys");
        for (String reset : new String[] {"async-low", "sync-low", "async-high"}) {
            Path core = generate("k_" + reset.replace('-', '_'), "--pipeline", "2", "--ce", "--reset", reset);
            Cli.Result r = prove(core, "--pipeline", "2");
            assertEquals(0, r.status(), reset + ": " + r.out() + r.err());
            assertTrue(r.out().startsWith("proved: "), r.out());
        }
    }

    /** --timeout: past it, no verdict, said in one error line after the progress line. */
    @Test
    void aProofPastItsTimeoutGivesNoVerdict() {
        HdlTools.require("yosys");
        Cli.Result r = Cli.run("prove", "--input", "Q16.16", "--output", "UQ1.31", "--function", "pytorch", "--timeout",
                "1");
        assertEquals(2, r.status(), r.out() + r.err());
        assertEquals("", r.out());
        java.util.List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertEquals("prove: hsig_pytorch_q16_16_to_uq1_31, 2^32 inputs, Yosys SAT, at most 1 s ...", lines.get(0));
        assertEquals("hsig: error: no verdict: the proof did not finish within --timeout 1 s (give it longer, or"
                + " prove a narrower format)", lines.get(1));
    }
}
