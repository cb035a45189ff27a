package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.Csd;
import dev.hsig.arithmetic.Rational;
import dev.hsig.area.Implementation;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import dev.hsig.spec.Polynomial;
import dev.hsig.spec.Presets;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cost is part of what hsig promises, and a planner that picks a costlier form still gives correct outputs, so
 * correctness tests cannot see it. This pins the adders, comparators and widest word of every preset over a
 * spread of formats and modes, and tests the optimizer's choices directly against brute force.
 */
class CostTest {
    /** function, input, output, rounding: adders, comparators, widest word in bits. */
    static final String COSTS = """
            keras          Q4.12   UQ1.15  nearest-even   7  1 17
            keras          Q4.12   UQ1.15  floor          7  1 17
            keras          Q4.12   UQ1.15  nearest-away   7  1 17
            keras          Q8.8    Q2.14   nearest-even   6  1 17
            keras          Q8.8    Q2.14   floor          6  1 17
            keras          Q8.8    Q2.14   nearest-away   6  1 17
            keras          Q3.5    UQ1.7   nearest-even   6  1 10
            keras          Q3.5    UQ1.7   floor          6  1 10
            keras          Q3.5    UQ1.7   nearest-away   6  1 10
            keras          Q8.24   Q8.24   nearest-even   8  1 33
            keras          Q8.24   Q8.24   floor          8  1 33
            keras          Q8.24   Q8.24   nearest-away   8  1 33
            pytorch        Q4.12   UQ1.15  nearest-even   7  1 17
            pytorch        Q4.12   UQ1.15  floor          7  1 17
            pytorch        Q4.12   UQ1.15  nearest-away   7  1 17
            pytorch        Q8.8    Q2.14   nearest-even   7  1 17
            pytorch        Q8.8    Q2.14   floor          7  1 17
            pytorch        Q8.8    Q2.14   nearest-away   7  1 17
            pytorch        Q3.5    UQ1.7   nearest-even   6  1  9
            pytorch        Q3.5    UQ1.7   floor          6  1  9
            pytorch        Q3.5    UQ1.7   nearest-away   6  1  9
            pytorch        Q8.24   Q8.24   nearest-even   8  3 32
            pytorch        Q8.24   Q8.24   floor          8  2 33
            pytorch        Q8.24   Q8.24   nearest-away   8  3 32
            courbariaux    Q4.12   UQ1.15  nearest-even   1  1 17
            courbariaux    Q4.12   UQ1.15  floor          1  1 17
            courbariaux    Q4.12   UQ1.15  nearest-away   1  1 17
            courbariaux    Q8.8    Q2.14   nearest-even   1  1 17
            courbariaux    Q8.8    Q2.14   floor          1  1 17
            courbariaux    Q8.8    Q2.14   nearest-away   1  1 17
            courbariaux    Q3.5    UQ1.7   nearest-even   1  1  9
            courbariaux    Q3.5    UQ1.7   floor          1  1  9
            courbariaux    Q3.5    UQ1.7   nearest-away   1  1  9
            courbariaux    Q8.24   Q8.24   nearest-even   1  2 32
            courbariaux    Q8.24   Q8.24   floor          1  1 33
            courbariaux    Q8.24   Q8.24   nearest-away   1  2 32
            quarter        Q4.12   UQ1.15  nearest-even   1  1 17
            quarter        Q4.12   UQ1.15  floor          1  1 17
            quarter        Q4.12   UQ1.15  nearest-away   1  1 17
            quarter        Q8.8    Q2.14   nearest-even   1  1 17
            quarter        Q8.8    Q2.14   floor          1  1 17
            quarter        Q8.8    Q2.14   nearest-away   1  1 17
            quarter        Q3.5    UQ1.7   nearest-even   1  1  9
            quarter        Q3.5    UQ1.7   floor          1  1  9
            quarter        Q3.5    UQ1.7   nearest-away   1  1  9
            quarter        Q8.24   Q8.24   nearest-even   1  2 32
            quarter        Q8.24   Q8.24   floor          1  1 33
            quarter        Q8.24   Q8.24   nearest-away   1  2 32
            qkeras-smooth  Q4.12   UQ1.15  nearest-even   2  2 17
            qkeras-smooth  Q4.12   UQ1.15  floor          2  2 17
            qkeras-smooth  Q4.12   UQ1.15  nearest-away   2  2 17
            qkeras-smooth  Q8.8    Q2.14   nearest-even   2  2 16
            qkeras-smooth  Q8.8    Q2.14   floor          2  2 16
            qkeras-smooth  Q8.8    Q2.14   nearest-away   2  2 16
            qkeras-smooth  Q3.5    UQ1.7   nearest-even   2  2 11
            qkeras-smooth  Q3.5    UQ1.7   floor          2  2 10
            qkeras-smooth  Q3.5    UQ1.7   nearest-away   2  2 11
            qkeras-smooth  Q8.24   Q8.24   nearest-even   2  2 32
            qkeras-smooth  Q8.24   Q8.24   floor          2  2 32
            qkeras-smooth  Q8.24   Q8.24   nearest-away   2  2 32
            hard-tanh      Q4.12   Q2.14   nearest-even   0  2 16
            hard-tanh      Q4.12   Q2.14   floor          0  2 16
            hard-tanh      Q4.12   Q2.14   nearest-away   0  2 16
            hard-tanh      Q8.8    Q2.14   nearest-even   0  2 16
            hard-tanh      Q8.8    Q2.14   floor          0  2 16
            hard-tanh      Q8.8    Q2.14   nearest-away   0  2 16
            hard-tanh      Q3.5    UQ1.7   nearest-even   0  1  8
            hard-tanh      Q3.5    UQ1.7   floor          0  1  8
            hard-tanh      Q3.5    UQ1.7   nearest-away   0  1  8
            hard-tanh      Q8.24   Q8.24   nearest-even   0  2 32
            hard-tanh      Q8.24   Q8.24   floor          0  2 32
            hard-tanh      Q8.24   Q8.24   nearest-away   0  2 32
            relu6          Q4.12   UQ3.13  nearest-even   0  1 17
            relu6          Q4.12   UQ3.13  floor          0  1 17
            relu6          Q4.12   UQ3.13  nearest-away   0  1 17
            relu6          Q8.8    Q2.14   nearest-even   0  1 16
            relu6          Q8.8    Q2.14   floor          0  1 16
            relu6          Q8.8    Q2.14   nearest-away   0  1 16
            relu6          Q3.5    UQ1.7   nearest-even   0  1  9
            relu6          Q3.5    UQ1.7   floor          0  1  9
            relu6          Q3.5    UQ1.7   nearest-away   0  1  9
            relu6          Q8.24   Q8.24   nearest-even   0  1 32
            relu6          Q8.24   Q8.24   floor          0  1 32
            relu6          Q8.24   Q8.24   nearest-away   0  1 32
            hard-swish     Q4.12   Q4.12   nearest-even   9  3 34
            hard-swish     Q4.12   Q4.12   floor          9  3 34
            hard-swish     Q4.12   Q4.12   nearest-away  19  5 31
            hard-swish     Q8.8    Q2.14   nearest-even   9  3 24
            hard-swish     Q8.8    Q2.14   floor          9  3 24
            hard-swish     Q8.8    Q2.14   nearest-away  18  5 22
            hard-swish     Q3.5    UQ1.7   nearest-even   8  2 15
            hard-swish     Q3.5    UQ1.7   floor          7  2 15
            hard-swish     Q3.5    UQ1.7   nearest-away   8  2 15
            hard-swish     Q8.24   Q8.24   nearest-even  11  3 55
            hard-swish     Q8.24   Q8.24   floor         11  3 55
            hard-swish     Q8.24   Q8.24   nearest-away  21  5 55
            plan           Q4.12   UQ1.15  nearest-even   5  6 19
            plan           Q4.12   UQ1.15  floor          5  6 18
            plan           Q4.12   UQ1.15  nearest-away   5  6 19
            plan           Q8.8    Q2.14   nearest-even   5  6 16
            plan           Q8.8    Q2.14   floor          5  6 16
            plan           Q8.8    Q2.14   nearest-away   5  6 16
            plan           Q3.5    UQ1.7   nearest-even   5  4 11
            plan           Q3.5    UQ1.7   floor          5  4 11
            plan           Q3.5    UQ1.7   nearest-away   5  4 11
            plan           Q8.24   Q8.24   nearest-even   5  6 32
            plan           Q8.24   Q8.24   floor          5  6 32
            plan           Q8.24   Q8.24   nearest-away   5  6 32
            hls4ml         Q4.12   Q6.10   nearest-even   5  2 30
            hls4ml         Q4.12   Q6.10   floor          5  2 29
            hls4ml         Q4.12   Q6.10   nearest-away   5  2 30
            hls4ml         Q8.8    Q2.14   nearest-even   5  2 26
            hls4ml         Q8.8    Q2.14   floor          5  2 25
            hls4ml         Q8.8    Q2.14   nearest-away   5  2 26
            hls4ml         Q3.5    UQ1.7   nearest-even   5  2 23
            hls4ml         Q3.5    UQ1.7   floor          5  2 22
            hls4ml         Q3.5    UQ1.7   nearest-away   5  2 23
            hls4ml         Q8.24   Q8.24   nearest-even   5  2 42
            hls4ml         Q8.24   Q8.24   floor          5  2 41
            hls4ml         Q8.24   Q8.24   nearest-away   5  2 42
            """;

