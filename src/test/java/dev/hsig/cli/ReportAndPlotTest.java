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
import org.w3c.dom.Document;

class ReportAndPlotTest {
    @Test
    void reportStatesTheDesignReviewFactsInTextAndJson() {
        Cli.Result text = Cli.run("report", "--function", "pytorch");
        Cli.Result json = Cli.run("report", "--function", "pytorch", "--format", "json");
        assertEquals(0, text.status(), text.err());
        assertEquals(0, json.status(), json.err());
        for (String fact : new String[] {"PyTorch Hardsigmoid", "ap_fixed<16,4>", "ap_ufixed<16,1>", "AP_RND_CONV",
            "0.000244140625", "<= 0.5 ulp", "1/3 ~ "}) {
            assertTrue(text.out().contains(fact), "text report lacks " + fact + ":\n" + text.out());
            assertTrue(json.out().contains(fact), "json report lacks " + fact);
        }
        // The knees of pytorch: x = -3 and x = 3, both exact inputs of Q4.12.
        assertTrue(text.out().contains("lower_x        : -3"), text.out());
        assertTrue(json.out().contains("\"upper_x\": \"3\""), json.out());
        assertTrue(json.out().contains("\"adders\": 7"), json.out());
        assertTrue(json.out().trim().startsWith("{") && json.out().trim().endsWith("}"));
    }

    @Test
    void approximationsReportTheirProvenBound() {
        Cli.Result r = Cli.run("report", "--function", "keras", "--terms", "2", "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"correctly_rounded\": false"), r.out());
        // Greedy signed digits of 1/5: 1/4 is nearest, then -1/16 is nearest to the rest, -1/20.
        assertTrue(r.out().contains("\"implemented\": \"3/16\""), r.out());
    }

    @Test
    void plotIsWellFormedSvgWithAllThreePanels(@TempDir Path temp) throws Exception {
        Path svg = temp.resolve("keras.svg");
        Cli.Result r = Cli.run("plot", "--function", "keras", "--out", svg.toString());
        assertEquals(0, r.status(), r.err());
        byte[] bytes = Files.readAllBytes(svg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String label : new String[] {"Transfer curve", "Zoom:", "Error of the hardware", "lower knee x = -2.5",
            "upper knee x = 2.5", "proven bound &lt;= 0.5 ulp", "input x", "error (output ulps)"}) {
            assertTrue(text.contains(label), "missing " + label);
        }
        Path again = temp.resolve("again.svg");
        Cli.run("plot", "--function", "keras", "--out", again.toString());
        assertEquals(-1L, Files.mismatch(svg, again), "deterministic");
    }
}
