package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.verilog.HdlTools;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code ./hsig synth} in its three device flows, as text and JSON, and with a frequency target. */
class SynthCommandTest {
    static String[] run(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.status(), r.err());
        return new String[] {r.out(), r.err()};
    }


    static long count(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertTrue(m.find(), pattern + " in\n" + text);
        return Long.parseLong(m.group(1));
    }

    /**
     * The area target: keras at Q4.12 -> UQ1.15, nearest-even, in no more SB_LUT4 than the 117 of a correctly
     * rounded hand design (the comparator below the ramp is the sign of the offset adder). Yosys counts.
     */
    @Test
    void kerasFitsIn117Lut4() {
        HdlTools.require("yosys");
        String text = run("synth", "--function", "keras", "--no-pnr")[0];
        long luts = count(text, "SB_LUT4 core=(\\d+)");
        assertTrue(luts <= 117, text);
        assertEquals(0, count(text, "SB_MAC16 core=(\\d+)"));
    }

    /**
     * keras at 8 bits: the shift-add core uses no multiplier cell in any flow and fewer gates than the '*' design,
     * which Yosys maps to a DSP48E1 on Xilinx; text and JSON carry the same counts.
     */
    @Test
    void theCoreAgainstTheMultiplierDesignInEveryFlow() {
        HdlTools.require("yosys");
        String text = run("synth", "--function", "keras", "--input", "Q4.4", "--output", "UQ1.7", "--no-pnr")[0];
        assertTrue(text.contains("synth_ice40 SB_LUT4 core="), text);
        assertEquals(0, count(text, "DSP48E1 core=(\\d+)"));
        assertEquals(0, count(text, "SB_MAC16 core=(\\d+)"));
        assertTrue(count(text, "DSP48E1 core=\\d+ reference=(\\d+)") >= 1, text);
        long gates = count(text, "gates core=(\\d+)");
        assertTrue(gates > 0 && gates < count(text, "gates core=\\d+ reference=(\\d+)"), text);
        String json = run("synth", "--function", "keras", "--input", "Q4.4", "--output", "UQ1.7", "--no-pnr",
                "--format", "json")[0];
        assertEquals(gates, count(json, "\"gates\": \\{\\s*\"gates\": \\{\\s*\"core\": (\\d+)"), json);
        assertEquals(count(text, "LUT core=(\\d+)"), count(json, "\"LUT\": \\{\\s*\"core\": (\\d+)"), json);
    }

    /** --target-mhz: the chosen core is placed and routed, and the line states target, prediction and result. */
    @Test
    void aTargetIsPlacedAndRouted() {
        HdlTools.require("yosys");
        HdlTools.require("nextpnr-ice40");
        String text = run("synth", "--function", "courbariaux", "--target-mhz", "150")[0];
        Matcher m = Pattern.compile("fmax iCE40-HX8K pipeline=(\\d+) latency=\\d+ levels_per_stage=\\d+ target_mhz=150.0"
                + " predicted_mhz=([0-9.]+) fmax_mhz=([0-9.]+) met=(true|false)").matcher(text);
        assertTrue(m.find(), text);
        assertTrue(Double.parseDouble(m.group(2)) >= 150);
        assertEquals(Double.parseDouble(m.group(3)) >= 150, Boolean.parseBoolean(m.group(4)));
        assertEquals(1, text.lines().filter(l -> l.startsWith("fmax")).count(), text);
    }
}
