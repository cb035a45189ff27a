package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.verilog.HdlTools;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@code ./hsig synth} in its three device flows, as text and JSON, and with a frequency target. */
@Execution(ExecutionMode.CONCURRENT)
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

    /**
     * --target-mhz: stage counts are placed and routed from the fewest that might meet the target up, and the run
     * stops at the first that does; every line states target, prediction and result, and a summary says which.
     */
    @Test
    void aTargetIsPlacedAndRouted() {
        HdlTools.require("yosys");
        HdlTools.require("nextpnr-ice40");
        String text = run("synth", "--function", "courbariaux", "--target-mhz", "150")[0];
        List<String[]> tried = tried(text, 150);
        for (int i = 0; i < tried.size(); i++) {
            boolean last = i == tried.size() - 1;
            assertEquals(Double.parseDouble(tried.get(i)[2]) >= 150, Boolean.parseBoolean(tried.get(i)[3]), text);
            assertTrue(last || tried.get(i)[3].equals("false"), "it went on after a count that met the target: " + text);
            assertTrue(i == 0 || Integer.parseInt(tried.get(i)[0]) == Integer.parseInt(tried.get(i - 1)[0]) + 1, text);
        }
        String[] chosen = tried.get(tried.size() - 1);
        assertTrue(text.contains("target: 150.0 MHz met with " + chosen[0] + " stage"), text);
        String json = run("synth", "--function", "courbariaux", "--target-mhz", "150", "--format", "json")[0];
        assertTrue(json.contains("\"target\": {\n    \"target_mhz\": 150.0,\n    \"met\": true,\n    \"stages\": "
                + chosen[0] + "\n"), json);
    }

    /**
     * The speed target, placed and routed by nextpnr: keras and pytorch at Q4.12 meet 200 MHz on an HX8K in at
     * most 5 stages, between the same input and output registers as every fmax figure.
     */
    @Test
    void kerasAndPytorchMeet200MhzInAtMostFiveStages() {
        HdlTools.require("yosys");
        HdlTools.require("nextpnr-ice40");
        for (String f : new String[] {"keras", "pytorch"}) {
            String text = run("synth", "--function", f, "--target-mhz", "200")[0];
            List<String[]> tried = tried(text, 200);
            String[] chosen = tried.get(tried.size() - 1);
            assertTrue(Integer.parseInt(chosen[0]) <= 5, f + ": " + text);
            assertTrue(Double.parseDouble(chosen[2]) >= 200, f + ": " + text);
            assertTrue(text.contains("target: 200.0 MHz met with " + chosen[0] + " stages"), text);
        }
    }

    /** Beyond what even the model's largest measured underestimate allows: one line, status 2, nothing placed. */
    @Test
    void anUnreachableTargetIsOneLine() {
        Cli.Result r = Cli.run("synth", "--function", "keras", "--target-mhz", "400");
        assertEquals(2, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("hsig: error: --target-mhz '400' cannot be met on iCE40-HX8K"), r.err());
    }

    /** The fmax lines of a --target-mhz run: pipeline, predicted, measured, met. */
    private static List<String[]> tried(String text, int mhz) {
        Matcher m = Pattern.compile("fmax iCE40-HX8K pipeline=(\\d+) latency=\\d+ levels_per_stage=\\d+ target_mhz="
                + mhz + ".0 predicted_mhz=([0-9.]+) fmax_mhz=([0-9.]+) met=(true|false)").matcher(text);
        List<String[]> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
        }
        assertTrue(!out.isEmpty(), text);
        assertEquals(out.size(), text.lines().filter(l -> l.startsWith("fmax")).count(), text);
        return out;
    }
}
