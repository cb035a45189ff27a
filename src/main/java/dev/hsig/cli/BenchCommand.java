package dev.hsig.cli;

import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.model.BatchModel;
import dev.hsig.model.ExhaustiveCheck;
import dev.hsig.model.ScalarModel;
import dev.hsig.spec.Config;
import dev.hsig.spec.IntegerReference;
import dev.hsig.spec.Presets;
import dev.hsig.testbench.CsvWriter;
import dev.hsig.testbench.HexWriter;
import dev.hsig.testbench.VectorSet;
import dev.hsig.testbench.Vectors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code ./hsig bench}: a benchmark, not a test. Every figure is a median of several timed runs after a
 * warm-up, and every ratio compares two loops measured in the same run, so a loaded machine moves both.
 */
final class BenchCommand implements Command {
    static final int ELEMENTS = 1 << 20;
    private static final Set<String> VALUES = Options.union(Options.MODEL, Set.of("--runs"));

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
        return "usage: ./hsig bench [model options] [--runs N]\n\n"
                + "Without model options, for every preset at Q4.12 to its own output format, times the batch model\n"
                + "over 2^20 random raw words and a plain double loop of the same function (max(lo, min(hi, a*x + b))\n"
                + "for a clipped line, x * min(max(x + 3, 0), 6) / 6 for hard-swish, ...) over the same inputs,\n"
                + "interleaved, and prints\n"
                + "  model NAME ns_per_elem=X double_ns_per_elem=Y ratio_vs_double=R\n"
                + "(medians; R below 1 means the bit-accurate model is faster than the double loop). The model is the\n"
                + "datapath compiled to one Java loop at run time; 'interpreted' lines time the block-wise loops used\n"
                + "when no compiler is available. A 'memory' line times a plain copy of int and double arrays of the\n"
                + "same length: its ratio is the least a model over int words can show against the double loop when\n"
                + "both stream from memory. Then the scalar model for reference, an exhaustive check of all 2^24\n"
                + "inputs of a 24-bit configuration against the integer reference on all cores, and writing all 2^20\n"
                + "vectors of a 20-bit input as hex and CSV. With model options, only that configuration is timed.\n\n"
                + Options.usage()
                + "  --runs N          timed runs per measurement, 3 to 101 (default 11)\n\n"
                + "example:\n  ./hsig bench\n  ./hsig bench --function hard-swish --input Q6.10 --output Q6.10\n";
    }

    @Override
    public int run(String[] args, PrintWriter out, PrintWriter err) {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, Options.MODEL_FLAGS, false);
        int runs = (int) a.integer("--runs", 11, 3, 101);
        boolean own = Options.MODEL.stream().anyMatch(a::has);
        List<Config> configs = new ArrayList<>();
        if (own) {
            configs.add(Options.config(a));
        } else {
            for (Presets.Preset p : Presets.ALL) {
                configs.add(new Config(p.function(), QFormat.parse("Q4.12"), p.output(), p.rounding(), p.overflow(), 0));
            }
        }
        out.println("# hsig bench: medians of " + runs + " runs, " + ELEMENTS + " elements, "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        out.flush();
        List<Datapath> planned = new ArrayList<>();
        Map<String, Double> modelNs = new LinkedHashMap<>();
        for (Config c : configs) {
            Datapath d = DatapathPlanner.plan(c);
            planned.add(d);
            QFormat in = c.input();
            SplittableRandom random = new SplittableRandom(1);
            long[] x = new long[ELEMENTS];
            double[] xd = new double[ELEMENTS];
            for (int i = 0; i < ELEMENTS; i++) {
                x[i] = in.minRaw() + random.nextLong(in.count());
                xd[i] = in.value(0).toDouble() + x[i] * in.ulp().toDouble();
            }
            long[] y = new long[ELEMENTS];
            double[] yd = new double[ELEMENTS];
            BatchModel model = BatchModel.compiled(d);
            DoubleLoop loop = DoubleLoop.of(c.function());
            int[] xi = Arrays.stream(x).mapToInt(v -> (int) v).toArray();
            int[] yi = new int[ELEMENTS];
            boolean ints = in.width() <= 31 && c.output().width() <= 31 && model.vectorizable();
            Runnable batch = ints ? () -> model.evaluate(xi, yi) : () -> model.evaluate(x, y);
            double[] t = interleaved(batch, () -> loop.run(xd, yd), runs);
            modelNs.put(c.function().name(), t[0]);
            out.println(String.format(Locale.ROOT, "model %s ns_per_elem=%.3f double_ns_per_elem=%.3f"
                    + " ratio_vs_double=%.2f%s", c.function().name(), t[0], t[1], t[0] / t[1],
                    model.isCompiled() ? (model.vectorizable() ? "" : " (long words: over 31 bits)") : " (not compiled)"));
            out.flush();
        }
        if (own) {
            return 0;
        }
        double[] floor = memoryFloor(runs);
        out.println(floorLine(floor));
        // Each model against that floor, the int copy of this run: the yardstick no model over int words can beat.
        StringBuilder vs = new StringBuilder("ratio_vs_floor");
        modelNs.forEach((name, ns) -> vs.append(String.format(Locale.ROOT, " %s=%.2f", name, ns / floor[0])));
        out.println(vs.append(" (a model's ns_per_elem over int_ns_per_elem)"));
        out.flush();
        int[] x = new int[ELEMENTS];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < ELEMENTS; i++) {
            x[i] = (int) (-32768 + random.nextLong(65536));
        }
        int[] y = new int[ELEMENTS];
        for (Datapath d : planned) {
            BatchModel blocks = BatchModel.interpreted(d);
            double ns = median(timed(() -> blocks.evaluate(x, y), runs, 10)) / ELEMENTS;
            out.println(String.format(Locale.ROOT, "interpreted %s ns_per_elem=%.3f (block-wise loops, no compiler)",
                    d.config().function().name(), ns));
        }
        out.flush();
        ScalarModel keras = new ScalarModel(planned.get(0));
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
        // One word at a time, as a verification engineer calls Core.eval per transaction: after its first calls it
        // takes the compiled kernel's straight-line body. The ratio is against the interpreter, in this run.
        for (Datapath d : planned) {
            dev.hsig.Core core = dev.hsig.Core.builder().function(d.config().function().name()).build();
            double oneWord = median(timed(() -> {
                long sum = 0;
                for (int i = 0; i < scalarElements; i++) {
                    sum += core.eval((long) x[i]);
                }
                sink = sum;
            }, Math.max(3, runs / 2), 20)) / scalarElements;
            out.println(String.format(Locale.ROOT, "eval %s ns_per_call=%.3f ratio_vs_interpreter=%.3f (Core.eval(long)"
                    + " and evalBits after their first %d calls: the compiled kernel, one word)", d.config().function()
                    .name(), oneWord, oneWord / scalar, dev.hsig.Core.COMPILE_AFTER_CALLS));
            out.flush();
        }

        Config wide = Config.of(Presets.get("keras").function(), QFormat.parse("Q8.16"), QFormat.parse("UQ1.23"),
                dev.hsig.arithmetic.RoundingMode.DEFAULT);
        Datapath wideModel = DatapathPlanner.plan(wide);
        IntegerReference reference = IntegerReference.of(wide).orElseThrow();
        ExhaustiveCheck.Result[] result = new ExhaustiveCheck.Result[1];
        double seconds = median(timed(() -> result[0] = ExhaustiveCheck.run(wideModel, reference), 3, 1)) / 1e9;
        out.println(String.format(Locale.ROOT, "exhaustive keras %s->%s inputs=%d threads=%d seconds=%.2f mismatches=%d",
                wide.input(), wide.output(), result[0].inputs(), Runtime.getRuntime().availableProcessors(), seconds,
                result[0].mismatches()));
        out.flush();

        Config twenty = Config.of(Presets.get("keras").function(), QFormat.parse("Q6.14"), QFormat.parse("UQ1.15"),
                dev.hsig.arithmetic.RoundingMode.DEFAULT);
        Datapath twentyModel = DatapathPlanner.plan(twenty);
        Vectors[] v = new Vectors[1];
        double build = median(timed(() -> v[0] = VectorSet.exhaustive(twentyModel), 5, 1)) / 1e9;
        double hex = median(timed(() -> sink = HexWriter.bytes(List.of("bench"), twenty.input(), twenty.output(),
                v[0]).length, 5, 1)) / 1e9;
        double csv = median(timed(() -> sink = CsvWriter.bytes(twenty.input(), twenty.output(), v[0]).length, 5, 1))
                / 1e9;
        out.println(String.format(Locale.ROOT, "vectors keras %s->%s rows=%d model_seconds=%.3f hex_seconds=%.3f"
                + " csv_seconds=%.3f", twenty.input(), twenty.output(), v[0].size(), build, hex, csv));
        return 0;
    }

    static volatile long sink;

    /**
     * The same arrays copied, int to int and double to double: a kernel over int words moves 8 bytes per element
     * and the double loop 16, so where both are held up by memory rather than arithmetic, their ratio is this one.
     */
    /** {int copy, double copy} in ns per element: the memory floor of a model over int words, and the loop's. */
    static double[] memoryFloor(int runs) {
        int[] xi = new int[ELEMENTS];
        int[] yi = new int[ELEMENTS];
        double[] xd = new double[ELEMENTS];
        double[] yd = new double[ELEMENTS];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < ELEMENTS; i++) {
            xi[i] = random.nextInt();
            xd[i] = xi[i];
        }
        double[] t = interleaved(() -> {
            for (int i = 0; i < ELEMENTS; i++) {
                yi[i] = xi[i];
            }
        }, () -> {
            for (int i = 0; i < ELEMENTS; i++) {
                yd[i] = xd[i];
            }
        }, runs);
        return t;
    }

    static String floorLine(double[] t) {
        return String.format(Locale.ROOT, "memory copy int_ns_per_elem=%.3f double_ns_per_elem=%.3f ratio=%.2f"
                + " (the floor of ratio_vs_double for int words streamed from memory)", t[0], t[1], t[0] / t[1]);
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
