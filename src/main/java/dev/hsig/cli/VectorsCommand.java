package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.spec.Config;
import dev.hsig.testbench.CsvWriter;
import dev.hsig.testbench.VectorSet;
import dev.hsig.testbench.Vectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;

/** {@code ./hsig vectors}: the model's input/output pairs as CSV on stdout. */
final class VectorsCommand implements Command {
    static final long MAX_COUNT = 1L << 24;
    private static final Set<String> VALUES = Options.union(Options.MODEL, Set.of("--count", "--seed"));

    @Override
    public String name() {
        return "vectors";
    }

    @Override
    public String summary() {
        return "print model vectors as CSV (x_raw,x,y_raw,y)";
    }

    @Override
    public String help() {
        return "usage: ./hsig vectors [model options] (--exhaustive | --count N [--seed S])\n\n"
                + "Prints CSV with header x_raw,x,y_raw,y: raw words as decimal integers (signed for signed\n"
                + "formats), x and y as exact decimals.\n\n" + Options.usage()
                + "  --exhaustive      every input word, from the most negative up (inputs up to "
                + VectorSet.MAX_EXHAUSTIVE_BITS + " bits)\n"
                + "  --count N         exactly N rows, 1 to " + MAX_COUNT + ": as many corner cases as fit\n"
                + "                    (extremes, zero, breakpoints and saturation edges with their neighbours,\n"
                + "                    rounding ties), then seeded random inputs; the CSV has no labels (the .hex\n"
                + "                    file that generate writes names each corner in a comment)\n"
                + "  --seed S          random seed for --count (default " + VectorSet.DEFAULT_SEED + ")\n\n"
                + "example:\n  ./hsig vectors --input Q4.12 --output UQ1.15 --function keras --exhaustive\n";
    }

    @Override
    public int run(String[] args, PrintWriter out, PrintWriter err) throws IOException {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, Options.union(Options.MODEL_FLAGS, Set.of("--exhaustive")), false);
        Config config = Options.config(a);
        boolean exhaustive = a.has("--exhaustive");
        if (exhaustive == a.has("--count")) {
            throw new InvalidInputException("give exactly one of --exhaustive or --count N");
        }
        if (a.has("--seed") && exhaustive) {
            throw new InvalidInputException("--seed '" + a.value("--seed") + "' only applies with --count");
        }
        if (exhaustive && config.input().width() > VectorSet.MAX_EXHAUSTIVE_BITS) {
            throw new InvalidInputException("--exhaustive with input " + config.input() + " would print 2^"
                    + config.input().width() + " rows: it is allowed for inputs up to " + VectorSet.MAX_EXHAUSTIVE_BITS
                    + " bits; use --count");
        }
        long count = exhaustive ? 0 : a.integer("--count", 0, 1, MAX_COUNT);
        if (count > config.input().count()) {
            throw new InvalidInputException("--count '" + count + "' is more than the " + config.input().count()
                    + " words of the input " + config.input() + ": give at most " + config.input().count()
                    + ", or --exhaustive");
        }
        long seed = a.integer("--seed", VectorSet.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        Datapath datapath = DatapathPlanner.plan(config);
        Warnings.print(datapath, err);
        Vectors vectors = exhaustive ? VectorSet.exhaustive(datapath) : VectorSet.sampled(datapath, count, seed);
        out.write(new String(CsvWriter.bytes(config.input(), config.output(), vectors),
                java.nio.charset.StandardCharsets.US_ASCII));
        return 0;
    }
}
