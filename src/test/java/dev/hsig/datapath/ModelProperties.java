package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.ExactReference;
import dev.hsig.function.HardSigmoid;
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
 * The model against the exact rational specification and against floating point, over random formats, presets,
 * custom rationals and rounding modes. Inputs concentrate at the knees and in the linear region, where rounding
 * ties live; statistics show that all three regions are exercised.
 */
class ModelProperties {
    private static final int INPUTS_PER_CONFIG = 64;
    /** The double reference is itself rounded (0.2 is not a double): allow it this much, in output ulps. */
    private static final double DOUBLE_SLACK = 1e-6;

    record Case(Datapath datapath, List<Long> inputs) {
        @Override
        public String toString() {
            return datapath.config().options() + " inputs " + inputs;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Generators.configs().map(ModelProperties::planOrNull).filter(d -> d != null)
                .flatMap(d -> Generators.inputs(d).list().ofSize(INPUTS_PER_CONFIG).map(xs -> new Case(d, xs)));
    }

    @Provide
    Arbitrary<Case> approximateCases() {
        return Generators.approximateConfigs().map(ModelProperties::planOrNull).filter(d -> d != null)
                .flatMap(d -> Generators.inputs(d).list().ofSize(INPUTS_PER_CONFIG).map(xs -> new Case(d, xs)));
    }

    /** Large odd denominators with wide formats: the truncated reciprocal keeps these within 62-bit words. */
    @Provide
    Arbitrary<Case> wideCases() {
        Arbitrary<HardSigmoid> f = Combinators.combine(Arbitraries.integers().between(1, 99),
                Arbitraries.integers().between(201, 20000))
                .as((p, q) -> HardSigmoid.custom(Rational.of(p, q), Rational.of(1, 2).add(Rational.of(1, 3 * q))));
        Arbitrary<QFormat> in = Arbitraries.integers().between(20, 32).map(w -> new QFormat(true, w, w - w / 2));
        Arbitrary<QFormat> out = Arbitraries.integers().between(16, 32).map(w -> new QFormat(false, w, w - 1));
        return Combinators.combine(f, in, out, Arbitraries.of(RoundingMode.class)).as(Config::of)
                .map(ModelProperties::planOrNull).filter(d -> d != null)
                .flatMap(d -> Generators.inputs(d).list().ofSize(INPUTS_PER_CONFIG).map(xs -> new Case(d, xs)));
    }

    @Property(tries = 150)
    void largeDenominatorsAtWideFormatsAreExact(@ForAll("wideCases") Case c) {
        ExactReference spec = c.datapath.config().exactReference();
        for (long x : c.inputs) {
            assertEquals(spec.outputRaw(x), c.datapath.evaluate(x), describe(c.datapath, x));
        }
    }

    /** Wild rationals (up to 24 digits) never crash the planner: it plans exactly, or rejects with one message. */
    @Property(tries = 300)
    void wildRationalsPlanExactlyOrAreRejected(@ForAll("wildConfigs") Config c) {
        Datapath d;
        try {
            d = DatapathPlanner.plan(c);
        } catch (InvalidInputException rejected) {
            Statistics.label("planned").collect(false);
            Statistics.label("planned").coverage(k -> k.check(true).count(n -> n > 0));
            return;
        }
        Statistics.label("planned").collect(true);
        Statistics.label("planned").coverage(k -> k.check(true).count(n -> n > 0));
        ExactReference spec = c.exactReference();
        QFormat in = c.input();
        for (long x : new long[] {in.minRaw(), in.maxRaw(), Math.max(in.minRaw(), Math.min(in.maxRaw(), d.linearLow())),
            Math.max(in.minRaw(), Math.min(in.maxRaw(), d.linearHigh()))}) {
            assertEquals(spec.outputRaw(x), d.evaluate(x), describe(d, x));
        }
    }

    @Provide
    Arbitrary<Config> wildConfigs() {
        Arbitrary<java.math.BigInteger> big = Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(java.math.BigInteger.ONE, java.math.BigInteger.valueOf(1000)),
                Arbitraries.bigIntegers().between(java.math.BigInteger.ONE, java.math.BigInteger.TEN.pow(12)),
                Arbitraries.bigIntegers().between(java.math.BigInteger.ONE, java.math.BigInteger.TEN.pow(24)));
        Arbitrary<HardSigmoid> f = Combinators.combine(big, big, big, big, Arbitraries.of(1, -1))
                .as((a, b, c, e, sign) -> HardSigmoid.custom(Rational.of(a, b), Rational.of(c.multiply(
                        java.math.BigInteger.valueOf(sign)), e)));
        return Combinators.combine(f, Generators.inputFormats(), Generators.outputFormats(),
                Arbitraries.of(RoundingMode.class)).as(Config::of);
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
        ExactReference spec = c.datapath.config().exactReference();
        java.util.Set<Long> ties = new java.util.HashSet<>(Generators.ties(c.datapath));
        for (long x : c.inputs) {
            Statistics.label("region").collect(region(c.datapath, x));
            Statistics.label("tie").collect(ties.contains(x));
            long expected = spec.outputRaw(x);
            long got = c.datapath.evaluate(x);
            if (expected != got) {
                assertEquals(expected, got, describe(c.datapath, x));
            }
        }
        Statistics.label("region").coverage(k -> {
            k.check("below").count(n -> n > 0);
            k.check("linear").count(n -> n > 0);
            k.check("above").count(n -> n > 0);
        });
        Statistics.label("tie").coverage(k -> k.check(true).count(n -> n > 100));
    }

