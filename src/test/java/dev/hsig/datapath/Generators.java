package dev.hsig.datapath;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for formats, functions and whole configurations. */
final class Generators {
    private Generators() {
    }

    static Arbitrary<QFormat> inputFormats() {
        return Arbitraries.integers().between(2, 24).flatMap(width -> Arbitraries.of(true, false).flatMap(
                signed -> Arbitraries.integers().between(0, width - (signed ? 1 : 0))
                        .map(frac -> new QFormat(signed, width, frac))));
    }

    static Arbitrary<QFormat> outputFormats() {
        return Arbitraries.integers().between(1, 24).flatMap(width -> Arbitraries.of(true, false).flatMap(
                signed -> Arbitraries.integers().between(Math.max(0, width - 4), width - (signed ? 1 : 0))
                        .map(frac -> new QFormat(signed, width, frac))));
    }

    static Arbitrary<Rational> positiveRationals() {
        return Combinators.combine(Arbitraries.integers().between(1, 60), Arbitraries.integers().between(1, 200))
                .as((p, q) -> Rational.of(p, q));
    }

    static Arbitrary<Rational> rationals() {
        return Combinators.combine(Arbitraries.integers().between(-150, 150), Arbitraries.integers().between(1, 100))
                .as((p, q) -> Rational.of(p, q));
    }

    static Arbitrary<HardSigmoid> functions() {
        Arbitrary<HardSigmoid> custom = Combinators.combine(positiveRationals(), rationals())
                .as(HardSigmoid::custom);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of(HardSigmoid.PRESETS)),
                net.jqwik.api.Tuple.of(1, custom));
    }

    static Arbitrary<Config> configs() {
        return Combinators.combine(functions(), inputFormats(), outputFormats(),
                Arbitraries.of(RoundingMode.class)).as(Config::of);
    }

    static Arbitrary<Config> approximateConfigs() {
        return Combinators.combine(functions(), inputFormats(), outputFormats(),
                Arbitraries.of(RoundingMode.class), Arbitraries.integers().between(1, 5)).as(Config::new);
    }

    /**
     * Inputs for one datapath: around the knees, rounding ties, the extremes, zero, and uniformly random ones.
     */
    static Arbitrary<Long> inputs(Datapath d) {
        QFormat in = d.config().input();
        Arbitrary<Long> uniform = Arbitraries.longs().between(in.minRaw(), in.maxRaw());
        Arbitrary<Long> knees = Arbitraries.of(d.linearLow(), d.linearHigh()).flatMap(
                k -> Arbitraries.longs().between(-3, 3).map(o -> clamp(in, k + o)));
        Arbitrary<Long> corners = Arbitraries.of(in.minRaw(), in.maxRaw(), clamp(in, 0), clamp(in, -1), clamp(in, 1));
        Arbitrary<Long> linear = d.linearLow() <= d.linearHigh()
                ? Arbitraries.longs().between(clamp(in, d.linearLow()), clamp(in, d.linearHigh())) : uniform;
        List<Long> ties = ties(d);
        Arbitrary<Long> tie = ties.isEmpty() ? linear : Arbitraries.of(ties);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, uniform), net.jqwik.api.Tuple.of(3, linear),
                net.jqwik.api.Tuple.of(2, knees), net.jqwik.api.Tuple.of(2, tie), net.jqwik.api.Tuple.of(1, corners));
    }

    /**
     * Up to 16 inputs of the linear region where the scaled exact result lies exactly half-way between two output
     * words (a rounding tie), found with exact rationals from the implemented function, not from the datapath.
     */
    static List<Long> ties(Datapath d) {
        QFormat in = d.config().input();
        QFormat out = d.config().output();
        Rational scale = d.implemented().alpha().scaleByPowerOfTwo(out.fraction() - in.fraction());
        Rational offset = d.implemented().beta().scaleByPowerOfTwo(out.fraction());
        List<Long> ties = new ArrayList<>();
        long from = Math.max(in.minRaw(), d.linearLow());
        long to = Math.min(in.maxRaw(), Math.min(d.linearHigh(), from + 4096));
        for (long x = from; x <= to && ties.size() < 16; x++) {
            Rational t = scale.multiply(x).add(offset);
            if (t.subtract(Rational.of(t.floor(), java.math.BigInteger.ONE)).equals(Rational.HALF)) {
                ties.add(x);
            }
        }
        return ties;
    }

    static long clamp(QFormat in, long x) {
        return Math.max(in.minRaw(), Math.min(in.maxRaw(), x));
    }
}
