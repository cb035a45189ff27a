package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.model.ScalarModel;
import dev.hsig.spec.Activation;
import dev.hsig.spec.Config;
import dev.hsig.spec.ExactReference;
import dev.hsig.spec.Functions;
import dev.hsig.spec.Polynomial;
import dev.hsig.spec.Shape;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The model against the exact rational specification and against floating point, over random formats, every
 * kind of function (presets, custom lines with random lo and hi, random continuous knot lists), rounding and
 * overflow modes. Inputs concentrate at region edges and rounding ties; statistics show that constant pieces,
 * computed pieces, saturation and ties are all exercised.
 */
class ModelProperties {
    private static final int INPUTS_PER_CONFIG = 64;
    /** The double reference is itself rounded (0.2 is not a double): allow it this much, in output ulps. */
    private static final double DOUBLE_SLACK = 1e-6;

    record Case(Datapath datapath, ScalarModel model, List<Long> inputs) {
        @Override
        public String toString() {
            return datapath.config().options() + " inputs " + inputs;
        }
    }

    static Arbitrary<Case> casesOf(Arbitrary<Config> configs) {
        return configs.map(ModelProperties::planOrNull).filter(d -> d != null)
                .flatMap(d -> Generators.inputs(d).list().ofSize(INPUTS_PER_CONFIG)
                        .map(xs -> new Case(d, new ScalarModel(d), xs)));
    }

    @Provide
    Arbitrary<Case> cases() {
        return casesOf(Generators.configs());
    }

    @Provide
    Arbitrary<Case> approximateCases() {
        return casesOf(Generators.approximateConfigs());
    }

    /** Large odd denominators with wide formats: the truncated reciprocal keeps these within 62-bit words. */
    @Provide
    Arbitrary<Case> wideCases() {
        Arbitrary<Activation> f = Combinators.combine(Arbitraries.integers().between(1, 99),
                Arbitraries.integers().between(201, 20000))
                .as((p, q) -> Functions.custom(Rational.of(p, q), Rational.HALF.add(Rational.of(1, 3L * q)),
                        Rational.ZERO, Rational.ONE));
        Arbitrary<QFormat> in = Arbitraries.integers().between(20, 32).map(w -> new QFormat(true, w, w - w / 2));
        Arbitrary<QFormat> out = Arbitraries.integers().between(16, 32).map(w -> new QFormat(false, w, w - 1));
        return casesOf(Combinators.combine(f, in, out, Arbitraries.of(RoundingMode.class)).as(Config::of));
    }

    static Datapath planOrNull(Config c) {
        try {
            return DatapathPlanner.plan(c);
        } catch (InvalidInputException tooWide) {
            return null; // documented limit: internal words over 62 bits
        }
    }

    @Property(tries = 1000)
    @StatisticsReport(format = net.jqwik.api.statistics.Histogram.class)
    void modelEqualsTheExactSpecification(@ForAll("cases") Case c) {
        Config config = c.datapath.config();
        ExactReference spec = config.exactReference();
        java.util.Set<Long> ties = new java.util.HashSet<>(Generators.ties(config, config.function()));
        for (long x : c.inputs) {
            Statistics.label("piece").collect(pieceKind(config, x));
            Statistics.label("tie").collect(ties.contains(x));
            long expected = spec.outputRaw(x);
            long got = c.model.evaluate(x);
            if (expected != got) {
                assertEquals(expected, got, describe(c.datapath, x));
            }
            assertTrue(c.datapath.errorBound().admits(error(config, x, got)), "error beyond the proven bound "
                    + c.datapath.errorBound() + ": " + describe(c.datapath, x));
        }
        Statistics.label("piece").coverage(k -> {
            k.check("constant piece").count(n -> n > 0);
            k.check("computed piece").count(n -> n > 0);
            k.check("out of range").count(n -> n > 0);
        });
        Statistics.label("tie").coverage(k -> k.check(true).count(n -> n > 100));
    }

    /** What the spec says at x: a constant piece, a piece with a slope, or a value outside the output range. */
    static String pieceKind(Config c, long x) {
        QFormat out = c.output();
        BigInteger rounded = c.rounding().round(c.function().at(c.input().value(x)).scaleByPowerOfTwo(out.fraction()));
        if (rounded.compareTo(BigInteger.valueOf(out.maxRaw())) > 0 || rounded.compareTo(BigInteger.valueOf(out.minRaw())) < 0) {
            return "out of range";
        }
        Shape s = c.function().shape();
        return s.pieces().get(s.pieceAt(c.input().value(x))).degree() == 0 ? "constant piece" : "computed piece";
    }

    @Property(tries = 150)
    void largeDenominatorsAtWideFormatsAreExact(@ForAll("wideCases") Case c) {
        ExactReference spec = c.datapath.config().exactReference();
        for (long x : c.inputs) {
            assertEquals(spec.outputRaw(x), c.model.evaluate(x), describe(c.datapath, x));
        }
    }

