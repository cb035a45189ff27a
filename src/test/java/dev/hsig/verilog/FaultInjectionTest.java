package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import dev.hsig.spec.Presets;
import dev.hsig.testbench.CoreBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The testbench is not a replay: one corrupted expected vector makes it fail, in both simulators. */
class FaultInjectionTest {
    @ParameterizedTest(name = "pipeline {0}")
    @ValueSource(ints = {0, 2})
    void oneCorruptedExpectedVectorFailsInBothSimulators(int pipeline) throws Exception {
        HdlTools.require("iverilog", "vvp", "verilator");
        Config c = Config.of(Presets.get("keras").function(), QFormat.parse("Q3.5"), QFormat.parse("UQ1.7"),
                RoundingMode.NEAREST_EVEN);
        Datapath d = DatapathPlanner.plan(c);
        String name = "fault_keras_p" + pipeline;
        CoreBundle b = CoreBundle.build(d, name, pipeline, 0);
        Path dir = Simulation.write(b);
        Path hex = dir.resolve(name + ".hex");
        List<String> lines = Files.readAllLines(hex);
        int victim = lines.size() - 100;
        String line = lines.get(victim);
        char last = line.charAt(line.length() - 1);
        String corrupted = line.substring(0, line.length() - 1) + (last == '0' ? '1' : '0');
        lines.set(victim, corrupted);
        Files.write(hex, lines);

        HdlTools.Result icarus = Simulation.icarus(dir, name);
        assertEquals(new Simulation.Counts(b.vectorCount() - 1, 1), Simulation.counts(icarus, "Icarus"));
        assertNotEquals(0, icarus.exit(), "Icarus must exit non-zero ($fatal)");
        assertTrue(icarus.output().contains("MISMATCH"), icarus.output());

        Simulation.verilatorBuild(dir, name);
        HdlTools.Result verilator = Simulation.verilatorRun(dir, name);
        assertEquals(new Simulation.Counts(b.vectorCount() - 1, 1), Simulation.counts(verilator, "Verilator"));
        assertNotEquals(0, verilator.exit(), "Verilator must exit non-zero ($fatal)");
    }
}
