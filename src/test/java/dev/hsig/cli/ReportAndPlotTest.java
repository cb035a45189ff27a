package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

class ReportAndPlotTest {
    @Test
    void reportStatesTheDesignReviewFactsInTextAndJson() {
        Cli.Result text = Cli.run("report", "--function", "pytorch");
        Cli.Result json = Cli.run("report", "--function", "pytorch", "--format", "json");
        assertEquals(0, text.status(), text.err());
        assertEquals(0, json.status(), json.err());
        // 1/6 at Q4.12 -> UQ1.15: t = (4X + 49152) / 3, so the rounding error is at most 1/3 ulp.
        for (String fact : new String[] {"PyTorch Hardsigmoid", "ap_fixed<16,4>", "ap_ufixed<16,1>", "AP_RND_CONV",
            "AP_SAT", "0.000244140625", "<= 0.3334 (1/3) ulp", "1/3 ~ "}) {
            assertTrue(text.out().contains(fact), "text report lacks " + fact + ":\n" + text.out());
            assertTrue(json.out().contains(fact), "json report lacks " + fact);
        }
        // The breakpoints of pytorch: x = -3 and x = 3, both exact inputs of Q4.12.
        assertTrue(text.out().contains("x=-3, last_raw_left=-12289, first_raw_right=-12288"), text.out());
        assertTrue(json.out().contains("\"x\": \"3\""), json.out());
        assertTrue(json.out().contains("\"adders\": 7"), json.out());
        assertTrue(json.out().contains("\"proven_bound_ulps\": {\n      \"ulps\": 0.3333334,\n      \"exact\": \"1/3\",\n"
                + "      \"strict\": false\n    }"), json.out());
        assertTrue(json.out().trim().startsWith("{") && json.out().trim().endsWith("}"));
    }

    /** Every output measures error against f(x): where the output cannot reach f, that is error too. */
    /**
     * Every pipeline setting up to the core's logic depth is listed (hard-swish has 14, the list stopped at 3), the
     * build is stated, and the Yosys figure names its flow.
     */
    @Test
    void reportListsEveryPipelineAndNamesItsFigures() {
        Cli.Result r = Cli.run("report", "--function", "hard-swish");
        assertEquals(0, r.status(), r.err());
        for (int p = 0; p <= 14; p++) {
            assertTrue(r.out().contains("  - pipeline=" + p + ", latency_cycles=" + p + ","), "pipeline " + p + ":\n"
                    + r.out());
        }
        assertTrue(!r.out().contains("pipeline=15,"), r.out());
        assertTrue(r.out().contains("implementation     : shift-add"), r.out());
        if (dev.hsig.tools.ExternalTool.onPath("yosys")) {
            assertTrue(r.out().contains("yosys_cells_flow : Yosys synth (its generic cells) of the combinational core"),
                    r.out());
        }
    }

