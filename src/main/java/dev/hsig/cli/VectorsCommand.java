package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.function.Config;
import dev.hsig.testbench.CsvWriter;
import dev.hsig.testbench.Vectors;
import dev.hsig.testbench.VectorSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;

/** {@code ./hsig vectors}: the model's input/output pairs as CSV on stdout. */
final class VectorsCommand implements Command {
    private static final Set<String> VALUES = union(ModelOptions.NAMES, Set.of("--count", "--seed"));

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
                + "formats), x and y as exact decimals.\n\n" + ModelOptions.usage()
                + "  --exhaustive      every input word, from the most negative up\n"
                + "  --count N         the labelled corner cases (extremes, zero, knees and neighbours, ties),\n"
                + "                    then seeded random inputs up to N rows\n"
                + "  --seed S          random seed for --count (default " + VectorSet.DEFAULT_SEED + ")\n\n"
                + "example:\n  ./hsig vectors --input Q4.12 --output UQ1.15 --function keras --exhaustive\n";
    }

    @Override
    public void run(String[] args, PrintWriter out) throws IOException {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, Set.of("--exhaustive"), false);
        Config config = ModelOptions.config(a);
        Vectors vectors = select(a, DatapathPlanner.plan(config));
        out.write(new String(CsvWriter.bytes(config.input(), config.output(), vectors),
                java.nio.charset.StandardCharsets.US_ASCII));
    }

    static Vectors select(Arguments a, Datapath datapath) {
        boolean exhaustive = a.has("--exhaustive");
        if (exhaustive == a.has("--count")) {
            throw new InvalidInputException("give exactly one of --exhaustive or --count N");
        }
        if (a.has("--seed") && exhaustive) {
            throw new InvalidInputException("--seed '" + a.value("--seed") + "' only applies with --count");
        }
        if (exhaustive) {
            if (datapath.config().input().width() > VectorSet.MAX_EXHAUSTIVE_BITS) {
                throw new InvalidInputException("--exhaustive with input " + datapath.config().input() + " would print 2^"
                        + datapath.config().input().width() + " rows: it is allowed for inputs up to " + VectorSet.MAX_EXHAUSTIVE_BITS + " bits; use --count");
            }
            return VectorSet.exhaustive(datapath);
        }
        long count = a.integer("--count", 0, 1, 1L << 24);
        long seed = a.integer("--seed", VectorSet.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        return VectorSet.sampled(datapath, count, seed);
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
