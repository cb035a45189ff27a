package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hsig.cli.CommittedCores;
import dev.hsig.hdl.Hdl;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed cores, exactly as the README tells a newcomer to run them: from testbenches/, against
 * ../generated-verilog/. Every Verilog core is linted and passes all 65536 vectors in Icarus; the keras and
 * hard-swish ones also in Verilator; the VHDL core in GHDL.
 */
@Execution(ExecutionMode.CONCURRENT)
class CommittedCoresHdlTest {
    static Stream<CommittedCores.Core> cores() {
        return CommittedCores.all().stream();
    }

    static Path repo() {
        return Path.of(System.getProperty("hsig.repo", ".")).toAbsolutePath();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cores")
    void runsAsTheReadmeSays(CommittedCores.Core core) throws Exception {
        String name = core.name();
        Path testbenches = repo().resolve("testbenches");
        Path work = HdlTools.workDir("committed_" + name);
        if (core.hdl() == Hdl.VHDL) {
            HdlTools.require("ghdl");
            String workdir = "--workdir=" + work;
            HdlTools.runOk(testbenches, 300, "ghdl", "-a", workdir, "../generated-verilog/" + name + ".vhd",
                    name + "_tb.vhd");
            HdlTools.runOk(testbenches, 300, "ghdl", "-e", workdir, name + "_tb");
            Simulation.assertAllPassed(HdlTools.run(testbenches, 600, "ghdl", "-r", workdir, name + "_tb"), "GHDL",
                    65536);
            return;
        }
        HdlTools.require("iverilog", "vvp", "verilator");
        String coreFile = "../generated-verilog/" + name + ".v";
        HdlTools.Result lint = HdlTools.run(testbenches, 120, "verilator", "--lint-only", "-Wall", coreFile);
        assertEquals("", lint.output().trim(), "verilator --lint-only -Wall must report nothing");
        String vvp = work.resolve(name + ".vvp").toString();
        HdlTools.runOk(testbenches, 120, "iverilog", "-g2005", "-o", vvp, name + "_tb.v", coreFile);
        Simulation.assertAllPassed(HdlTools.run(testbenches, 300, "vvp", "-n", vvp), "Icarus", 65536);
        if (name.startsWith("hsig_keras_") || name.startsWith("hsig_hard_swish_")) {
            HdlTools.runOk(testbenches, 600, HdlTools.verilatorBinary("--Mdir", work.resolve("obj").toString(), "-o",
                    "sim", name + "_tb.v", coreFile));
            Simulation.assertAllPassed(HdlTools.run(testbenches, 300, work.resolve("obj").resolve("sim").toString()),
                    "Verilator", 65536);
        }
    }
}
