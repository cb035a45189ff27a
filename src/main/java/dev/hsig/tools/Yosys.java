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

    /** The synthesis flows {@code ./hsig synth} compares designs with. */
    public enum Flow {
        /** Lattice iCE40: SB_LUT4, SB_CARRY, SB_MAC16. */
        ICE40("synth_ice40 -top %s"),
        /** Xilinx 7-series: LUT1 to LUT6, CARRY4, DSP48E1. */
        XILINX("synth_xilinx -top %s"),
        /** Yosys's generic cells. */
        GENERIC("synth -top %s"),
        /** Two-input gates and 2:1 muxes mapped by ABC, an ASIC proxy: every cell is one gate. */
        GATES("synth -top %s; abc -g AND,NAND,OR,NOR,XOR,XNOR,MUX; opt_clean"),
        /**
         * The same with ABC's fast script, for designs with a variable product: the full script took more than
         * five minutes on hard-swish's 19 by 19 bit product (and maps keras to 487 gates instead of 350).
         */
        GATES_FAST("synth -top %s; abc -fast -g AND,NAND,OR,NOR,XOR,XNOR,MUX; opt_clean");

        private final String script;

        Flow(String script) {
            this.script = script;
        }

        String script(String top) {
            return String.format(script, top);
        }
    }

    private Yosys() {
    }

    /** Synthesizes {@code top} in one of the flows; empty when Yosys is not installed. */
    public static Optional<Cells> synthesize(Map<String, String> files, String top, Flow flow) throws IOException {
        return run(files, top, flow.script(top));
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
        return run(files, top, synthCommand + " -top " + top);
    }

    private static Optional<Cells> run(Map<String, String> files, String top, String script) throws IOException {
        if (!installed()) {
            return Optional.empty();
        }
        return Optional.of(ExternalTool.inScratch(files, dir -> {
            ExternalTool.run(dir, "yosys", "-q", "-p", ExternalTool.readAll(files) + "hierarchy -top " + top + "; "
                    + script + "; tee -q -o stat.txt stat");
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