    /** Wild rationals (up to 24 digits) never crash the planner: it plans exactly, or rejects with one message. */
    @Property(tries = 300)
    void wildRationalsPlanExactlyOrAreRejected(@ForAll("wildConfigs") Config c) {
        Datapath d;
        try {
            d = DatapathPlanner.plan(c);
        } catch (InvalidInputException rejected) {
            assertTrue(rejected.getMessage().contains("wider than 62 bits"), rejected.getMessage());
            Statistics.label("planned").collect(false);
            Statistics.label("planned").coverage(k -> k.check(true).count(n -> n > 0));
            return;
        }
        Statistics.label("planned").collect(true);
        Statistics.label("planned").coverage(k -> k.check(true).count(n -> n > 0));
        ExactReference spec = c.exactReference();
        ScalarModel model = new ScalarModel(d);
        QFormat in = c.input();
        for (Region r : d.regions().regions()) {
            for (long x : new long[] {r.from(), r.to(), r.from() / 2 + r.to() / 2}) {
                assertEquals(spec.outputRaw(x), model.evaluate(x), describe(d, x));
            }
        }
        assertEquals(spec.outputRaw(in.minRaw()), model.evaluate(in.minRaw()));
    }

    @Provide
    Arbitrary<Config> wildConfigs() {
        Arbitrary<BigInteger> big = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(1000)),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(12)),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(24)));
        Arbitrary<Activation> f = Combinators.combine(big, big, big, big, Arbitraries.of(1, -1))
                .as((a, b, c, e, sign) -> Functions.custom(Rational.of(a, b), Rational.of(c.multiply(
                        BigInteger.valueOf(sign)), e), Rational.ZERO, Rational.ONE));
        return Combinators.combine(f, Generators.inputFormats(), Generators.outputFormats(),
                Arbitraries.of(RoundingMode.class)).as(Config::of);
    }

    /**
     * Where f(x) is representable, the output is within 1/2 ulp (nearest modes) or below 1 ulp (directed) of f
     * computed in doubles from the pieces; where it is not, the output is the nearest end of the range.
     */
    @Property(tries = 300)
    void withinTheQuantizationBoundOfFloatingPoint(@ForAll("cases") Case c) {
        Config config = c.datapath.config();
        if (config.overflow() == Overflow.WRAP) {
            return;
        }
        QFormat out = config.output();
        double bound = config.rounding().isNearest() ? 0.5 : 1.0;
        for (long x : c.inputs) {
            double xd = config.input().value(x).toDouble();
            double reference = inDoubles(config.function().shape(), xd) * Math.pow(2, out.fraction());
            reference = Math.max(out.minRaw(), Math.min(out.maxRaw(), reference));
            double y = c.model.evaluate(x);
            double errorUlps = Math.abs(y - reference);
            boolean ok = config.rounding().isNearest() ? errorUlps <= bound + DOUBLE_SLACK : errorUlps < bound + DOUBLE_SLACK;
            assertTrue(ok, "error " + errorUlps + " ulp > " + bound + ": " + describe(c.datapath, x));
        }
    }

    /** The function evaluated in doubles, a piece found by comparing with the breakpoints as doubles. */
    static double inDoubles(Shape s, double x) {
        int piece = s.pieceAt(exact(x));
        Polynomial p = s.pieces().get(piece);
        return p.c0().toDouble() + x * (p.c1().toDouble() + x * p.c2().toDouble());
    }

    @Provide
    Arbitrary<Tuple2<Case, List<Double>>> realInputs() {
        return cases().filter(c -> lipschitz(c.datapath.config().function().shape()) != null
                && c.datapath.config().overflow() == Overflow.SATURATE).flatMap(c -> {
                    QFormat in = c.datapath.config().input();
                    // A little beyond both ends too: the input quantizer saturates there.
                    double lo = Math.floor(in.minValue().toDouble()) - 1;
                    double hi = Math.ceil(in.maxValue().toDouble()) + 1;
                    return Arbitraries.doubles().between(lo, hi).ofScale(12).list().ofSize(32).map(xs -> Tuple.of(c, xs));
                });
    }

    /**
     * From a real input quantized to the input format, the bound grows by at most the function's steepest slope
     * times the input error (for continuous functions; saturation only moves the output towards f).
     */
    @Property(tries = 200)
    void endToEndFromARealInput(@ForAll("realInputs") Tuple2<Case, List<Double>> t) {
        Datapath d = t.get1().datapath;
        Config config = d.config();
        QFormat in = config.input();
        QFormat out = config.output();
        Rational slope = lipschitz(config.function().shape());
        for (double xd : t.get2()) {
            Rational x = exact(xd);
            long xRaw = RoundingMode.NEAREST_EVEN.round(x.scaleByPowerOfTwo(in.fraction()))
                    .max(BigInteger.valueOf(in.minRaw())).min(BigInteger.valueOf(in.maxRaw())).longValueExact();
            Rational inputError = in.value(xRaw).subtract(x).abs();
            Rational exact = config.function().at(x).scaleByPowerOfTwo(out.fraction())
                    .max(Rational.of(out.minRaw())).min(Rational.of(out.maxRaw()));
            Rational error = Rational.of(t.get1().model.evaluate(xRaw)).subtract(exact).abs();
            Rational bound = d.errorBound().representable().add(slope.multiply(inputError)
                    .scaleByPowerOfTwo(out.fraction()));
            assertTrue(error.compareTo(bound) <= 0, "x=" + xd + " quantized to " + xRaw + ": error " + error.toDouble()
                    + " ulp exceeds " + bound.toDouble() + " for " + config.options());
        }
    }

    /** The steepest slope of a continuous function whose quadratic pieces are bounded, else null. */
    static Rational lipschitz(Shape s) {
        if (!s.continuous()) {
            return null;
        }
        Rational worst = Rational.ZERO;
        for (int i = 0; i < s.pieces().size(); i++) {
            Polynomial p = s.pieces().get(i);
            if (p.degree() == 2) {
                if (i == 0 || i == s.breakpoints().size()) {
                    return null;
                }
                for (Rational x : new Rational[] {s.breakpoints().get(i - 1).x(), s.breakpoints().get(i).x()}) {
                    worst = worst.max(p.c1().add(p.c2().multiply(x).multiply(2)).abs());
                }
            } else {
                worst = worst.max(p.c1().abs());
            }
        }
        return worst;
    }

    /** Nondecreasing functions give nondecreasing outputs; outside the range the output is at its end. */
    @Property(tries = 300)
    void monotonicWhereTheFunctionIsAndSaturatedAsTheSpecSays(@ForAll("cases") Case c) {
        Datapath d = c.datapath;
        Config config = d.config();
        if (config.overflow() == Overflow.WRAP) {
            return;
        }
        QFormat in = config.input();
        QFormat out = config.output();
        boolean rising = config.function().shape().nondecreasing();
        for (long x : c.inputs) {
            long y = c.model.evaluate(x);
            if (rising && x < in.maxRaw()) {
                long next = c.model.evaluate(x + 1);
                assertTrue(next >= y, "not monotonic at " + describe(d, x) + ": next gives " + next);
            }
            Rational t = config.function().at(in.value(x)).scaleByPowerOfTwo(out.fraction());
            if (t.compareTo(Rational.of(out.maxRaw()).add(Rational.ONE)) >= 0) {
                assertEquals(out.maxRaw(), y, "f(x) far above the output range: " + describe(d, x));
            }
            if (t.compareTo(Rational.of(out.minRaw()).subtract(Rational.ONE)) <= 0) {
                assertEquals(out.minRaw(), y, "f(x) far below the output range: " + describe(d, x));
            }
        }
    }

    /** With --terms K the datapath implements an approximate slope; its reported bound must hold on every input. */
    @Property(tries = 300)
    void reportedBoundHoldsForApproximations(@ForAll("approximateCases") Case c) {
        Datapath d = c.datapath;
        Config config = d.config();
        ExactReference implemented = new ExactReference(d.implemented(), config.input(), config.output(),
                config.rounding(), config.overflow());
        for (long x : c.inputs) {
            long y = c.model.evaluate(x);
            assertEquals(implemented.outputRaw(x), y, "the datapath must equal its implemented function: "
                    + describe(d, x));
            Rational error = error(config, x, y);
            assertTrue(d.errorBound().admits(error), "error " + error + " ulp outside the reported bound "
                    + d.errorBound() + ": " + describe(d, x));
        }
    }

    /** |y - f(x)| in output ulps against the exact requested function. */
    static Rational error(Config c, long x, long y) {
        return Rational.of(y).subtract(c.function().at(c.input().value(x)).scaleByPowerOfTwo(c.output().fraction()));
    }

    static Rational exact(double v) {
        java.math.BigDecimal b = new java.math.BigDecimal(v);
        return b.scale() > 0 ? Rational.of(b.unscaledValue(), BigInteger.TEN.pow(b.scale()))
                : Rational.of(b.toBigIntegerExact(), BigInteger.ONE);
    }

    static String describe(Datapath d, long x) {
        QFormat in = d.config().input();
        return "x_raw=" + x + " (0x" + Long.toHexString(in.toBits(x)) + ", x=" + in.value(x).toDecimalString()
                + ") for " + d.config().options() + " [" + String.join("; ", d.realization()) + "]";
    }
}
