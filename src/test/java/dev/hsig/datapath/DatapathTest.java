package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.ExactReference;
import dev.hsig.function.HardSigmoid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatapathTest {
    static final QFormat Q4_12 = QFormat.parse("Q4.12");
    static final QFormat UQ1_15 = QFormat.parse("UQ1.15");

    /** Regression guard: the preset datapaths at Q4.12 -> UQ1.15 never need more adders than this. */
    static final Map<String, Integer> MAX_ADDERS = Map.of("keras", 7, "pytorch", 7, "courbariaux", 1, "quarter", 1,
            "qkeras-smooth", 2);

    @Test
    void presetAdderCountsNeverGrow() {
        for (HardSigmoid f : HardSigmoid.PRESETS) {
            for (RoundingMode m : RoundingMode.values()) {
                Datapath d = DatapathPlanner.plan(Config.of(f, Q4_12, UQ1_15, m));
                assertTrue(d.adders() <= MAX_ADDERS.get(f.name()), f.name() + " " + m + " needs " + d.adders()
                        + " adders: " + d.realization());
            }
        }
    }

    @Test
    void theIssueExampleRoundsToTheNearest() {
        Datapath d = DatapathPlanner.plan(Config.of(HardSigmoid.preset("keras"), Q4_12, UQ1_15, RoundingMode.NEAREST_EVEN));
        // 0.7 * 2^15 = 22937.6 rounds to 22938.
        assertEquals(22938, d.evaluate(4096));
    }

    /** A datapath that is off by one in a single table entry must be caught by the exhaustive comparison. */
    @Test
    void anOffByOneDatapathIsCaught() {
        Config c = Config.of(HardSigmoid.preset("keras"), Q4_12, UQ1_15, RoundingMode.NEAREST_EVEN);
        Datapath good = DatapathPlanner.plan(c);
        List<Node> nodes = new ArrayList<>(good.nodes());
        int table = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof Node.Table) {
                table = i;
            }
        }
        Node.Table t = (Node.Table) nodes.get(table);
        List<Long> entries = new ArrayList<>(t.entries());
        entries.set(3, entries.get(3) + 1);
        nodes.set(table, new Node.Table(t.name(), t.width(), t.index(), entries, t.comment()));
        Datapath bad = new Datapath(c, good.implemented(), nodes, good.linearLow(), good.linearHigh(),
                good.realization(), good.errorBound());
        assertTrue(mismatches(bad, c.exactReference()) > 0, "the corrupted datapath went unnoticed");
        assertEquals(0, mismatches(good, c.exactReference()));
    }

    /** Large odd denominators use the table-free path (quotient, remainder flags, rounding logic). */
    @ParameterizedTest
    @EnumSource(RoundingMode.class)
    void largeDenominatorsAreExactOnEveryInput(RoundingMode m) {
        Config c = Config.of(HardSigmoid.custom(Rational.parse("3/1000"), Rational.parse("0.45")),
                QFormat.parse("Q9.5"), QFormat.parse("UQ1.10"), m);
        Datapath d = DatapathPlanner.plan(c);
        assertEquals(0, mismatches(d, c.exactReference()), d.realization());
    }

    /** More input fraction bits than output ones: the division result itself is rounded (k > 0). */
    @ParameterizedTest
    @EnumSource(RoundingMode.class)
    void moreInputThanOutputFractionBits(RoundingMode m) {
        for (String f : new String[] {"keras", "pytorch"}) {
            Config c = Config.of(HardSigmoid.preset(f), Q4_12, QFormat.parse("UQ1.7"), m);
            Datapath d = DatapathPlanner.plan(c);
            assertEquals(0, mismatches(d, c.exactReference()), d.realization());
        }
    }

    /** 32-bit words: seeded random inputs plus the knees. */
    @ParameterizedTest
    @EnumSource(RoundingMode.class)
    void thirtyTwoBitFormats(RoundingMode m) {
        for (HardSigmoid f : HardSigmoid.PRESETS) {
            Config c = Config.of(f, QFormat.parse("Q8.24"), QFormat.parse("UQ1.31"), m);
            Datapath d = DatapathPlanner.plan(c);
            ExactReference spec = c.exactReference();
            SplittableRandom r = new SplittableRandom(42);
            for (int i = 0; i < 3000; i++) {
                long x = i < 20 ? clamp(c.input(), (i < 10 ? d.linearLow() : d.linearHigh()) + i % 10 - 5)
                        : c.input().minRaw() + r.nextLong(c.input().count());
                assertEquals(spec.outputRaw(x), d.evaluate(x), f.name() + " " + m + " x_raw=" + x);
            }
        }
    }

    /**
     * The README's promise: every preset plans at every supported input format (both signednesses, widths 1 to
     * 32, every fraction) for outputs from 1 to 32 bits, and is exact at the extremes, the knee and the middle.
     */
    @Test
    void everyPresetFitsEveryInputFormat() {
        QFormat[] outs = {QFormat.parse("UQ1.15"), QFormat.parse("UQ0.32"), QFormat.parse("Q32.0"), QFormat.parse("Q1.0"),
            QFormat.parse("Q2.30"), QFormat.parse("UQ32.0")};
        int planned = 0;
        for (boolean signed : new boolean[] {true, false}) {
            for (int w = 1; w <= 32; w++) {
                for (int f = 0; f <= w - (signed ? 1 : 0); f++) {
                    QFormat in = new QFormat(signed, w, f);
                    for (HardSigmoid fn : HardSigmoid.PRESETS) {
                        QFormat out = outs[planned % outs.length];
                        RoundingMode m = RoundingMode.values()[planned % 8];
                        Datapath d = DatapathPlanner.plan(Config.of(fn, in, out, m));
                        ExactReference spec = d.config().exactReference();
                        long knee = clamp(in, d.linearLow());
                        for (long x : new long[] {in.minRaw(), in.maxRaw(), knee, in.minRaw() / 2 + in.maxRaw() / 2}) {
                            assertEquals(spec.outputRaw(x), d.evaluate(x), d.config().options() + " x=" + x);
                        }
                        planned++;
                    }
                }
            }
        }
        // Signed formats of width w have w choices of fraction (528 in all), unsigned ones w + 1 (560).
        assertEquals((528 + 560) * HardSigmoid.PRESETS.size(), planned, "formats covered");
    }

    private static long clamp(QFormat in, long x) {
        return Math.max(in.minRaw(), Math.min(in.maxRaw(), x));
    }

    static int mismatches(Datapath d, ExactReference spec) {
        int bad = 0;
        QFormat in = d.config().input();
        for (long x = in.minRaw(); x <= in.maxRaw(); x++) {
            if (spec.outputRaw(x) != d.evaluate(x)) {
                bad++;
            }
        }
        return bad;
    }
}
