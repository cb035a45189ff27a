package dev.hsig.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.Core;
import dev.hsig.arithmetic.Rational;
import dev.hsig.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binarized cores through the library: the exact sign rule, the bits generate writes, and the refusals. */
class BinarizeApiTest {
    @TempDir
    Path temp;

    /** The sign rule is exact: +1 exactly when f(x) >= 1/2, on every Q4.8 input, against f computed here. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"keras,1/5,1/2", "pytorch,1/6,1/2", "courbariaux,1/2,1/2", "custom,3/7,1/3"})
    void deterministicBinarizationIsExactlyTheSignRule(String function, String alpha, String beta) {
        // No rounding given: deterministic binarization takes floor itself.
        Core.Builder b = Core.builder().function(function).input("Q4.8").output("UQ1.8").binarize("deterministic");
        if (function.equals("custom")) {
            b.alpha(alpha).beta(beta);
        }
        Core core = b.build();
        Rational a = Rational.parse(alpha);
        Rational c = Rational.parse(beta);
        for (long x = -2048; x < 2048; x++) {
            Rational f = a.multiply(Rational.of(x, 256)).add(c).max(Rational.ZERO).min(Rational.ONE);
            assertEquals(f.compareTo(Rational.HALF) >= 0 ? 1 : 0, core.bit(x, 0, 0), function + " at x_raw " + x);
        }
    }

    @Test
    void theLibrarysBitsAndTextAreWhatGenerateWrites() throws Exception {
        Cli.Result r = Cli.run("generate", "--function", "keras", "--input", "Q3.5", "--output", "UQ1.7", "--binarize",
                "stochastic", "--pipeline", "2", "--lanes", "3", "--seed", "7", "--name", "bz", "--core-dir",
                temp.toString(), "--testbench-dir", temp.toString(), "--c-model");
        assertEquals(0, r.status(), r.err());
        Core core = Core.builder().function("keras").input("Q3.5").output("UQ1.7").binarize("stochastic")
                .pipeline(2).lanes(3).seed(7).build();
        List<String> rows = Files.readAllLines(temp.resolve("bz.csv"));
        assertEquals("x_raw,x,p_raw,p,output,lane,r,y", rows.get(0));
        long[] x = new long[rows.size() - 1];
        for (int k = 1; k < rows.size(); k++) {
            String[] f = rows.get(k).split(",");
            x[k - 1] = Long.parseLong(f[0]);
            assertEquals((k - 1) / 3, Long.parseLong(f[4]), "vector k is output k / lanes");
            assertEquals((k - 1) % 3, Integer.parseInt(f[5]), "of lane k mod lanes");
            assertEquals(core.random(Long.parseLong(f[4]), Integer.parseInt(f[5])), Long.parseLong(f[6]));
            assertEquals(core.bit(x[k - 1], Long.parseLong(f[4]), Integer.parseInt(f[5])), Integer.parseInt(f[7]));
        }
        int[] lane1 = core.bits(new long[] {x[1], x[4], x[7]}, 0, 1);
        assertEquals(List.of(core.bit(x[1], 0, 1), core.bit(x[4], 1, 1), core.bit(x[7], 2, 1)),
                List.of(lane1[0], lane1[1], lane1[2]));
        assertEquals(Files.readString(temp.resolve("bz.v")), core.verilog("bz"));
        assertEquals(Files.readString(temp.resolve("bz.h")), core.cModel("bz"));
    }

    @Test
    void whatCannotBeAskedIsRefusedInOneLine() {
        Core plain = Core.builder().build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plain.bit(0, 0, 0)).getMessage()
                .contains("not binarized"));
        Core sign = Core.builder().binarize("deterministic").lanes(2).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sign.random(0, 0)).getMessage()
                .contains("draws no random words"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sign.bit(0, 0, 2)).getMessage()
                .contains("lane 2 is not valid: expected 0 to 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sign.dpi("k")).getMessage()
                .contains("checks p"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Core.builder().binarize("stochastic").build())
                .getMessage().contains("needs a clock"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Core.builder().binarize("stochastic")
                .pipeline(1).seed(-1).build()).getMessage().contains("--seed '-1'"));
    }

    /** report's P(+1) is p_raw / 2^F exactly, and its difference from the exact f(x) is within the core's bound. */
    @Test
    void theReportsProbabilitiesAreExactAndWithinTheBound() {
        Cli.Result r = Cli.run("report", "--function", "keras", "--binarize", "stochastic", "--format", "json");
        assertEquals(0, r.status(), r.err());
        Matcher m = Pattern.compile("\"x\": \"([^\"]+)\",\\s*\"p_raw\": (\\d+),\\s*\"P\\(\\+1\\)\": \"([^\"]+)\","
                + "\\s*\"f\\(x\\)\": \"([^\"]+)\",\\s*\"error_ulp\": \"([^\"]+)\"").matcher(r.out());
        int samples = 0;
        while (m.find()) {
            Rational x = Rational.parse(m.group(1));
            Rational p = Rational.of(Long.parseLong(m.group(2)), 1 << 15);
            assertEquals(p, Rational.parse(m.group(3)));
            Rational f = x.divide(Rational.of(5)).add(Rational.HALF).max(Rational.ZERO).min(Rational.ONE);
            assertEquals(f, Rational.parse(m.group(4)));
            Rational error = p.subtract(f).multiply(Rational.of(1 << 15));
            assertEquals(error, Rational.parse(m.group(5)));
            assertTrue(error.abs().compareTo(Rational.of(2, 5)) <= 0, "within 2/5 ulp: " + error);
            samples++;
        }
        assertTrue(samples >= 8, r.out());
    }
}
