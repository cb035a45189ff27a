package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.tools.Yosys;
import java.nio.file.Path;

/** Yosys checks shared by the HDL tests. */
final class YosysChecks {
    static final String DIVIDERS = "t:$div t:$mod t:$pow t:$divfloor t:$modfloor";

    private YosysChecks() {
    }

    /**
     * After {@code proc; opt} no divider, modulo or power cell may remain, and exactly {@code multipliers}
     * multiplier cells ($mul or $macc); then generic {@code synth} must succeed. Returns a line with the cell count.
     */
    static String arithmeticCellsThenSynth(Path dir, String name, long multipliers) {
        String mul = multipliers == 0 ? "select -assert-none t:$mul t:$macc; "
                : "select -assert-count " + multipliers + " t:$mul t:$macc; ";
        String script = "read_verilog " + name + ".v; hierarchy -top " + name + "; proc; opt; select -assert-none "
                + DIVIDERS + "; " + mul + "synth -top " + name + "; tee -o " + name + ".stat stat";
        HdlTools.Result r = HdlTools.runOk(dir, 300, "yosys", "-q", "-p", script);
        long cells = Yosys.parse(read(dir.resolve(name + ".stat"))).total();
        assertTrue(cells > 0, "no cell count in yosys output:\n" + HdlTools.tail(r.output(), 2000));
        return "yosys synth: " + cells + " cells, " + multipliers + " multiplier cells, no $div/$mod/$pow";
    }

    private static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