    @Property(tries = 300)
    void withinTheQuantizationBoundOfFloatingPoint(@ForAll("cases") Case c) {
        Config config = c.datapath.config();
        QFormat out = config.output();
        double alpha = config.function().alpha().toDouble();
        double beta = config.function().beta().toDouble();
        double bound = config.rounding().isNearest() ? 0.5 : 1.0;
        for (long x : c.inputs) {
            double xd = config.input().value(x).toDouble();
            double reference = Math.max(0, Math.min(1, alpha * xd + beta));
            reference = Math.min(reference, out.maxValue().toDouble());
            double y = out.value(c.datapath.evaluate(x)).toDouble();
            double errorUlps = Math.abs(y - reference) * Math.pow(2, out.fraction());
            boolean ok = config.rounding().isNearest() ? errorUlps <= bound + DOUBLE_SLACK
                    : errorUlps < bound + DOUBLE_SLACK;
            assertTrue(ok, "error " + errorUlps + " ulp > " + bound + ": " + describe(c.datapath, x));
        }
    }

    @Provide
    Arbitrary<Tuple2<Case, List<Double>>> realInputs() {
        return cases().flatMap(c -> {
            QFormat in = c.datapath.config().input();
            // A little beyond both ends too: the input quantizer saturates there.
            double lo = Math.floor(in.minValue().toDouble()) - 1;
            double hi = Math.ceil(in.maxValue().toDouble()) + 1;
            return Arbitraries.doubles().between(lo, hi).ofScale(12).list().ofSize(32).map(xs -> Tuple.of(c, xs));
        });
    }

    /** From a real input quantized to the input format, the bound grows by exactly alpha times the input error. */
    @Property(tries = 200)
    void endToEndFromARealInput(@ForAll("realInputs") Tuple2<Case, List<Double>> t) {
        Datapath d = t.get1().datapath;
        Config config = d.config();
        QFormat in = config.input();
        QFormat out = config.output();
        Rational roundingBound = config.rounding().isNearest() ? Rational.HALF : Rational.ONE;
        for (double xd : t.get2()) {
            Rational x = exact(xd);
            long xRaw = RoundingMode.NEAREST_EVEN.round(x.scaleByPowerOfTwo(in.fraction()))
                    .max(BigInteger.valueOf(in.minRaw())).min(BigInteger.valueOf(in.maxRaw())).longValueExact();
            Rational inputError = in.value(xRaw).subtract(x).abs();
            Rational exact = config.function().apply(x).min(out.maxValue());
            Rational error = out.value(d.evaluate(xRaw)).subtract(exact).abs().scaleByPowerOfTwo(out.fraction());
            Rational bound = roundingBound.add(config.function().alpha().multiply(inputError)
                    .scaleByPowerOfTwo(out.fraction()));
            int cmp = error.compareTo(bound);
            assertTrue(config.rounding().isNearest() ? cmp <= 0 : cmp < 0, "x=" + xd + " quantized to " + xRaw
                    + ": error " + error.toDouble() + " ulp exceeds " + bound.toDouble() + " for " + config.options());
        }
    }

    @Property(tries = 300)
    void monotonicAndSaturatedOutsideTheKnees(@ForAll("cases") Case c) {
        Datapath d = c.datapath;
        HardSigmoid f = d.config().function();
        QFormat in = d.config().input();
        QFormat out = d.config().output();
        long cap = Math.min(1L << out.fraction(), out.maxRaw());
        for (long x : c.inputs) {
            long y = d.evaluate(x);
            if (x < in.maxRaw()) {
                long next = d.evaluate(x + 1);
                assertTrue(next >= y, "not monotonic at " + describe(d, x) + ": next gives " + next);
            }
            Rational xv = in.value(x);
            if (xv.compareTo(f.lowerKnee()) < 0) {
                assertEquals(0, y, "below the lower knee " + f.lowerKnee() + ": " + describe(d, x));
            }
            if (xv.compareTo(f.upperKnee()) >= 0) {
                assertEquals(cap, y, "at or above the upper knee " + f.upperKnee() + ": " + describe(d, x));
            }
        }
    }

    /** With --terms K the datapath implements an approximate slope; its reported bound must hold on every input. */
    @Property(tries = 300)
    void reportedBoundHoldsForApproximations(@ForAll("approximateCases") Case c) {
        Datapath d = c.datapath;
        Config config = d.config();
        QFormat out = config.output();
        ExactReference implemented = new ExactReference(d.implemented(), config.input(), out, config.rounding());
        for (long x : c.inputs) {
            long y = d.evaluate(x);
            assertEquals(implemented.outputRaw(x), y, "the datapath must equal its implemented function: "
                    + describe(d, x));
            Rational exact = config.function().apply(config.input().value(x)).min(out.maxValue());
            Rational error = out.value(y).subtract(exact).scaleByPowerOfTwo(out.fraction());
            assertTrue(d.errorBound().admits(error), "error " + error + " ulp outside the reported bound "
                    + d.errorBound() + ": " + describe(d, x));
        }
    }

    private static Rational exact(double v) {
        java.math.BigDecimal b = new java.math.BigDecimal(v);
        return b.scale() > 0 ? Rational.of(b.unscaledValue(), BigInteger.TEN.pow(b.scale()))
                : Rational.of(b.toBigIntegerExact(), BigInteger.ONE);
    }

    static String region(Datapath d, long x) {
        return x < d.linearLow() ? "below" : x > d.linearHigh() ? "above" : "linear";
    }

    static String describe(Datapath d, long x) {
        QFormat in = d.config().input();
        return "x_raw=" + x + " (0x" + Long.toHexString(in.toBits(x)) + ", x=" + in.value(x).toDecimalString()
                + ") for " + d.config().options() + " [" + d.realization() + "]";
    }

}
