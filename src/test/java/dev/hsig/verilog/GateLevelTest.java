package dev.hsig.verilog;

import dev.hsig.area.Implementation;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.hdl.Interface;
import dev.hsig.spec.Config;
import dev.hsig.spec.ModelOptions;
import dev.hsig.testbench.CoreBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a user's synthesis flow makes of a core: Yosys's netlist after synth_ice40 (with and without -dsp) and after
 * synth_xilinx, written back as Verilog and simulated in Icarus with Yosys's own cell models against the model's
 * vectors. Yosys 0.23 maps some ways of writing a compare or a product wrongly (a signed compare of up to 4 bits
 * against a negative constant became a constant; a DSP pre-adder lost its sign): the sample holds the cores that
 * exposed those, both implementations, a pipeline with ce and an async reset, and AXI4-Stream.
 */
@Execution(ExecutionMode.CONCURRENT)
class GateLevelTest {
    enum Flow {
        ICE40("synth_ice40", "ice40"),
        ICE40_DSP("synth_ice40 -dsp", "ice40"),
        XILINX("synth_xilinx", "xilinx");

        final String synth;
        final String cells;

        Flow(String synth, String cells) {
            this.synth = synth;
            this.cells = cells;
        }
    }

    record Case(String name, Config config, Interface iface) {
        @Override
        public String toString() {
            return name + " [" + config.options() + iface.options() + "]";
        }
    }

    static Case c(String name, String function, String in, String out, Implementation i, Interface iface) {
        return new Case(name, ModelOptions.config(Map.of("function", function, "input", in, "output", out,
                "implementation", i.cliName())), iface);
    }

    static Stream<Arguments> cases() {
        Interface p2ce = new Interface(Interface.Kind.VALID, 2, 1, true, Interface.Reset.ASYNC_LOW, false);
        Interface axis = new Interface(Interface.Kind.AXIS, 1, 2, false, Interface.Reset.SYNC_HIGH, false);
        Stream<Case> sample = Stream.of(
                c("g01_hard_swish_q3_1", "hard-swish", "Q3.1", "Q3.1", Implementation.SHIFT_ADD, Interface.of(0)),
                c("g02_hard_swish_q3_5", "hard-swish", "Q3.5", "Q3.5", Implementation.SHIFT_ADD, Interface.of(0)),
                c("g03_hard_tanh_q2_2", "hard-tanh", "Q2.2", "Q2.2", Implementation.SHIFT_ADD, Interface.of(0)),
                c("g04_keras_table", "keras", "Q3.5", "UQ0.8", Implementation.TABLE, Interface.of(0)),
                c("g05_keras_ce_async", "keras", "Q3.5", "UQ1.7", Implementation.SHIFT_ADD, p2ce),
                c("g06_pytorch_table_p2", "pytorch", "Q4.4", "UQ1.7", Implementation.TABLE, Interface.of(2)),
                c("g07_relu6_axis", "relu6", "UQ4.4", "UQ3.5", Implementation.SHIFT_ADD, axis),
                c("g08_keras_16bit", "keras", "Q4.12", "UQ1.15", Implementation.SHIFT_ADD, Interface.of(0)));
        return sample.flatMap(c -> Stream.of(Flow.values()).filter(f -> f != Flow.ICE40_DSP
                || c.config().function().name().equals("hard-swish") || c.name().startsWith("g08"))
                .map(f -> Arguments.of(c, f)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theSynthesizedNetlistPassesTheTestbench(Case c, Flow flow) throws Exception {
        HdlTools.require("yosys", "iverilog", "vvp");
        Datapath d = DatapathPlanner.plan(c.config());
        CoreBundle b = CoreBundle.build(d, c.name(), c.iface(), 0, CoreBundle.DEFAULT_CORE_PATH);
        Path dir = Simulation.write(b, c.name() + "_" + flow.name().toLowerCase(java.util.Locale.ROOT));
        String netlist = "gl_" + flow.name().toLowerCase(java.util.Locale.ROOT) + ".v";
        HdlTools.runOk(dir, 600, "yosys", "-q", "-p", "read_verilog " + b.coreFile() + "; " + flow.synth + " -top "
                + c.name() + "; write_verilog -noattr " + netlist);
        Path cells = Path.of("/usr/share/yosys", flow.cells, "cells_sim.v");
        if (!Files.exists(cells)) {
            cells = Path.of(HdlTools.run(dir, 30, "yosys-config", "--datdir").output().trim(), flow.cells, "cells_sim.v");
        }
        String sim = "gl_" + flow.name().toLowerCase(java.util.Locale.ROOT);
        HdlTools.runOk(dir, 300, "iverilog", "-g2012", "-o", sim, "-DNO_ICE40_DEFAULT_ASSIGNMENTS", b.testbenchFile(),
                netlist, cells.toString());
        Simulation.assertAllPassed(HdlTools.run(dir, 900, "vvp", "-n", sim), "Icarus on the " + flow.synth
                + " netlist", b.vectorCount());
    }
}
