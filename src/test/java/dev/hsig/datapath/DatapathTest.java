package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.model.ScalarModel;
import dev.hsig.spec.Config;
import dev.hsig.spec.ExactReference;
import dev.hsig.spec.Functions;
import dev.hsig.spec.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatapathTest {
    static final QFormat Q4_12 = QFormat.parse("Q4.12");
    static final QFormat UQ1_15 = QFormat.parse("UQ1.15");

    static Config preset(String name, String in, String out, RoundingMode m) {
        Presets.Preset p = Presets.get(name);
        return new Config(p.function(), QFormat.parse(in), out == null ? p.output() : QFormat.parse(out), m,
                p.overflow(), 0);
    }

    @Test
    void theIssueExampleRoundsToTheNearest() {
        Datapath d = DatapathPlanner.plan(preset("keras", "Q4.12", "UQ1.15", RoundingMode.NEAREST_EVEN));
        // 0.7 * 2^15 = 22937.6 rounds to 22938.
        assertEquals(22938, new ScalarModel(d).evaluate(4096));
    }

    /** A datapath that is off by one in a single table entry must be caught by the exhaustive comparison. */
    @Test
    void anOffByOneDatapathIsCaught() {
        Config c = preset("keras", "Q4.12", "UQ1.15", RoundingMode.NEAREST_EVEN);
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
        Datapath bad = good.withNodes(nodes);
        assertTrue(mismatches(bad, c.exactReference()) > 0, "the corrupted datapath went unnoticed");
        assertEquals(0, mismatches(good, c.exactReference()));
    }

    /** Large odd denominators use the table-free path (quotient, remainder flags, rounding logic). */
    @ParameterizedTest
    @EnumSource(RoundingMode.class)
    void largeDenominatorsAreExactOnEveryInput(RoundingMode m) {
        Config c = Config.of(Functions.custom(Rational.parse("3/1000"), Rational.parse("0.45"), Rational.ZERO,
                Rational.ONE), QFormat.parse("Q9.5"), QFormat.parse("UQ1.10"), m);
        Datapath d = DatapathPlanner.plan(c);
        assertEquals(0, mismatches(d, c.exactReference()), d.realization().toString());
    }

    /** A decreasing line crossing zero, signed output, every mode: the sign split and the lifted numerator. */
    @ParameterizedTest
    @EnumSource(RoundingMode.class)
    void decreasingLinesThroughZeroAreExactOnEveryInput(RoundingMode m) {
        Config c = Config.of(Functions.custom(Rational.parse("-5/7"), Rational.parse("1/3"), Rational.of(-3),
                Rational.of(2)), QFormat.parse("Q4.6"), QFormat.parse("Q3.7"), m);
        Datapath d = DatapathPlanner.plan(c);
        assertEquals(0, mismatches(d, c.exactReference()), d.realization().toString());
    }

    /** More input fraction bits than output ones: the division result itself is rounded (k > 0). */
    @ParameterizedTest
    @EnumSource(RoundingMode.class)
    void moreInputThanOutputFractionBits(RoundingMode m) {
        for (String f : new String[] {"keras", "pytorch", "hard-swish", "plan"}) {
            Config c = preset(f, "Q4.12", "Q2.7", m);
            Datapath d = DatapathPlanner.plan(c);
            assertEquals(0, mismatches(d, c.exactReference()), d.realization().toString());
        }
    }

    /** 32-bit words: seeded random inputs plus every region edge. */
    @ParameterizedTest
    @EnumSource(RoundingMode.class)
    void thirtyTwoBitFormats(RoundingMode m) {
        for (Presets.Preset p : Presets.ALL) {
            Config c = new Config(p.function(), QFormat.parse("Q8.24"), QFormat.parse(p.output().signed() ? "Q8.24"
                    : "UQ1.31"), m, p.overflow(), 0);
            Datapath d = DatapathPlanner.plan(c);
            ExactReference spec = c.exactReference();
            ScalarModel model = new ScalarModel(d);
            SplittableRandom r = new SplittableRandom(42);
            List<Long> xs = new ArrayList<>();
            for (Region region : d.regions().regions()) {
                xs.add(region.from());
                xs.add(region.to());
            }
            for (int i = 0; i < 2000; i++) {
                xs.add(c.input().minRaw() + r.nextLong(c.input().count()));
            }
            for (long x : xs) {
                assertEquals(spec.outputRaw(x), model.evaluate(x), p.name() + " " + m + " x_raw=" + x);
            }
        }
    }

    /** Hard-swish squares its input: beyond this many input fraction bits its product outgrows 62-bit words. */
    static final int HARD_SWISH_MAX_FRACTION = 26;

    /**
     * The README's promise: every preset plans at every supported input format (both signednesses, widths 1 to
     * 32, every fraction; hard-swish up to 26 fraction bits, and beyond that it is refused with the word limit's
     * message or plans) for outputs from 1 to 32 bits, and is exact at every region edge.
     */
    @Test
    void everyPresetFitsEveryInputFormat() {
        QFormat[] outs = {QFormat.parse("UQ1.15"), QFormat.parse("UQ0.32"), QFormat.parse("Q32.0"), QFormat.parse("Q1.0"),
            QFormat.parse("Q2.30"), QFormat.parse("UQ32.0"), QFormat.parse("Q4.12")};
        int planned = 0;
        for (boolean signed : new boolean[] {true, false}) {
            for (int w = 1; w <= 32; w++) {
                for (int f = 0; f <= w - (signed ? 1 : 0); f++) {
                    QFormat in = new QFormat(signed, w, f);
                    for (Presets.Preset p : Presets.ALL) {
                        QFormat out = outs[planned % outs.length];
                        RoundingMode m = RoundingMode.values()[planned % 8];
                        Config c = new Config(p.function(), in, out, m, p.overflow(), 0);
                        planned++;
                        Datapath d;
                        try {
                            d = DatapathPlanner.plan(c);
                        } catch (dev.hsig.InvalidInputException e) {
                            assertTrue(p.name().equals("hard-swish") && f > HARD_SWISH_MAX_FRACTION
                                    && e.getMessage().contains("wider than 62 bits"), c.options() + ": " + e.getMessage());
                            continue;
                        }
                        ExactReference spec = c.exactReference();
                        ScalarModel model = new ScalarModel(d);
                        for (Region r : d.regions().regions()) {
                            for (long x : new long[] {r.from(), r.to()}) {
                                assertEquals(spec.outputRaw(x), model.evaluate(x), c.options() + " x=" + x);
                            }
                        }
                    }
                }
            }
        }
        // Signed formats of width w have w choices of fraction (528 in all), unsigned ones w + 1 (560).
        assertEquals((528 + 560) * Presets.ALL.size(), planned, "formats covered");
    }

    static int mismatches(Datapath d, ExactReference spec) {
        int bad = 0;
        ScalarModel model = new ScalarModel(d);
        QFormat in = d.config().input();
        for (long x = in.minRaw(); x <= in.maxRaw(); x++) {
            if (spec.outputRaw(x) != model.evaluate(x)) {
                bad++;
            }
        }
        return bad;
    }
}
