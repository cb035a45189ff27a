package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.testbench.CoreBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes a core's files into a work directory and runs its testbench in Icarus Verilog and in Verilator. */
final class Simulation {
    private static final Pattern SUMMARY = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed$");

    record Counts(long passed, long failed) {
    }

    private Simulation() {
    }

    static Path write(CoreBundle b) throws IOException {
        return write(b, b.name());
    }

    /** As above, into target/hdl-tests/DIR: cases that share a core but run concurrently need their own. */
    static Path write(CoreBundle b, String dirName) throws IOException {
        Path dir = HdlTools.workDir(dirName);
        Files.writeString(dir.resolve(b.coreFile()), b.core());
        Files.writeString(dir.resolve(b.testbenchFile()), b.testbench());
        Files.write(dir.resolve(b.name() + ".hex"), b.hex());
        return dir;
    }

    static HdlTools.Result icarus(Path dir, String name) {
        HdlTools.runOk(dir, 120, "iverilog", "-g2005", "-Wall", "-o", name + ".vvp", name + "_tb.v", name + ".v");
        return HdlTools.run(dir, 600, "vvp", "-n", name + ".vvp");
    }

    /** Builds the Verilator model once; the binary is then run as often as needed. */
    static void verilatorBuild(Path dir, String name) {
        HdlTools.runOk(dir, 600, HdlTools.verilatorBinary("--Mdir", "obj_dir", "-o", "sim_" + name, name + "_tb.v",
                name + ".v"));
    }

    static HdlTools.Result verilatorRun(Path dir, String name) {
        return HdlTools.run(dir, 600, dir.resolve("obj_dir").resolve("sim_" + name).toString());
    }

    static Counts counts(HdlTools.Result r, String tool) {
        Matcher m = SUMMARY.matcher(r.output());
        assertTrue(m.find(), tool + " printed no 'P passed, F failed' line:\n" + HdlTools.tail(r.output(), 3000));
        return new Counts(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** The testbench must report every vector passed and exit 0. */
    static void assertAllPassed(HdlTools.Result r, String tool, long vectors) {
        Counts c = counts(r, tool);
        assertEquals(new Counts(vectors, 0), c, tool + " output:\n" + HdlTools.tail(r.output(), 3000));
        assertEquals(0, r.exit(), tool + " exit status");
    }
}
