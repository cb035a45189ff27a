package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.hsig.tools.ExternalTool;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real HDL tools. Under CI=true a missing tool is a failure (the test script installs them); on a
 * developer's machine without them the HDL tests are skipped with one clear line.
 */
public final class HdlTools {
    static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    record Result(int exit, String output) {
    }

    private HdlTools() {
    }

    /** Every tool on the PATH, or a skip (a failure under CI=true) naming what is missing. */
    public static void require(String... tools) {
        List<String> missing = new ArrayList<>();
        for (String t : tools) {
            if (!ExternalTool.onPath(t)) {
                missing.add(t);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "HDL tools not installed: " + String.join(", ", missing)
                + " (./test installs iverilog, verilator, yosys, ghdl, nextpnr-ice40, ccache and python3 from Debian's"
                + " packages)";
        if (CI) {
            fail(message + "; under CI=true this is a failure, not a skip");
        }
        System.out.println("SKIPPED HDL test: " + message);
        Assumptions.abort(message);
    }

    /**
     * {@code verilator --binary -j 2} and the given arguments, through ccache where it is installed: every build
     * compiles the same Verilator runtime (verilated.cpp and its threads and timing parts, about 20 of a case's 24 s
     * here), which ccache then compiles once per machine.
     */
    static String[] verilatorBinary(String... args) {
        List<String> command = new ArrayList<>(List.of("verilator", "--binary", "-j", "2"));
        if (ExternalTool.onPath("ccache")) {
            command.addAll(List.of("-MAKEFLAGS", "OBJCACHE=ccache"));
        }
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    static Result run(Path dir, int timeoutSeconds, String... command) {
        try {
            Path log = Files.createTempFile("hsig-hdl", ".log");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result runOk(Path dir, int timeoutSeconds, String... command) {
        Result r = run(dir, timeoutSeconds, command);
        if (r.exit != 0) {
            fail(String.join(" ", command) + " exited " + r.exit + ":\n" + tail(r.output, 3000));
        }
        return r;
    }

    static String tail(String s, int chars) {
        return s.length() <= chars ? s : "..." + s.substring(s.length() - chars);
    }

    /** A clean work directory under target/hdl-tests for one core. */
    static Path workDir(String name) throws IOException {
        Path dir = Path.of("target", "hdl-tests", name).toAbsolutePath();
        if (Files.exists(dir)) {
            ExternalTool.deleteTree(dir);
        }
        Files.createDirectories(dir);
        return dir;
    }
}
