package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/** Yosys checks shared by the HDL tests. */
final class YosysChecks {
    static final String FORBIDDEN = "t:$mul t:$macc t:$div t:$mod t:$pow t:$divfloor t:$modfloor";

    private YosysChecks() {
    }

    /**
     * After {@code proc; opt} no multiplier, divider, modulo or power cell may remain; then generic {@code synth}
     * must succeed. Returns a line with the cell count.
     */
    static String noArithmeticCellsThenSynth(Path dir, String name) {
        String script = "read_verilog " + name + ".v; hierarchy -top " + name + "; proc; opt; select -assert-none "
                + FORBIDDEN + "; synth -top " + name + "; tee -o " + name + ".stat stat";
        HdlTools.Result r = HdlTools.runOk(dir, 300, "yosys", "-q", "-p", script);
        long cells = Yosys.parse(read(dir.resolve(name + ".stat"))).total();
        assertTrue(cells > 0, "no cell count in yosys output:\n" + HdlTools.tail(r.output(), 2000));
        return "yosys synth: " + cells + " cells, no $mul/$macc/$div/$mod/$pow";
    }

    private static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
