package dev.hsig.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
        return ExternalTool.onPath("yosys");
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
        return Optional.of(ExternalTool.inScratch(files, dir -> {
            ExternalTool.run(dir, "yosys", "-q", "-p", ExternalTool.readAll(files) + "hierarchy -top " + top + "; "
                    + synthCommand + " -top " + top + "; tee -q -o stat.txt stat");
            return parse(Files.readString(dir.resolve("stat.txt")));
        }));
    }

    public static Cells parse(String stat) {
        Matcher total = TOTAL.matcher(stat);
        boolean found = total.find();
        long n = found ? Long.parseLong(total.group(1)) : 0;
        Map<String, Long> types = new LinkedHashMap<>();
        Matcher cell = CELL.matcher(stat.substring(found ? total.end() : 0));
        while (cell.find()) {
            types.merge(cell.group(1), Long.parseLong(cell.group(2)), Long::sum);
        }
        return new Cells(n, types);
    }
}
