package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.cli.CommittedCores;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.dpi.DpiPrinter;
import dev.hsig.hdl.Interface;
import dev.hsig.testbench.CoreBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The SystemVerilog DPI-C model in a real simulator: Verilator builds each scoreboard with the C model and runs it
 * on every input. The committed files pass against the committed keras core and fail against it with one constant
 * changed; the scoreboards of the committed pipelined and AXI4-Stream cores pass too.
 */
@Execution(ExecutionMode.CONCURRENT)
class DpiTest {
    @TempDir
    Path temp;

    @Test
    void theCommittedScoreboardPassesAndRejectsAChangedConstant() throws Exception {
        HdlTools.require("verilator");
        String name = CommittedCores.harnessed().name();
        Path repo = Path.of("").toAbsolutePath();
        String core = Files.readString(repo.resolve("generated-verilog").resolve(name + ".v"));
        Path tb = layout(temp.resolve("committed"), name, core);
        for (String suffix : new String[] {".h", "_dpi.sv", "_dpi.c", "_dpi_scoreboard.sv"}) {
            Files.copy(repo.resolve("testbenches").resolve(name + suffix), tb.resolve(name + suffix));
        }
        HdlTools.Result ok = build(tb, name, name);
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().contains("65536 passed, 0 failed"), ok.output());

        // One constant changed: the comparator's bound moves by one input word.
        String bound = "$signed(16'h27FF)";
        assertTrue(core.contains(bound), "the committed core compares with " + bound);
        Path bad = layout(temp.resolve("changed"), name, core.replace(bound, "$signed(16'h27FE)"));
        for (String suffix : new String[] {".h", "_dpi.sv", "_dpi.c", "_dpi_scoreboard.sv"}) {
            Files.copy(tb.resolve(name + suffix), bad.resolve(name + suffix));
        }
        HdlTools.Result rejected = build(bad, name, name);
        assertNotEquals(0, rejected.exit(), rejected.output());
        assertTrue(rejected.output().contains("65535 passed, 1 failed"), rejected.output());
        assertTrue(rejected.output().contains("MISMATCH x=27ff"), rejected.output());
    }

    @Test
    void pipelinedAndStreamScoreboardsPass() throws Exception {
        HdlTools.require("verilator");
        int checked = 0;
        for (CommittedCores.Core c : CommittedCores.all()) {
            boolean wanted = c.hdl() == dev.hsig.hdl.Hdl.VERILOG && c.config().function().name().equals("keras")
                    && c.iface().kind() != Interface.Kind.PLAIN;
            if (!wanted) {
                continue;
            }
            String core = Files.readString(Path.of("generated-verilog").resolve(c.name() + ".v"));
            Path tb = layout(temp.resolve(c.name()), c.name(), core);
            String model = "m_" + c.iface().kind().cliName();
            for (Map.Entry<String, String> f : CoreBundle.dpi(DatapathPlanner.plan(c.config()), model, c.name(),
                    c.iface()).entrySet()) {
                Files.writeString(tb.resolve(f.getKey()), f.getValue());
            }
            HdlTools.Result r = build(tb, model, c.name());
            assertEquals(0, r.exit(), c.name() + ": " + r.output());
            assertTrue(r.output().contains("65536 passed, 0 failed"), c.name() + ": " + r.output());
            checked++;
        }
        assertEquals(2, checked, "the committed keras cores with a valid and an AXI4-Stream interface");
    }

    /** A testbench directory beside generated-verilog/, as in the repository. */
    private static Path layout(Path root, String name, String core) throws Exception {
        Files.createDirectories(root.resolve("generated-verilog"));
        Files.writeString(root.resolve("generated-verilog").resolve(name + ".v"), core);
        return Files.createDirectories(root.resolve("testbenches"));
    }

    /** The command the scoreboard's header gives (ccache for Verilator's runtime), then the run. */
    private static HdlTools.Result build(Path tb, String model, String core) {
        String[] words = DpiPrinter.command(model, core, "../generated-verilog/" + core + ".v")
                .replace("$PWD", tb.toString()).split(" ");
        String[] args = java.util.Arrays.copyOfRange(words, 2, words.length); // without "verilator --binary"
        HdlTools.Result built = HdlTools.run(tb, 600, HdlTools.verilatorBinary(args));
        if (built.exit() != 0) {
            return built;
        }
        return HdlTools.run(tb, 300, tb.resolve("obj_dir").resolve("V" + model + "_dpi_scoreboard").toString());
    }
}