    @Test
    void presetCostsArePinned() {
        List<String> changed = new ArrayList<>();
        for (String line : COSTS.strip().split("\n")) {
            String[] f = line.trim().split("\\s+");
            Presets.Preset p = Presets.get(f[0]);
            Datapath d = DatapathPlanner.plan(new Config(p.function(), QFormat.parse(f[1]), QFormat.parse(f[2]),
                    RoundingMode.parse(f[3]), p.overflow(), 0).with(Implementation.SHIFT_ADD));
            String got = d.adders() + " " + d.comparators() + " " + d.maxWidth();
            String want = f[4] + " " + f[5] + " " + f[6];
            if (!got.equals(want)) {
                changed.add(f[0] + " " + f[1] + " -> " + f[2] + " " + f[3] + ": " + want + " became " + got);
            }
        }
        assertTrue(changed.isEmpty(), "datapath cost changed (adders comparators widest); if it is an improvement,"
                + " update COSTS:\n  " + String.join("\n  ", changed));
    }

    /** The reciprocal chosen has the fewest adders of all candidates, then the narrowest words. */
    @Test
    void theReciprocalWithTheFewestAddersWins() {
        for (int d = 3; d < 400; d += 2) {
            for (long nMax : new long[] {100, 65535, 1L << 24, 1L << 40}) {
                BigInteger bd = BigInteger.valueOf(d);
                BigInteger n = BigInteger.valueOf(nMax);
                ReciprocalPlan best = ReciprocalPlan.best(bd, n, NodeBuilder.MAX_INTERNAL_WIDTH).orElseThrow();
                for (ReciprocalPlan c : ReciprocalPlan.candidates(bd, n)) {
                    if (c.width() <= NodeBuilder.MAX_INTERNAL_WIDTH) {
                        assertTrue(c.adders() > best.adders() || c.adders() == best.adders() && c.width() >= best.width(),
                                "1/" + d + " up to " + nMax + ": " + c + " beats the chosen " + best);
                    }
                }
            }
        }
    }

