package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;
import dev.hsig.function.IntegerReference;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The batch model is bit-identical to the scalar model; the integer reference equals the rational one. */
class BatchModelProperties {
    record Case(Datapath datapath, List<Long> inputs) {
        @Override
        public String toString() {
            return datapath.config().options() + " " + inputs.size() + " inputs";
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return net.jqwik.api.Arbitraries.oneOf(Generators.configs(), Generators.approximateConfigs())
                .map(ModelProperties::planOrNull).filter(d -> d != null)
                .flatMap(d -> Generators.inputs(d).list().ofMinSize(1).ofMaxSize(3000).map(xs -> new Case(d, xs)));
    }

    @Property(tries = 300)
    void batchEqualsScalar(@ForAll("cases") Case c) {
        Datapath d = c.datapath;
        BatchModel batch = new BatchModel(d);
        Statistics.label("vectorizable").collect(batch.vectorizable());
        int[] x = new int[c.inputs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (int) (long) c.inputs.get(i);
        }
        int[] y = new int[x.length];
        batch.evaluate(x, y);
        QFormat out = d.config().output();
        for (int i = 0; i < x.length; i++) {
            long expected = d.evaluate(c.inputs.get(i));
            if (out.toBits(expected) != (y[i] & 0xFFFFFFFFL & ((1L << out.width()) - 1))) {
                assertEquals(expected, out.fromBits(y[i]), ModelProperties.describe(d, c.inputs.get(i)));
            }
        }
        Statistics.label("vectorizable").coverage(k -> k.check(true).percentage(p -> p > 50));
        long[] xl = c.inputs.stream().mapToLong(Long::longValue).toArray();
        long[] yl = new long[xl.length];
        batch.evaluate(xl, yl);
        for (int i = 0; i < xl.length; i++) {
            assertEquals(d.evaluate(xl[i]), yl[i], "long[] API: " + ModelProperties.describe(d, xl[i]));
        }
    }

    /** The compiled kernel (a Java loop printed from the datapath) is bit-identical to the scalar model too. */
    @Property(tries = 40)
    void compiledKernelEqualsScalar(@ForAll("cases") Case c) {
        Datapath d = c.datapath;
        BatchModel compiled = BatchModel.compiled(d);
        Statistics.label("compiled").collect(compiled.isCompiled());
        int[] x = c.inputs.stream().mapToInt(v -> (int) (long) v).toArray();
        int[] y = new int[x.length];
        compiled.evaluate(x, y);
        QFormat out = d.config().output();
        for (int i = 0; i < x.length; i++) {
            assertEquals(d.evaluate(c.inputs.get(i)), out.fromBits(y[i]), ModelProperties.describe(d, c.inputs.get(i)));
        }
        Statistics.label("compiled").coverage(k -> k.check(true).percentage(p -> p > 50));
    }

    @Property(tries = 500)
    void integerReferenceEqualsTheRationalOne(@ForAll("cases") Case c) {
        Config config = c.datapath.config();
        IntegerReference.of(config).ifPresent(ref -> {
            for (long x : c.inputs) {
                assertEquals(config.exactReference().outputRaw(x), ref.outputRaw(x), config.options() + " x=" + x);
            }
        });
    }

    @Test
    void exhaustiveCheckFindsNothingForPresetsAndSomethingForABrokenModel() {
        for (HardSigmoid f : HardSigmoid.PRESETS) {
            Config c = Config.of(f, QFormat.parse("Q4.12"), QFormat.parse("UQ1.15"), RoundingMode.NEAREST_EVEN);
            Datapath d = DatapathPlanner.plan(c);
            assertEquals(0, ExhaustiveCheck.run(d, IntegerReference.of(c).orElseThrow()).mismatches());
        }
        Config keras = Config.of(HardSigmoid.preset("keras"), QFormat.parse("Q4.12"), QFormat.parse("UQ1.15"),
                RoundingMode.NEAREST_EVEN);
        Config floor = Config.of(HardSigmoid.preset("keras"), QFormat.parse("Q4.12"), QFormat.parse("UQ1.15"),
                RoundingMode.FLOOR);
        ExhaustiveCheck.Result r = ExhaustiveCheck.run(DatapathPlanner.plan(floor), IntegerReference.of(keras).orElseThrow());
        // On the 20480 linear inputs 8x/5 has fraction 0, .2, .4, .6 or .8 equally often; floor differs from
        // nearest on .6 and .8: 2/5 of them.
        assertEquals(8192, r.mismatches(), "a floor datapath against a nearest-even reference: " + r);
    }
}
