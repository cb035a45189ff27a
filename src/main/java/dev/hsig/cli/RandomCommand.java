package dev.hsig.cli;

import dev.hsig.binarize.Binarizer;
import dev.hsig.binarize.Quality;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ./hsig random}: the figures of the stochastic binarizer's random source, measured over one full period,
 * beside those of a maximal LFSR of the same width, the source most designs use.
 */
final class RandomCommand implements Command {
    private static final Set<String> VALUES = Set.of("--bits", "--lanes", "--seed");

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String summary() {
        return "measure the stochastic binarizer's random source against a maximal LFSR";
    }

    @Override
    public String help() {
        return "usage: ./hsig random [--bits F] [--lanes L] [--seed S]\n\n"
                + "Measures the random source of --binarize stochastic for F-bit words (F = the output's fraction\n"
                + "bits) over one full period, and a maximal Galois LFSR of F bits beside it, lanes started from\n"
                + "distinct seeded states: whether every F-bit word comes once per period, the largest error of\n"
                + "P(r < p_raw) against p_raw / 2^F (in 2^-F), the largest serial correlation of consecutive words,\n"
                + "the largest correlation between lanes and whether a lane is another shifted in time, and a\n"
                + "chi-square of the words in 64 bins (2^F / 16 below 10 bits) over the first quarter period (per\n"
                + "degree of freedom, with the 0.1% critical value).\n\n"
                + "  --bits F          2 to " + Quality.MAX_BITS + " (default 8)\n"
                + "  --lanes L         2 to 64 (default 4)\n"
                + "  --seed S          0 to 2^63 - 1 (default " + Binarizer.DEFAULT_SEED + "), as --seed of generate\n\n"
                + "example:\n  ./hsig random --bits 8 --lanes 4 --seed 7\n";
    }

    @Override
    public int run(String[] args, PrintWriter out, PrintWriter err) {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, Set.of(), false);
        int bits = (int) a.integer("--bits", 8, 2, Quality.MAX_BITS);
        int lanes = (int) a.integer("--lanes", 4, 2, 64);
        long seed = a.integer("--seed", Binarizer.DEFAULT_SEED, 0, Long.MAX_VALUE);
        Binarizer b = new Binarizer(Binarizer.Mode.STOCHASTIC, seed, bits, lanes);
        out.println(bits + "-bit words, " + lanes + " lanes, seed " + seed + ", each source over its full period"
                + String.format(Locale.ROOT, " (a random permutation's correlations are about +-%.4f)",
                        1 / Math.sqrt(1L << bits)));
        out.println(String.format(Locale.ROOT, "%-20s %9s %11s %10s %8s %8s %9s %14s", "source", "period",
                "every word", "P(+1) err", "serial", "lanes", "shifted", "chi2/dof"));
        for (Quality q : List.of(Quality.of(b), Quality.ofLfsr(bits, lanes, seed))) {
            out.println(String.format(Locale.ROOT, "%-20s %9d %11s %10s %8.4f %8.4f %9s %6.3f (<%.2f)",
                    q.source(), q.period(),
                    q.everyWordOnce() ? "once" : "not all", fraction(q.maxBiasUlps()) + " ulp", q.serial(), q.lanes(),
                    q.shiftedCopies() ? "yes" : "no", q.chiSquarePerDof(), q.chiSquareCriticalPerDof()));
        }
        out.println("LFSR: Galois, taps 0x" + Long.toHexString(dev.hsig.binarize.Lfsr.maximal(bits).taps()) + ", lanes"
                + " from distinct seeded states; it never gives 0, so r < p_raw holds on p_raw - 1 of its 2^" + bits
                + " - 1 words");
        return 0;
    }

    private static String fraction(double ulps) {
        return String.format(Locale.ROOT, "%.3f", ulps);
    }
}
