package dev.hsig.verilog;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Yosys, when it is installed, on Verilog text and reads the cell counts from {@code stat}. */
public final class Yosys {
    private static final Pattern TOTAL = Pattern.compile("Number of cells:\\s+(\\d+)");
    private static final Pattern CELL = Pattern.compile("^\\s+(\\$?[A-Za-z_][A-Za-z0-9_$]*)\\s+(\\d+)\\s*$",
            Pattern.MULTILINE);

    /** Cell counts of one synthesis: the total and per cell type. */
    public record Cells(long total, Map<String, Long> byType) {
        public long count(String type) {
            return byType.getOrDefault(type, 0L);
        }
    }

    private Yosys() {
    }

    public static boolean installed() {
        return onPath("yosys");
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

    /**
     * Synthesizes {@code top} from the given files with {@code synthCommand} (such as {@code synth} or
     * {@code synth_ice40}) and returns its cells, or empty when Yosys is not installed.
     */
    public static Optional<Cells> synthesize(Map<String, String> files, String top, String synthCommand)
            throws IOException {
        if (!installed()) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("hsig-yosys");
        try {
            StringBuilder read = new StringBuilder();
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
                read.append("read_verilog ").append(f.getKey()).append("; ");
            }
            String script = read + "hierarchy -top " + top + "; " + synthCommand + " -top " + top
                    + "; tee -q -o stat.txt stat";
            Process p = new ProcessBuilder("yosys", "-q", "-p", script).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("yosys.log").toFile()).start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("yosys timed out");
            }
            if (p.exitValue() != 0) {
                String log = Files.readString(dir.resolve("yosys.log"));
                throw new IOException("yosys failed: " + log.substring(Math.max(0, log.length() - 500)).trim());
            }
            return Optional.of(parse(Files.readString(dir.resolve("stat.txt"))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static Cells parse(String stat) {
        Matcher total = TOTAL.matcher(stat);
        boolean found = total.find();
        long n = found ? Long.parseLong(total.group(1)) : 0;
        Map<String, Long> types = new LinkedHashMap<>();
        int from = found ? total.end() : 0;
        Matcher cell = CELL.matcher(stat.substring(from));
        while (cell.find()) {
            types.merge(cell.group(1), Long.parseLong(cell.group(2)), Long::sum);
        }
        return new Cells(n, types);
    }
}
