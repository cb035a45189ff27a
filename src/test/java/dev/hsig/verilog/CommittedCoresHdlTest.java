package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hsig.cli.CommittedCores;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed cores, exactly as the README tells a newcomer to run them: from testbenches/, against
 * ../generated-verilog/. Every one is linted and passes all 65536 vectors in Icarus; the keras and hard-swish
 * pairs also in Verilator.
 */
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
        HdlTools.require("iverilog", "vvp", "verilator");
        String name = core.name();
        Path testbenches = repo().resolve("testbenches");
        String core_v = "../generated-verilog/" + name + ".v";
        HdlTools.Result lint = HdlTools.run(testbenches, 120, "verilator", "--lint-only", "-Wall", core_v);
        assertEquals("", lint.output().trim(), "verilator --lint-only -Wall must report nothing");
        Path work = HdlTools.workDir("committed_" + name);
        String vvp = work.resolve(name + ".vvp").toString();
        HdlTools.runOk(testbenches, 120, "iverilog", "-g2005", "-o", vvp, name + "_tb.v", core_v);
        Simulation.assertAllPassed(HdlTools.run(testbenches, 300, "vvp", "-n", vvp), "Icarus", 65536);
        if (name.startsWith("hsig_keras_") || name.startsWith("hsig_hard_swish_")) {
            HdlTools.runOk(testbenches, 600, "verilator", "--binary", "-j", "2", "--Mdir", work.resolve("obj").toString(),
                    "-o", "sim", name + "_tb.v", core_v);
            Simulation.assertAllPassed(HdlTools.run(testbenches, 300, work.resolve("obj").resolve("sim").toString()),
                    "Verilator", 65536);
        }
    }
}
