package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.binarize.Binarizer;
import dev.hsig.hdl.Interface;
import dev.hsig.spec.Config;
import java.util.Set;

/** {@code --binarize stochastic|deterministic} and {@code --seed S}. */
final class BinarizeOptions {
    static final Set<String> VALUES = Set.of("--binarize", "--seed");

    private BinarizeOptions() {
    }

    static String usage() {
        return """
                  --binarize B      stochastic or deterministic: one bit per lane, 1 for +1 and 0 for -1, from a
                                    function into [0, 1] with an unsigned output UQm.F (p = p_raw / 2^F);
                                    stochastic: 1 when r < p_raw, r from a seeded source that takes every F-bit
                                    value once per 2^F outputs, so P(+1) = p_raw / 2^F exactly (needs a clock:
                                    --pipeline >= 1); deterministic: 1 when f(x) >= 1/2 (p is
                                    then rounded floor, which makes that exact)
                  --seed S          stochastic only: 0 to 2^63 - 1 (default %d), the counter's start and the
                                    lanes' keys
                """.formatted(Binarizer.DEFAULT_SEED);
    }

    /**
     * The configuration a binarized core computes p in: deterministic binarization rounds toward -infinity, the one
     * mode in which p >= 1/2 exactly when f(x) >= 1/2 (2^(F-1) is a whole number of ulps, and floor never crosses
     * it); asking for another is one line.
     */
    static Config config(Arguments a, Config c) {
        if (!a.has("--binarize") || Binarizer.Mode.parse(a.value("--binarize")) != Binarizer.Mode.DETERMINISTIC
                || c.rounding() == RoundingMode.FLOOR) {
            return c;
        }
        if (a.has("--rounding") || a.value("--output", "").toUpperCase(java.util.Locale.ROOT).contains("AP_")) {
            throw new InvalidInputException("--rounding " + c.rounding().cliName() + " is not valid with --binarize"
                    + " deterministic: it rounds p toward -infinity (floor), so that p >= 1/2 exactly when f(x) >= 1/2");
        }
        return c.with(RoundingMode.FLOOR);
    }

    /** The binarizer asked for, or null; one line for a combination that cannot be built. */
    static Binarizer of(Arguments a, Config c, Interface iface) {
        if (!a.has("--binarize")) {
            if (a.has("--seed")) {
                throw new InvalidInputException("--seed is an option of --binarize stochastic");
            }
            return null;
        }
        Binarizer.Mode mode = Binarizer.Mode.parse(a.value("--binarize"));
        if (mode == Binarizer.Mode.DETERMINISTIC && a.has("--seed")) {
            throw new InvalidInputException("--seed is an option of --binarize stochastic (deterministic binarization"
                    + " draws no random numbers)");
        }
        if (mode == Binarizer.Mode.STOCHASTIC && !iface.clocked()) {
            throw new InvalidInputException("--binarize stochastic needs a clock for its random source: give --pipeline N"
                    + " with N >= 1 (a valid or axis core)");
        }
        if (c.semantics() != dev.hsig.framework.Semantics.EXACT) {
            throw new InvalidInputException("--binarize is not valid with --semantics " + c.semantics().cliName()
                    + ": it needs an unsigned UQm.F output, and the frameworks' kernels output affine int8");
        }
        long seed = a.integer("--seed", Binarizer.DEFAULT_SEED, 0, Long.MAX_VALUE);
        return Binarizer.of(mode, seed, c.function(), c.input(), c.output(), iface.lanes());
    }

    /** What the default name adds: {@code _stochastic_s7} or {@code _deterministic}. */
    static String nameSuffix(Binarizer b) {
        return b == null ? "" : "_" + b.mode().cliName() + (b.stochastic() ? "_s" + b.seed() : "");
    }
}
