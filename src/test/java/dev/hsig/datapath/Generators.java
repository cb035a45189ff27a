package dev.hsig.datapath;

import dev.hsig.area.Implementation;
import dev.hsig.area.Target;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Activation;
import dev.hsig.spec.Config;
import dev.hsig.spec.Functions;
import dev.hsig.spec.Polynomial;
import dev.hsig.spec.Presets;
import dev.hsig.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators for formats, functions of the whole family and whole configurations. */
public final class Generators {
    private Generators() {
    }

    public static Arbitrary<QFormat> inputFormats() {
        return Arbitraries.integers().between(2, 24).flatMap(width -> Arbitraries.of(true, false).flatMap(
                signed -> Arbitraries.integers().between(0, width - (signed ? 1 : 0))
                        .map(frac -> new QFormat(signed, width, frac))));
    }

    public static Arbitrary<QFormat> outputFormats() {
        return Arbitraries.integers().between(1, 24).flatMap(width -> Arbitraries.of(true, false).flatMap(
                signed -> Arbitraries.integers().between(Math.max(0, width - 5), width - (signed ? 1 : 0))
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

    /** clip(A*x + B, L, H) with A of either sign and random L &lt; H (half the time the hard sigmoid's 0 and 1). */
    static Arbitrary<Activation> customLines() {
        Arbitrary<Rational[]> bounds = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(new Rational[] {Rational.ZERO, Rational.ONE})),
                Tuple.of(1, Combinators.combine(rationals(), positiveRationals()).as((lo, width) ->
                        new Rational[] {lo, lo.add(width)})));
        return Combinators.combine(positiveRationals(), Arbitraries.of(1, 1, -1), rationals(), bounds)
                .as((a, sign, b, lh) -> Functions.custom(a.multiply(sign), b, lh[0], lh[1]));
    }

    /** Continuous piecewise-linear functions through 2 to 6 random knots. */
    static Arbitrary<Activation> pwls() {
        return Arbitraries.integers().between(2, 6).flatMap(n -> Combinators.combine(
                rationals().list().ofSize(n), positiveRationals().list().ofSize(n - 1)).as((ys, steps) -> {
                    StringBuilder s = new StringBuilder();
                    Rational x = Rational.of(-3);
                    for (int i = 0; i < n; i++) {
                        s.append(i == 0 ? "" : ",").append(x).append(':').append(ys.get(i));
                        if (i < n - 1) {
                            x = x.add(steps.get(i));
                        }
                    }
                    return Functions.pwl(s.toString());
                }));
    }

    public static Arbitrary<Activation> functions() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(Presets.ALL).map(Presets.Preset::function)),
                Tuple.of(2, customLines()),
                Tuple.of(1, pwls()));
    }

    static Arbitrary<Overflow> overflows() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Overflow.SATURATE)),
                Tuple.of(1, Arbitraries.just(Overflow.WRAP)));
    }

    /**
     * Every build: shift-add and table explicitly (a table only where one is allowed, shift-add elsewhere), and
     * auto, so that neither hides behind auto's choice at the widths where it would not be chosen.
     */
    public static Arbitrary<Config> configs() {
        return Combinators.combine(functions(), inputFormats(), outputFormats(), Arbitraries.of(RoundingMode.class),
                overflows(), Arbitraries.of(Implementation.class)).as((f, in, out, m, o, i) -> new Config(f, in, out, m,
                        o, 0, allowed(i, in), Target.DEFAULT));
    }

    static Implementation allowed(Implementation i, QFormat in) {
        return i == Implementation.TABLE && in.width() > Implementation.MAX_TABLE_INPUT_BITS ? Implementation.SHIFT_ADD
                : i;
    }

    static Arbitrary<Config> approximateConfigs() {
        Arbitrary<Activation> lines = Arbitraries.oneOf(customLines(),
                Arbitraries.of(Presets.ALL).map(Presets.Preset::function).filter(f -> f.line().isPresent()));
        return Combinators.combine(lines, inputFormats(), outputFormats(), Arbitraries.of(RoundingMode.class),
                Arbitraries.integers().between(1, 5)).as((f, in, out, m, k) -> new Config(f, in, out, m,
                        Overflow.SATURATE, k));
    }

    /**
     * Inputs for one configuration: around the breakpoints and region edges, rounding ties, the extremes, zero,
     * inside computed regions, and uniformly random ones.
     */
    public static Arbitrary<Long> inputs(Datapath d) {
        QFormat in = d.config().input();
        Arbitrary<Long> uniform = Arbitraries.longs().between(in.minRaw(), in.maxRaw());
        List<Long> edges = new ArrayList<>();
        for (Region r : d.regions().regions()) {
            edges.add(r.from());
            edges.add(r.to());
        }
        Arbitrary<Long> near = Arbitraries.of(edges).flatMap(k -> Arbitraries.longs().between(-3, 3)
                .map(o -> clamp(in, k + o)));
        Arbitrary<Long> corners = Arbitraries.of(in.minRaw(), in.maxRaw(), clamp(in, 0), clamp(in, -1), clamp(in, 1));
        List<Region> computed = d.regions().regions().stream().filter(r -> r.value() instanceof Region.Computed).toList();
        Arbitrary<Long> inside = computed.isEmpty() ? uniform : Arbitraries.of(computed)
                .flatMap(r -> Arbitraries.longs().between(r.from(), r.to()));
        List<Long> ties = ties(d.config(), d.implemented());
        Arbitrary<Long> tie = ties.isEmpty() ? inside : Arbitraries.of(ties);
        return Arbitraries.frequencyOf(Tuple.of(3, uniform), Tuple.of(3, inside), Tuple.of(2, near),
                Tuple.of(2, tie), Tuple.of(1, corners));
    }

    /**
     * Up to 16 inputs where the scaled exact result lies exactly half-way between two output words (a rounding
     * tie), found with exact rationals from the function's pieces, not from the datapath.
     */
    public static List<Long> ties(Config c, Activation f) {
        QFormat in = c.input();
        Shape shape = f.shape();
        List<Long> ties = new ArrayList<>();
        for (int i = 0; i < shape.pieces().size() && ties.size() < 16; i++) {
            long[] range = shape.rawRange(i, in);
            Polynomial p = shape.pieces().get(i);
            if (p.degree() == 0) {
                continue;
            }
            for (long x = range[0]; x <= Math.min(range[1], range[0] + 4096) && ties.size() < 16; x++) {
                Rational t = p.at(in.value(x)).scaleByPowerOfTwo(c.output().fraction());
                if (t.subtract(Rational.of(t.floor())).equals(Rational.HALF)) {
                    ties.add(x);
                }
            }
        }
        return ties;
    }

    public static long clamp(QFormat in, long x) {
        return Math.max(in.minRaw(), Math.min(in.maxRaw(), x));
    }
}
