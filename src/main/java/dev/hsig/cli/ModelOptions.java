package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;
import java.util.Set;

/** The options every command shares that choose the arithmetic, with their defaults. */
final class ModelOptions {
    static final String DEFAULT_INPUT = "Q4.12";
    static final String DEFAULT_OUTPUT = "UQ1.15";
    static final String DEFAULT_FUNCTION = "keras";
    static final Set<String> NAMES = Set.of("--input", "--output", "--function", "--alpha", "--beta", "--rounding",
            "--terms");

    private ModelOptions() {
    }

    static Config config(Arguments a) {
        QFormat in = QFormat.parse(a.value("--input", DEFAULT_INPUT));
        QFormat out = QFormat.parse(a.value("--output", DEFAULT_OUTPUT));
        String name = a.value("--function", DEFAULT_FUNCTION);
        HardSigmoid f;
        if (name.equals("custom")) {
            if (!a.has("--alpha") || !a.has("--beta")) {
                throw new InvalidInputException("--function custom needs both --alpha and --beta (exact decimals or"
                        + " fractions, such as --alpha 1/5 --beta 0.5)");
            }
            f = HardSigmoid.custom(Rational.parse(a.value("--alpha")), Rational.parse(a.value("--beta")));
        } else {
            f = HardSigmoid.preset(name);
            for (String o : new String[] {"--alpha", "--beta"}) {
                if (a.has(o)) {
                    throw new InvalidInputException(o + " '" + a.value(o) + "' is only allowed with --function custom"
                            + " (preset '" + name + "' fixes alpha " + f.alpha() + " and beta " + f.beta() + ")");
                }
            }
        }
        RoundingMode mode = RoundingMode.parse(a.value("--rounding", RoundingMode.DEFAULT.cliName()));
        int terms = (int) a.integer("--terms", 0, 1, Config.MAX_TERMS);
        return new Config(f, in, out, mode, terms);
    }

    static String usage() {
        return """
                  --input FMT       input format: Qm.n (signed, m counts the sign bit), UQm.n (unsigned),
                                    ap_fixed<W,I> or ap_ufixed<W,I>; width 1 to 32 bits (default %s)
                  --output FMT      output format, same forms (default %s); a format that cannot hold 1.0
                                    saturates at its maximum
                  --function NAME   %s, or custom (default %s)
                  --alpha A         slope for custom: an exact decimal (0.2) or fraction (1/5), > 0
                  --beta B          offset for custom: an exact decimal or fraction
                  --rounding MODE   %s
                                    (default %s, the ap_fixed AP_RND_CONV)
                  --terms K         at most K nonzero signed digits in the slope, 1 to %d: fewer adders,
                                    approximate, with a proven error bound (default: correctly rounded)
                """.formatted(DEFAULT_INPUT, DEFAULT_OUTPUT, HardSigmoid.presetNames(), DEFAULT_FUNCTION,
                RoundingMode.allNames(), RoundingMode.DEFAULT.cliName(), Config.MAX_TERMS);
    }
}
