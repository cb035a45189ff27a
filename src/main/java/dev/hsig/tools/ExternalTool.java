package dev.hsig.tools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the open-source EDA tools (Yosys, nextpnr) in a scratch directory that is removed afterwards. */
public final class ExternalTool {
    private ExternalTool() {
    }

    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Work that runs tools inside a scratch directory holding the given files. */
    public interface Job<T> {
        T run(Path dir) throws IOException;
    }

    public static <T> T inScratch(Map<String, String> files, Job<T> job) throws IOException {
        Path dir = Files.createTempDirectory("hsig-eda");
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            return job.run(dir);
        } finally {
            deleteTree(dir);
        }
    }

    /** Removes a directory and everything below it. */
    public static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Runs a command in {@code dir}; returns its output, or throws with the end of it when the exit status is not 0. */
    public static String run(Path dir, String... command) throws IOException {
        return run(dir, 900, command);
    }

    /** A command that ran longer than it was given. */
    public static final class TimedOut extends IOException {
        TimedOut(String tool, long seconds) {
            super(tool + " timed out after " + seconds + " s");
        }
    }

    /** {@link #run(Path, String...)} with a time limit; throws {@link TimedOut} when it is exceeded. */
    public static String run(Path dir, long seconds, String... command) throws IOException {
        Path log = dir.resolve("run.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                throw new TimedOut(command[0], seconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
            throw new IOException(command[0] + " failed: " + out.substring(Math.max(0, out.length() - 400)).trim());
        }
        return out;
    }

    /** A finished command: its exit status; its output is in {@code run.log} of the directory. */
    public record Run(int exit) {
    }

    /** Runs a command in {@code dir} whatever its exit status; the output goes to {@code run.log} there. */
    public static Run runAny(Path dir, String... command) throws IOException {
        return runAny(dir, 3600, command);
    }

    /** {@link #runAny(Path, String...)} within {@code seconds}; throws {@link TimedOut} past them. */
    public static Run runAny(Path dir, long seconds, String... command) throws IOException {
        Path log = dir.resolve("run.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                throw new TimedOut(command[0], seconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Run(p.exitValue());
    }

    /** {@code read_verilog F; } for each file name, the start of a Yosys script. */
    public static String readAll(Map<String, String> files) {
        StringBuilder read = new StringBuilder();
        files.keySet().forEach(name -> read.append("read_verilog ").append(name).append("; "));
        return read.toString();
    }
}
