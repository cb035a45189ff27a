package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.spec.ExactReference;
import dev.hsig.spec.Presets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VectorsCommandTest {
    static final QFormat IN = QFormat.parse("Q4.12");
    static final QFormat OUT = QFormat.parse("UQ1.15");

    /** The acceptance example, checked row by row against the exact specification. */
    @Test
    void exhaustiveKerasPrintsEveryInputCorrectlyRounded() {
        Cli.Result r = Cli.run("vectors", "--input", "Q4.12", "--output", "UQ1.15", "--function", "keras",
                "--rounding", "nearest-even", "--exhaustive");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("x_raw,x,y_raw,y", lines.get(0));
        assertEquals(65536, lines.size() - 1);
        ExactReference spec = new ExactReference(Presets.get("keras").function(), IN, OUT, RoundingMode.NEAREST_EVEN,
                Overflow.SATURATE);
        long expectedX = IN.minRaw();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long x = Long.parseLong(f[0]);
            long y = Long.parseLong(f[2]);
            assertEquals(expectedX++, x);
            assertEquals(IN.value(x), Rational.parse(f[1]), line);
            assertEquals(OUT.value(y), Rational.parse(f[3]), line);
            assertEquals(spec.outputRaw(x), y, line);
        }
        assertTrue(lines.contains("4096,1,22938,0.70001220703125"), "x = 1 gives 0.7 * 2^15 = 22937.6 -> 22938");
    }

    @Test
    void sampledVectorsAreSeededAndStartWithLabelledCorners() {
        String[] a = {"vectors", "--function", "pytorch", "--count", "50", "--seed", "7"};
        Cli.Result r1 = Cli.run(a);
        Cli.Result r2 = Cli.run(a);
        assertEquals(0, r1.status(), r1.err());
        assertEquals(r1.out(), r2.out(), "same seed, same vectors");
        assertEquals(51, r1.out().lines().count());
        Cli.Result other = Cli.run("vectors", "--function", "pytorch", "--count", "50", "--seed", "8");
        assertNotEquals(r1.out(), other.out(), "another seed, other random vectors");
        Set<String> xs = new HashSet<>();
        r1.out().lines().skip(1).limit(5).forEach(l -> xs.add(l.split(",")[0]));
        assertTrue(xs.contains("-32768") && xs.contains("0"), "corners first: " + xs);
        // The knees of pytorch at Q4.12: x = -3 (raw -12288) and x = 3 (raw 12288), with neighbours.
        for (String knee : new String[] {"-12289", "-12288", "-12287", "12287", "12288", "12289"}) {
            assertTrue(r1.out().lines().anyMatch(l -> l.startsWith(knee + ",")), "knee neighbour " + knee);
        }
    }

    /** --count N prints exactly N rows: as many corners as fit, then random inputs. */
    @Test
    void countIsExact() {
        for (int n : new int[] {1, 5, 13, 200}) {
            Cli.Result r = Cli.run("vectors", "--function", "plan", "--count", Integer.toString(n));
            assertEquals(0, r.status(), r.err());
            assertEquals(n + 1, r.out().lines().count(), "rows for --count " + n);
        }
        Cli.Result five = Cli.run("vectors", "--count", "5");
        assertTrue(five.out().startsWith("x_raw,x,y_raw,y\n-32768,"), "the first corner comes first: " + five.out());
    }

    /** The acceptance examples of the family issue, checked against exact values worked out by hand. */
    @Test
    void hardSwishAndPlanGiveTheExactValuesOfTheirDefinitions() {
        Cli.Result hs = Cli.run("vectors", "--input", "Q4.12", "--output", "Q4.12", "--function", "hard-swish",
                "--exhaustive");
        assertEquals(65537, hs.out().lines().count());
        // x = -1.5: -1.5 * 1.5 / 6 = -0.375 exactly.
        assertTrue(hs.out().contains("\n-6144,-1.5,-1536,-0.375\n"), "hard-swish at -1.5");
        Cli.Result plan = Cli.run("vectors", "--input", "Q4.12", "--output", "UQ1.15", "--function", "plan",
                "--exhaustive");
        // x = 4: 4/32 + 27/32 = 31/32; x = 2.375 = 19/8: 19/256 + 216/256 = 235/256 (the upper segment owns 19/8).
        assertTrue(plan.out().contains("\n16384,4,31744,0.96875\n"), "plan at 4");
        assertTrue(plan.out().contains("\n9728,2.375,30080,0.91796875\n"), "plan at 2.375");
        // x = -2.375: 1 - 235/256 = 21/256.
        assertTrue(plan.out().contains("\n-9728,-2.375,2688,0.08203125\n"), "plan at -2.375");
    }

    @Test
    void unsignedRawWordsAreUnsignedDecimals() {
        Cli.Result r = Cli.run("vectors", "--input", "UQ4.4", "--output", "UQ1.7", "--exhaustive");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\n255,15.9375,128,1\n"), r.out().substring(r.out().length() - 200));
    }

    @Test
    void evalReportsQuantizedInputExactValueAndError() {
        Cli.Result r = Cli.run("eval", "--function", "keras", "1", "7/3", "-9");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("x=1 x_raw=4096 x_q=1 y_raw=22938 y=0.70001220703125 exact=0.7 error_ulps=0.4", lines.get(0));
        assertTrue(lines.get(1).startsWith("x=7/3 x_raw=9557 "), lines.get(1));
        assertTrue(lines.get(2).startsWith("x=-9 x_raw=-32768 x_q=-8 y_raw=0 y=0 exact=0 error_ulps=0"), lines.get(2));
    }
}