    /** A plain reciprocal gives floor(N/D) or one less at the largest N, where its error is largest. */
    @Test
    void plainReciprocalsAreWithinOneBelow() {
        for (int d = 3; d < 200; d += 2) {
            BigInteger bd = BigInteger.valueOf(d);
            for (long nMax : new long[] {1000, 1 << 20}) {
                BigInteger n = BigInteger.valueOf(nMax);
                for (ReciprocalPlan c : ReciprocalPlan.candidates(bd, n)) {
                    if (c.family() == ReciprocalPlan.Family.PLAIN) {
                        BigInteger exact = n.divide(bd);
                        BigInteger approx = n.multiply(c.multiplier()).shiftRight(c.p());
                        assertTrue(approx.compareTo(exact) <= 0 && approx.compareTo(exact.subtract(BigInteger.ONE)) >= 0,
                                "1/" + d + ": " + c);
                    }
                }
            }
        }
    }

    @Test
    void orderOfTwoIsTheSmallestPowerThatIsOne() {
        for (int d = 3; d < 500; d += 2) {
            int e = 1;
            long r = 2 % d;
            while (r != 1 && e <= 62) {
                r = r * 2 % d;
                e++;
            }
            assertEquals(e > 62 ? 0 : e, ReciprocalPlan.orderOfTwo(BigInteger.valueOf(d)), "order of 2 mod " + d);
        }
    }

    /** A two-factor split is taken exactly when it saves adders, and it multiplies back to the constant. */
    @Test
    void factorSplitsSaveAddersOrAreNotTaken() {
        for (long c = 3; c < 5000; c += 2) {
            BigInteger bc = BigInteger.valueOf(c);
            int direct = Csd.nonzeroCount(bc) - 1;
            int best = direct;
            for (long f = 3; f * f <= c; f += 2) {
                if (c % f == 0) {
                    best = Math.min(best, Csd.nonzeroCount(BigInteger.valueOf(f)) - 1
                            + Csd.nonzeroCount(BigInteger.valueOf(c / f)) - 1);
                }
            }
            BigInteger[] split = ConstantMultiplier.bestSplit(bc);
            if (best < direct) {
                assertEquals(bc, split[0].multiply(split[1]), "split of " + c);
                assertEquals(best, Csd.nonzeroCount(split[0]) - 1 + Csd.nonzeroCount(split[1]) - 1,
                        "adders of the split of " + c);
            } else {
                assertEquals(null, split, "no split saves adders for " + c);
            }
        }
    }

    /** Exact values need no rounding mode; odd denominators have no ties, so no tie logic. */
    @Test
    void theCheapestEquivalentModeIsChosen() {
        Polynomial integer = Polynomial.line(Rational.of(3), Rational.of(-7));
        Polynomial thirds = Polynomial.line(Rational.of(1, 3), Rational.ZERO);
        Polynomial halves = Polynomial.line(Rational.of(1, 2), Rational.ZERO);
        for (RoundingMode m : RoundingMode.values()) {
            assertEquals(RoundingMode.FLOOR, Regions.canonical(m, integer));
            assertEquals(m.isNearest() ? RoundingMode.NEAREST_UP : m, Regions.canonical(m, thirds));
            assertEquals(m, Regions.canonical(m, halves));
        }
    }
}
