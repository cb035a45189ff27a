package dev.hsig.cli;

import dev.hsig.c.VerilatorHarness;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.hdl.Hdl;
import dev.hsig.hdl.Interface;
import dev.hsig.spec.Config;
import dev.hsig.spec.Presets;
import dev.hsig.testbench.CoreBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cores committed in {@code generated-verilog/} and {@code testbenches/}: every preset at Q4.12 to its own
 * output format, with its own rounding and overflow, combinational and pipelined, with its C model
 * ({@code NAME.h}), plus a README in each directory and a Verilator C++ harness that uses one C model. {@code ./hsig generate --all} writes exactly {@link #files()}; a test regenerates them and fails on
 * any difference.
 */
public final class CommittedCores {
    public static final int PIPELINE = 2;
    public static final QFormat INPUT = QFormat.parse("Q4.12");
    public static final Path CORE_DIR = Path.of(GenerateCommand.DEFAULT_CORE_DIR);
    public static final Path TESTBENCH_DIR = Path.of(GenerateCommand.DEFAULT_TESTBENCH_DIR);

    public record Core(Config config, String name, Interface iface, Hdl hdl) {
        public int pipeline() {
            return iface.pipeline();
        }
    }

    private CommittedCores() {
    }

    public static List<Core> all() {
        List<Core> cores = new ArrayList<>();
        for (Presets.Preset p : Presets.ALL) {
            Config c = new Config(p.function(), INPUT, p.output(), p.rounding(), p.overflow(), 0);
            for (int pipeline : new int[] {0, PIPELINE}) {
                Interface iface = Interface.of(pipeline);
                cores.add(new Core(c, CoreName.defaultName(c, iface), iface, Hdl.VERILOG));
            }
        }
        // The integration examples: keras as an AXI4-Stream core with 4 lanes, and as a VHDL valid pipeline.
        Presets.Preset keras = Presets.get("keras");
        Config c = new Config(keras.function(), INPUT, keras.output(), keras.rounding(), keras.overflow(), 0);
        Interface axis = new Interface(Interface.Kind.AXIS, 3, 4, false, Interface.Reset.SYNC_HIGH, false);
        cores.add(new Core(c, CoreName.defaultName(c, axis), axis, Hdl.VERILOG));
        Interface valid = Interface.of(PIPELINE);
        cores.add(new Core(c, CoreName.defaultName(c, valid) + "_vhdl", valid, Hdl.VHDL));
        return cores;
    }

    /** The core whose C model the committed Verilator harness uses: keras, combinational. */
    public static Core harnessed() {
        return all().stream().filter(c -> c.config().function().name().equals("keras") && c.pipeline() == 0
                && c.hdl() == Hdl.VERILOG && c.iface().kind() == Interface.Kind.PLAIN).findFirst().orElseThrow();
    }

    /** Every committed file, relative to the repository root, with its exact content. */
    public static Map<Path, byte[]> files() {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        List<Core> cores = all();
        for (Core core : cores) {
            CoreBundle b = CoreBundle.build(DatapathPlanner.plan(core.config()), core.name(), core.iface(), core.hdl(), 0,
                    CoreBundle.DEFAULT_CORE_PATH);
            files.put(CORE_DIR.resolve(b.coreFile()), utf8(b.core()));
            files.put(TESTBENCH_DIR.resolve(b.testbenchFile()), utf8(b.testbench()));
            files.put(TESTBENCH_DIR.resolve(core.name() + ".hex"), b.hex());
            files.put(TESTBENCH_DIR.resolve(core.name() + ".csv"), b.csv());
            if (core.iface().kind() != Interface.Kind.AXIS && core.hdl() == Hdl.VERILOG) {
                files.put(TESTBENCH_DIR.resolve(core.name() + ".h"), utf8(CoreBundle.cModel(
                        DatapathPlanner.plan(core.config()), core.name(), core.iface())));
            }
        }
        // The C model in use: a Verilator C++ harness checking the combinational keras core against keras's NAME.h.
        Core harnessed = harnessed();
        Datapath keras = DatapathPlanner.plan(harnessed.config());
        files.put(TESTBENCH_DIR.resolve(harnessed.name() + ".py"), utf8(CoreBundle.pythonModel(keras, harnessed.name(),
                harnessed.iface())));
        // Its SystemVerilog DPI-C model and scoreboard (NAME.h is already there).
        CoreBundle.dpi(keras, harnessed.name(), harnessed.name(), harnessed.iface())
                .forEach((file, text) -> files.putIfAbsent(TESTBENCH_DIR.resolve(file), utf8(text)));
        files.put(TESTBENCH_DIR.resolve(harnessed.name() + "_verilator.cpp"), utf8(VerilatorHarness.emit(
                harnessed.name(), harnessed.config().input(), harnessed.config().output(), CoreBundle.DEFAULT_CORE_PATH)));
        files.put(CORE_DIR.resolve("README.md"), utf8(CommittedReadmes.cores(cores)));
        files.put(TESTBENCH_DIR.resolve("README.md"), utf8(CommittedReadmes.testbenches(cores)));
        return files;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