    @Test
    void saturationIsErrorAndIsStatedApart() {
        Cli.Result r = Cli.run("report", "--function", "keras", "--output", "UQ0.16");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("<= 1 ulp (saturation above 65535/65536; <= 0.4 ulp where representable)"), r.out());
        assertTrue(r.out().contains("measured_max_ulps:\n    ulps  : 1\n"), r.out());
        Cli.Result eval = Cli.run("eval", "--function", "keras", "--output", "UQ0.16", "3");
        assertTrue(eval.out().contains("error_ulps=-1"), eval.out());
    }

    @Test
    void approximationsReportTheirProvenBound() {
        Cli.Result r = Cli.run("report", "--function", "keras", "--terms", "2", "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"correctly_rounded\": false"), r.out());
        // Greedy signed digits of 1/5: 1/4 is nearest, then -1/16 is nearest to the rest, -1/20.
        assertTrue(r.out().contains("\"slope_implemented\": \"3/16\""), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"keras", "hard-swish", "plan", "hard-tanh"})
    void plotIsWellFormedSvgWithAllThreePanels(String function, @TempDir Path temp) throws Exception {
        Path svg = temp.resolve(function + ".svg");
        Cli.Result r = Cli.run("plot", "--function", function, "--out", svg.toString());
        assertEquals(0, r.status(), r.err());
        byte[] bytes = Files.readAllBytes(svg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String label : new String[] {"Transfer curve", "Zoom:", "Error of the hardware", "proven bound &lt;= ",
            "input x", "error (output ulps)"}) {
            assertTrue(text.contains(label), "missing " + label);
        }
        Path again = temp.resolve("again.svg");
        Cli.run("plot", "--function", function, "--out", again.toString());
        assertEquals(-1L, Files.mismatch(svg, again), "deterministic");
    }

    @Test
    void aLongPwlStaysInsideThePlotAndItsLabelsClearTheLegend(@TempDir Path temp) throws Exception {
        StringBuilder knots = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            // x = (i - 8)/3 and y = (i%5 + 1)/(1000 + 7i), in lowest terms already: about 220 characters in all.
            knots.append(i == 0 ? "" : ",").append(i - 8).append("/3:").append(i % 5 + 1).append("/").append(1000 + 7 * i);
        }
        Path svg = temp.resolve("long.svg");
        Cli.Result r = Cli.run("plot", "--function", "pwl", "--knots", knots.toString(), "--out", svg.toString());
        assertEquals(0, r.status(), r.err());
        String text = Files.readString(svg);
        java.util.regex.Matcher sub = java.util.regex.Pattern.compile("<text x=\"480\" y=\"(\\d+)\" text-anchor="
                + "\"middle\" style=\"font-size:12px;fill:#333\">([^<]*)</text>").matcher(text);
        int lines = 0;
        while (sub.find()) {
            lines++;
            // 136 characters of 12px sans-serif (about 6.6 px each) fit the 960 px width with a margin.
            assertTrue(sub.group(2).length() <= 136, "subtitle line of " + sub.group(2).length() + ": " + sub.group(2));
        }
        assertEquals(2, lines, "the long definition is wrapped onto two lines");
        // The legend box starts below the second row of breakpoint labels (panel top 84, rows at +14 and +28).
        java.util.regex.Matcher legend = java.util.regex.Pattern.compile("<rect x=\"106\" y=\"([0-9.]+)\" width="
                + "\"250\"").matcher(text);
        assertTrue(legend.find(), "the legend box");
        assertTrue(Double.parseDouble(legend.group(1)) >= 84 + 28 + 4, legend.group(1));
        // No two breakpoint labels of one row overlap: 16 knees in a third of the width printed over each other.
        java.util.regex.Matcher label = java.util.regex.Pattern.compile("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\""
                + " text-anchor=\"(start|end)\" style=\"font-size:11px;fill:#7a3db8\">([^<]*)</text>").matcher(text);
        java.util.Map<String, java.util.List<double[]>> rows = new java.util.HashMap<>();
        int labels = 0;
        while (label.find()) {
            labels++;
            double x = Double.parseDouble(label.group(1));
            double w = 6 * label.group(4).length();  // 11px sans-serif: about 6 px a character
            double from = label.group(3).equals("start") ? x : x - w;
            for (double[] other : rows.computeIfAbsent(label.group(2), k -> new java.util.ArrayList<>())) {
                assertTrue(from >= other[1] || from + w <= other[0], "labels overlap at y " + label.group(2) + ": "
                        + label.group(4));
            }
            rows.get(label.group(2)).add(new double[] {from, from + w});
        }
        assertTrue(labels >= 8, "some labels remain: " + labels);
    }

    @Test
    void theZoomSaysWhatItsStepsAre(@TempDir Path temp) throws Exception {
        // Q4.12 -> UQ1.15: 1/5 of an input ulp is 8/5 output ulps, a new word every input; to UQ1.7, 25 input words
        // move the output by 25 * 2^-12 / 5 = 0.0012, under one ulp of 2^-7: one value.
        Path fine = temp.resolve("fine.svg");
        Path coarse = temp.resolve("coarse.svg");
        assertEquals(0, Cli.run("plot", "--function", "keras", "--out", fine.toString()).status());
        assertEquals(0, Cli.run("plot", "--function", "keras", "--output", "UQ1.7", "--out", coarse.toString()).status());
        assertTrue(Files.readString(fine).contains("input words around x = -0.000244140625 (one step per input word)"));
        assertTrue(Files.readString(coarse).contains("input words around x = -0.000244140625 (one output value)"));
    }

    @Test
    void plotMarksEveryBreakpoint(@TempDir Path temp) throws Exception {
        Path svg = temp.resolve("plan.svg");
        assertEquals(0, Cli.run("plot", "--function", "plan", "--out", svg.toString()).status());
        String text = Files.readString(svg);
        for (String x : new String[] {"-5", "-2.375", "-1", "1", "2.375", "5"}) {
            assertTrue(text.contains(">x = " + x + "<"), "breakpoint " + x);
        }
    }
}
