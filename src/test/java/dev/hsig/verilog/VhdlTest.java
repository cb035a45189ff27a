package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.area.Implementation;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.hdl.Hdl;
import dev.hsig.hdl.Interface;
import dev.hsig.spec.Config;
import dev.hsig.spec.Presets;
import dev.hsig.testbench.CoreBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VHDL cores, printed by the second printer from the same datapath, in GHDL: analysed, elaborated and run against
 * their textio testbench over every vector, and put through GHDL's own synthesis.
 */
@Execution(ExecutionMode.CONCURRENT)
class VhdlTest {
    record Case(String name, Config config, Interface iface) {
        @Override
        public String toString() {
            return name + " [" + config.options() + iface.options() + "]";
        }
    }

    static Case c(String name, String function, String in, String out, String mode, Interface iface) {
        Presets.Preset p = Presets.get(function);
        return c(name, function, in, out, mode, iface, Implementation.SHIFT_ADD);
    }

    static Case c(String name, String function, String in, String out, String mode, Interface iface,
            Implementation implementation) {
        Presets.Preset p = Presets.get(function);
        return new Case(name, new Config(p.function(), QFormat.parse(in), QFormat.parse(out), RoundingMode.parse(mode),
                p.overflow(), 0).with(implementation), iface);
    }

    static Interface valid(int pipeline, int lanes, boolean ce, Interface.Reset reset) {
        return new Interface(Interface.Kind.VALID, pipeline, lanes, ce, reset, false);
    }

