package dev.hsig.cli;

import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.BatchModel;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.datapath.ExhaustiveCheck;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;
import dev.hsig.function.IntegerReference;
import dev.hsig.testbench.CsvWriter;
import dev.hsig.testbench.HexWriter;
import dev.hsig.testbench.VectorSet;
import dev.hsig.testbench.Vectors;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Set;

/**
 * {@code ./hsig bench}: a benchmark, not a test. Every figure is a median of several timed runs after a
 * warm-up, and every ratio compares two loops measured in the same run, so a loaded machine moves both.
 */
final class BenchCommand implements Command {
    static final int ELEMENTS = 1 << 20;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure the batch model against a double loop, exhaustive checking and vector writing";
    }

    @Override
    public String help() {
        return "usage: ./hsig bench [--runs N]\n\n"
                + "For every preset at Q4.12 -> UQ1.15 (nearest-even), times the batch model over 2^20 random raw\n"
                + "words and a plain double loop max(0, min(1, a*x + b)) over the same inputs, interleaved, and prints\n"
                + "  model NAME ns_per_elem=X double_ns_per_elem=Y ratio_vs_double=R\n"
                + "(medians; R below 1 means the bit-accurate model is faster than the double loop). The model is the\n"
                + "datapath compiled to one Java loop at run time; 'interpreted' lines time the block-wise loops used\n"
                + "when no compiler is available. Then the scalar\n"
                + "model for reference, an exhaustive check of all 2^24 inputs of a 24-bit configuration against the\n"
                + "integer reference on all cores, and writing all 2^20 vectors of a 20-bit input as hex and CSV.\n\n"
                + "  --runs N          timed runs per measurement, 3 to 101 (default 11)\n\n"
                + "example:\n  ./hsig bench\n";
    }

    @Override
    public void run(String[] args, PrintWriter out) {
        Arguments a = Arguments.parse(name(), args, 1, Set.of("--runs"), Set.of(), false);
        int runs = (int) a.integer("--runs", 11, 3, 101);
        out.println("# hsig bench: medians of " + runs + " runs, " + ELEMENTS + " elements, "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        out.flush();
        QFormat in = QFormat.parse("Q4.12");
        QFormat outFormat = QFormat.parse("UQ1.15");
        SplittableRandom random = new SplittableRandom(1);
        int[] x = new int[ELEMENTS];
        double[] xd = new double[ELEMENTS];
        for (int i = 0; i < ELEMENTS; i++) {
            x[i] = (int) (in.minRaw() + random.nextLong(in.count()));
            xd[i] = x[i] / 4096.0;
        }
        int[] y = new int[ELEMENTS];
        double[] yd = new double[ELEMENTS];
        List<Datapath> interpreted = new java.util.ArrayList<>();
        for (HardSigmoid f : HardSigmoid.PRESETS) {
            Datapath d = DatapathPlanner.plan(Config.of(f, in, outFormat, RoundingMode.DEFAULT));
            BatchModel model = BatchModel.compiled(d);
            double alpha = f.alpha().toDouble();
            double beta = f.beta().toDouble();
            Runnable batch = () -> model.evaluate(x, y);
            Runnable dbl = () -> doubleLoop(xd, yd, alpha, beta);
            double[] t = interleaved(batch, dbl, runs);
            out.println(String.format(Locale.ROOT, "model %s ns_per_elem=%.3f double_ns_per_elem=%.3f ratio_vs_double=%.2f",
                    f.name(), t[0], t[1], t[0] / t[1]));
            out.flush();
            interpreted.add(d);
        }
        for (Datapath d : interpreted) {
            BatchModel blocks = new BatchModel(d);
            double ns = median(timed(() -> blocks.evaluate(x, y), runs, 10)) / ELEMENTS;
            out.println(String.format(Locale.ROOT, "interpreted %s ns_per_elem=%.3f (block-wise loops, no compiler)",
                    d.config().function().name(), ns));
        }
        out.flush();
        Datapath keras = DatapathPlanner.plan(Config.of(HardSigmoid.preset("keras"), in, outFormat, RoundingMode.DEFAULT));
        int scalarElements = ELEMENTS / 8;
        double scalar = median(timed(() -> {
            long sum = 0;
            for (int i = 0; i < scalarElements; i++) {
                sum += keras.evaluate(x[i]);
            }
            sink = sum;
        }, Math.max(3, runs / 2), 20)) / scalarElements;
        out.println(String.format(Locale.ROOT, "scalar keras ns_per_elem=%.3f (the node-by-node interpreter, per input)",
                scalar));
        out.flush();

        Config wide = Config.of(HardSigmoid.preset("keras"), QFormat.parse("Q8.16"), QFormat.parse("UQ1.23"),
                RoundingMode.DEFAULT);
        Datapath wideModel = DatapathPlanner.plan(wide);
        IntegerReference reference = IntegerReference.of(wide).orElseThrow();
        ExhaustiveCheck.Result[] result = new ExhaustiveCheck.Result[1];
        double seconds = median(timed(() -> result[0] = ExhaustiveCheck.run(wideModel, reference), 3, 1)) / 1e9;
        out.println(String.format(Locale.ROOT, "exhaustive keras %s->%s inputs=%d threads=%d seconds=%.2f mismatches=%d",
                wide.input(), wide.output(), result[0].inputs(), Runtime.getRuntime().availableProcessors(), seconds,
                result[0].mismatches()));
        out.flush();

        Config twenty = Config.of(HardSigmoid.preset("keras"), QFormat.parse("Q6.14"), QFormat.parse("UQ1.15"),
                RoundingMode.DEFAULT);
        Datapath twentyModel = DatapathPlanner.plan(twenty);
        Vectors[] v = new Vectors[1];
        double build = median(timed(() -> v[0] = VectorSet.exhaustive(twentyModel), 5, 1)) / 1e9;
        double hex = median(timed(() -> sink = HexWriter.bytes(List.of("bench"), twenty.input(), twenty.output(),
                v[0]).length, 5, 1)) / 1e9;
        double csv = median(timed(() -> sink = CsvWriter.bytes(twenty.input(), twenty.output(), v[0]).length, 5, 1))
                / 1e9;
        out.println(String.format(Locale.ROOT, "vectors keras %s->%s rows=%d model_seconds=%.3f hex_seconds=%.3f"
                + " csv_seconds=%.3f", twenty.input(), twenty.output(), v[0].size(), build, hex, csv));
    }

    static volatile long sink;

    static void doubleLoop(double[] x, double[] y, double a, double b) {
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(0.0, Math.min(1.0, a * x[i] + b));
        }
    }

    /**
     * Medians in ns per element of two workloads timed alternately, after a warm-up of both long enough (at least
     * 15 runs and 2 seconds) for the JIT to finish compiling them even while it is busy with other code.
     */
    static double[] interleaved(Runnable first, Runnable second, int runs) {
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < 15 || System.nanoTime() < warmupEnd; i++) {
            first.run();
            second.run();
        }
        long[] a = new long[runs];
        long[] b = new long[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            first.run();
            long t1 = System.nanoTime();
            second.run();
            long t2 = System.nanoTime();
            a[r] = t1 - t0;
            b[r] = t2 - t1;
        }
        return new double[] {median(a) / ELEMENTS, median(b) / ELEMENTS};
    }

    static long[] timed(Runnable work, int runs, int warmup) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        long[] t = new long[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            work.run();
            t[r] = System.nanoTime() - t0;
        }
        return t;
    }

    static double median(long[] t) {
        long[] s = t.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
