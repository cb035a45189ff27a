package dev.hsig.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.datapath.Generators;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Config;
import dev.hsig.spec.IntegerReference;
import dev.hsig.spec.Presets;
import java.util.List;
import net.jqwik.api.Arbitraries;
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
        return Generators.configs().map(BatchModelProperties::planOrNull).filter(d -> d != null)
                .flatMap(d -> Generators.inputs(d).list().ofMinSize(1).ofMaxSize(3000).map(xs -> new Case(d, xs)));
    }

    static Datapath planOrNull(Config c) {
        try {
            return DatapathPlanner.plan(c);
        } catch (dev.hsig.InvalidInputException tooWide) {
            return null;
        }
    }

    @Property(tries = 300)
    void interpretedEqualsScalar(@ForAll("cases") Case c) {
        Datapath d = c.datapath;
        BatchModel batch = BatchModel.interpreted(d);
        ScalarModel scalar = new ScalarModel(d);
        Statistics.label("vectorizable").collect(batch.vectorizable());
        long[] x = c.inputs.stream().mapToLong(Long::longValue).toArray();
        long[] y = new long[x.length];
        batch.evaluate(x, y);
        for (int i = 0; i < x.length; i++) {
            assertEquals(scalar.evaluate(x[i]), y[i], "x_raw=" + x[i] + " " + d);
        }
        Statistics.label("vectorizable").coverage(k -> k.check(true).percentage(p -> p > 50));
        if (d.config().input().width() <= 31 && d.config().output().width() <= 31) {
            int[] xi = c.inputs.stream().mapToInt(v -> (int) (long) v).toArray();
            int[] yi = new int[xi.length];
            batch.evaluate(xi, yi);
            for (int i = 0; i < xi.length; i++) {
                assertEquals(y[i], yi[i], "int[] API: x_raw=" + xi[i] + " " + d);
            }
        }
    }

    /** The compiled kernel (a Java loop printed from the datapath) is bit-identical to the scalar model too. */
    @Property(tries = 40)
    void compiledKernelEqualsScalar(@ForAll("cases") Case c) {
        Datapath d = c.datapath;
        BatchModel compiled = BatchModel.compiled(d);
        ScalarModel scalar = new ScalarModel(d);
        Statistics.label("compiled").collect(compiled.isCompiled());
        long[] x = c.inputs.stream().mapToLong(Long::longValue).toArray();
        long[] y = new long[x.length];
        compiled.evaluate(x, y);
        for (int i = 0; i < x.length; i++) {
            assertEquals(scalar.evaluate(x[i]), y[i], "x_raw=" + x[i] + " " + d);
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

    @Property(tries = 200)
    void affineTablesReproduceEveryEntry(@ForAll("monotoneTables") int[] table) {
        int[] f = AffineTable.find(table);
        if (f != null) {
            for (int i = 0; i < table.length; i++) {
                assertEquals(table[i], (i * f[0] + f[1]) >> f[2], "entry " + i + " of " + java.util.Arrays.toString(table));
            }
        }
        Statistics.label("found").collect(f != null);
        Statistics.label("found").coverage(k -> k.check(true).count(n -> n > 0));
    }

    @Provide
    Arbitrary<int[]> monotoneTables() {
        return Arbitraries.integers().between(2, 64).flatMap(d -> Arbitraries.integers().between(0, 6).map(u ->
                Rounding.entries(RoundingMode.NEAREST_EVEN, d * 2 + 1, u)));
    }
}