    static Stream<Case> matrix() {
        return Stream.of(
                c("v01_keras", "keras", "Q4.12", "UQ1.15", "nearest-even", Interface.of(0)),
                c("v02_keras_p2", "keras", "Q4.12", "UQ1.15", "nearest-even", Interface.of(2)),
                c("v03_pytorch_lanes", "pytorch", "Q3.5", "UQ1.7", "floor", new Interface(Interface.Kind.PLAIN, 0, 3,
                        false, Interface.Reset.SYNC_HIGH, false)),
                c("v04_ce_async_low", "keras", "Q3.5", "UQ1.7", "nearest-even", valid(2, 2, true,
                        Interface.Reset.ASYNC_LOW)),
                c("v05_sync_low", "hard-tanh", "Q3.7", "Q2.8", "zero", valid(1, 1, false, Interface.Reset.SYNC_LOW)),
                c("v06_async_high_ce", "plan", "Q4.6", "UQ1.9", "ceil", valid(3, 1, true, Interface.Reset.ASYNC_HIGH)),
                c("v07_hard_swish_product", "hard-swish", "Q4.6", "Q3.7", "nearest-away", Interface.of(0)),
                c("v08_axis_4lanes_tlast", "keras", "Q4.8", "UQ1.11", "nearest-even", new Interface(Interface.Kind.AXIS,
                        3, 4, false, Interface.Reset.SYNC_HIGH, true)),
                c("v09_hls4ml_wrap", "hls4ml", "ap_fixed<8,3>", "ap_ufixed<8,0>", "floor", Interface.of(1)),
                c("v10_relu6_axis_p1", "relu6", "UQ4.4", "UQ3.5", "nearest-down", new Interface(Interface.Kind.AXIS, 1, 2,
                        false, Interface.Reset.SYNC_HIGH, false)),
                c("v11_hard_swish_table_ce", "hard-swish", "Q3.5", "Q3.5", "nearest-even", valid(2, 2, true,
                        Interface.Reset.ASYNC_HIGH), Implementation.TABLE),
                c("v12_relu6_table_axis", "relu6", "UQ4.4", "UQ3.5", "floor", new Interface(Interface.Kind.AXIS, 1, 1,
                        false, Interface.Reset.SYNC_HIGH, true), Implementation.TABLE),
                c("v17_hard_tanh_hybrid_p1", "hard-tanh", "Q6.6", "Q2.6", "nearest-even", Interface.of(1),
                        Implementation.HYBRID),
                c("v13_hard_swish_int8_affine", "hard-swish", "int8[scale=0.0235294,zero=-128]",
                        "int8[scale=0.0235294,zero=-128]", "nearest-even", valid(1, 2, false, Interface.Reset.SYNC_HIGH),
                        Implementation.SHIFT_ADD),
                c("v14_pytorch_odd_zero_affine", "pytorch", "int8[scale=0.05,zero=3]", "uint8[scale=1/256,zero=1]",
                        "nearest-even", Interface.of(0), Implementation.SHIFT_ADD),
                new Case("v15_hard_swish_tflite", dev.hsig.spec.ModelOptions.config(java.util.Map.of("semantics", "tflite",
                        "function", "hard-swish", "input", "int8[scale=0.03125,zero=-40]", "output",
                        "int8[scale=0.0625,zero=-100]")), valid(1, 1, false, Interface.Reset.SYNC_HIGH)),
                new Case("v16_hardswish_pytorch_patched", dev.hsig.spec.ModelOptions.config(java.util.Map.of("semantics",
                        "pytorch", "function", "hard-swish", "input", "uint8[scale=0.05,zero=128]", "output",
                        "uint8[scale=0.05,zero=128]", "implementation", "shift-add")), Interface.of(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void vhdlCoresPassTheirTestbenchInGhdlAndSynthesize(Case c) throws Exception {
        HdlTools.require("ghdl");
        Datapath d = DatapathPlanner.plan(c.config);
        CoreBundle b = CoreBundle.build(d, c.name, c.iface, Hdl.VHDL, 0, CoreBundle.DEFAULT_CORE_PATH);
        Path dir = write(b);
        HdlTools.Result analysis = HdlTools.runOk(dir, 300, "ghdl", "-a", b.coreFile(), b.testbenchFile());
        assertEquals("", analysis.output().trim(), "ghdl -a reports nothing");
        HdlTools.runOk(dir, 300, "ghdl", "-e", c.name + "_tb");
        HdlTools.Result run = HdlTools.run(dir, 600, "ghdl", "-r", c.name + "_tb");
        Simulation.assertAllPassed(run, "GHDL", b.vectorCount());
        // A clean log is what users grep: no metavalue warning from a comparison before the first input.
        assertTrue(!run.output().contains("metavalue"), "GHDL warned: " + run.output().lines().limit(5).toList());
        HdlTools.Result synth = HdlTools.runOk(dir, 300, "ghdl", "--synth", c.name);
        assertTrue(synth.output().contains("entity " + c.name + " is"), HdlTools.tail(synth.output(), 2000));
    }

    /** One corrupted expected vector makes GHDL report the mismatch and exit non-zero. */
    @Test
    void aCorruptedVectorFailsInGhdl() throws Exception {
        HdlTools.require("ghdl");
        Config c = Config.of(Presets.get("keras").function(), QFormat.parse("Q3.5"), QFormat.parse("UQ1.7"),
                RoundingMode.NEAREST_EVEN);
        CoreBundle b = CoreBundle.build(DatapathPlanner.plan(c), "vfault", Interface.of(2), Hdl.VHDL, 0,
                CoreBundle.DEFAULT_CORE_PATH);
        Path dir = write(b);
        List<String> lines = Files.readAllLines(dir.resolve("vfault.hex"));
        int victim = lines.size() - 20;
        String line = lines.get(victim);
        lines.set(victim, line.substring(0, line.length() - 1) + (line.endsWith("0") ? '1' : '0'));
        Files.write(dir.resolve("vfault.hex"), lines);
        HdlTools.runOk(dir, 300, "ghdl", "-a", b.coreFile(), b.testbenchFile());
        HdlTools.runOk(dir, 300, "ghdl", "-e", "vfault_tb");
        HdlTools.Result r = HdlTools.run(dir, 600, "ghdl", "-r", "vfault_tb");
        assertEquals(new Simulation.Counts(b.vectorCount() - 1, 1), Simulation.counts(r, "GHDL"));
        assertNotEquals(0, r.exit(), "severity failure");
        assertTrue(r.output().contains("MISMATCH"), r.output());
    }

    static Path write(CoreBundle b) throws Exception {
        Path dir = HdlTools.workDir(b.name());
        Files.writeString(dir.resolve(b.coreFile()), b.core());
        Files.writeString(dir.resolve(b.testbenchFile()), b.testbench());
        Files.write(dir.resolve(b.name() + ".hex"), b.hex());
        return dir;
    }

}
