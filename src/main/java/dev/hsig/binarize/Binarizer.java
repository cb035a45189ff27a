package dev.hsig.binarize;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import dev.hsig.spec.Activation;
import dev.hsig.spec.Polynomial;
import dev.hsig.text.CliNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BinaryConnect's use of a hard sigmoid: each lane's output p = f(x), rounded to F fraction bits as the core
 * computes it, becomes one bit, 1 for +1 and 0 for -1 (the XNOR-popcount convention).
 * <ul>
 * <li>{@code stochastic}: 1 when r &lt; p_raw, r an F-bit word of the lane's random source, so that
 * P(+1) = p_raw / 2^F exactly over every period of 2^F outputs;</li>
 * <li>{@code deterministic}: 1 when p &gt;= 1/2, sign binarization.</li>
 * </ul>
 * The source of lane i for the n-th output (n = 0 after reset) is {@code mix_i((start + n) mod 2^F)}: a counter
 * through a {@link Mixer}, a bijection, so every F-bit word comes once per period. The counter's start and every
 * lane's keys come from the seed alone.
 */
public record Binarizer(Mode mode, long seed, int bits, int lanes) {
    public static final long DEFAULT_SEED = 1;

    public enum Mode {
        STOCHASTIC, DETERMINISTIC;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode parse(String text) {
            return CliNames.find(values(), Mode::cliName, text).orElseThrow(() -> new InvalidInputException(
                    "--binarize '" + text + "' is not valid: expected one of " + CliNames.list(values(),
                            Mode::cliName)));
        }
    }

    public Binarizer {
        if (bits < 1 || bits > QFormat.MAX_WIDTH) {
            throw new IllegalArgumentException("random words of " + bits + " bits");
        }
        if (seed < 0) {
            throw new InvalidInputException("--seed '" + seed + "' is not valid: expected an integer from 0 to "
                    + Long.MAX_VALUE);
        }
    }

    /**
     * The binarizer of a core whose function is {@code f} into {@code out}, or one line saying why it cannot be:
     * the output must be an unsigned Q format with fraction bits (p = raw / 2^F), and f must stay within [0, 1] on
     * every input of {@code in}.
     */
    public static Binarizer of(Mode mode, long seed, Activation f, QFormat in, QFormat out, int lanes) {
        if (out.isAffine() || out.signed() || out.fraction() < 1) {
            throw new InvalidInputException("--binarize needs an unsigned Q output with fraction bits, UQm.F, whose raw"
                    + " word over 2^F is the probability; --output " + out + " is not one");
        }
        Rational[] range = range(f, in);
        if (range[0].signum() < 0 || range[1].compareTo(Rational.ONE) > 0) {
            throw new InvalidInputException("--binarize needs a function into [0, 1]: " + f.name() + " takes values from "
                    + range[0].toDecimalString() + " to " + range[1].toDecimalString() + " on " + in);
        }
        return new Binarizer(mode, seed, out.fraction(), lanes);
    }

    /** The least and greatest f(x) over the input words: each piece's extremes lie at its ends or its vertex. */
    static Rational[] range(Activation f, QFormat in) {
        Rational lo = null;
        Rational hi = null;
        List<Polynomial> pieces = f.shape().pieces();
        for (int i = 0; i < pieces.size(); i++) {
            long[] raw = f.shape().rawRange(i, in);
            if (raw == null || raw[0] > raw[1]) {
                continue;
            }
            List<Rational> xs = new ArrayList<>(List.of(in.value(raw[0]), in.value(raw[1])));
            Polynomial p = pieces.get(i);
            if (p.degree() == 2) {
                Rational vertex = p.c1().negate().divide(p.c2().multiply(Rational.of(2)));
                if (vertex.compareTo(xs.get(0)) > 0 && vertex.compareTo(xs.get(1)) < 0) {
                    xs.add(vertex);
                }
            }
            for (Rational x : xs) {
                Rational y = p.at(x);
                lo = lo == null || y.compareTo(lo) < 0 ? y : lo;
                hi = hi == null || y.compareTo(hi) > 0 ? y : hi;
            }
        }
        return new Rational[] {lo, hi};
    }

    public boolean stochastic() {
        return mode == Mode.STOCHASTIC;
    }

    public long mask() {
        return Mixer.mask(bits);
    }

    /** The counter's value for output 0. */
    public long start() {
        return key(seed, -1) & mask();
    }

    /**
     * Lane i's mix: a network whose round keys come from the seed and the lane (distinct lanes, distinct keys, so
     * distinct permutations), or up to 4 bits a table.
     */
    public Mixer mixer(int lane) {
        if (bits <= Mixer.MAX_TABLE_BITS) {
            return tables(lane)[lane];
        }
        return Mixer.network(bits, round -> key(seed, 64L * lane + round));
    }

    /** Each lane's table, drawn again until it is no lower lane's shifted in time (while such draws exist). */
    private Mixer[] tables(int upTo) {
        Mixer[] tables = new Mixer[upTo + 1];
        int n = 1 << bits;
        for (int l = 0; l <= upTo; l++) {
            int lane = l;
            for (int draw = 0; ; draw++) {
                int d = draw;
                Mixer m = Mixer.table(bits, i -> key(seed, 4096L * lane + 64L * d + i + 7));
                boolean shifted = false;
                for (int k = 0; k < l && !shifted; k++) {
                    for (int shift = 0; shift < n && !shifted; shift++) {
                        boolean same = true;
                        for (int t = 0; t < n && same; t++) {
                            same = m.apply(t) == tables[k].apply((t + shift) % n);
                        }
                        shifted = same;
                    }
                }
                if (!shifted || draw >= 64) {
                    tables[l] = m;
                    break;
                }
            }
        }
        return tables;
    }

    /** r for output n (n = 0 after reset) of a lane. */
    public long random(long n, int lane) {
        return mixer(lane).apply(start() + n);
    }

    /** The bit for probability word {@code pRaw} at output n of a lane: 1 for +1, 0 for -1. */
    public int bit(long pRaw, long n, int lane) {
        return stochastic() ? (random(n, lane) < pRaw ? 1 : 0) : (pRaw >= 1L << (bits - 1) ? 1 : 0);
    }

    /** Consecutive outputs of one lane, from output {@code first} on: the bits the core delivers. */
    public int[] bits(long[] pRaw, long first, int lane) {
        Mixer m = mixer(lane);
        long start = start() + first;
        int[] b = new int[pRaw.length];
        for (int i = 0; i < pRaw.length; i++) {
            b[i] = stochastic() ? (m.apply(start + i) < pRaw[i] ? 1 : 0) : (pRaw[i] >= 1L << (bits - 1) ? 1 : 0);
        }
        return b;
    }

    /** The options that reproduce this binarizer. */
    public String options() {
        return " --binarize " + mode.cliName() + (stochastic() && seed != DEFAULT_SEED ? " --seed " + seed : "");
    }

    /** Header lines: the rule, the exact probability, the source and when it advances. */
    public List<String> describe(String deliveredWhen) {
        List<String> l = new ArrayList<>();
        if (stochastic()) {
            l.add("binarize : stochastic (BinaryConnect): y[i] = 1 (+1) when r_i < p_raw, else 0 (-1); p = f(x) rounded"
                    + " as above, so P(+1) = p_raw / 2^" + bits + " exactly");
            l.add("           r_i = mix_i((" + hex(start()) + " + n) mod 2^" + bits + ") for the n-th output after reset:"
                    + " a bijection of a counter, so each " + bits + "-bit word comes");
            l.add("           once every 2^" + bits + " outputs; mix_i = " + (bits <= Mixer.MAX_TABLE_BITS
                    ? "a seeded permutation table" : Mixer.rounds(bits) + " rounds of key xor, PRESENT's S-box and a"
                    + " bit spread") + ", keys from --seed " + seed + ", lane by lane");
            l.add("           the counter advances once per output delivered (" + deliveredWhen + "), never on an idle,"
                    + " stalled or ce-low cycle");
        } else {
            l.add("binarize : deterministic (sign): y[i] = 1 (+1) when p >= 1/2, else 0 (-1); p = f(x) rounded floor, so"
                    + " exactly when f(x) >= 1/2");
        }
        l.add("           one bit per lane, 1 for +1 and 0 for -1 (the XNOR-popcount convention)");
        return l;
    }

    public String hex(long v) {
        return bits + "'h" + Long.toHexString(v).toUpperCase(Locale.ROOT);
    }

    /** splitmix64 of the seed and a lane-and-role index: every key a well-mixed function of both. */
    static long key(long seed, long index) {
        return splitmix(seed ^ splitmix(index + 0x5DEECE66DL));
    }

    static long splitmix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
