package dev.hsig.function;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;

/**
 * Everything that decides the arithmetic of a core: the function, the input and output formats, the rounding
 * mode, and optionally {@code terms}, the most nonzero signed digits the slope may use (0 means: as many as
 * correct rounding needs).
 */
public record Config(HardSigmoid function, QFormat input, QFormat output, RoundingMode rounding, int terms) {
    public static final int MAX_TERMS = 32;

    public Config {
        if (terms < 0 || terms > MAX_TERMS) {
            throw new InvalidInputException("--terms " + terms + " is not valid: expected 1 to " + MAX_TERMS
                    + " (or leave it out for correct rounding)");
        }
    }

    public static Config of(HardSigmoid function, QFormat input, QFormat output, RoundingMode rounding) {
        return new Config(function, input, output, rounding, 0);
    }

    public boolean approximate() {
        return terms > 0;
    }

    public ExactReference exactReference() {
        return new ExactReference(function, input, output, rounding);
    }

    /** The command-line options that reproduce this configuration. */
    public String options() {
        StringBuilder s = new StringBuilder("--input " + input + " --output " + output + " --function " + function.name());
        if (function.name().equals("custom")) {
            s.append(" --alpha ").append(function.alpha()).append(" --beta ").append(function.beta());
        }
        s.append(" --rounding ").append(rounding.cliName());
        if (terms > 0) {
            s.append(" --terms ").append(terms);
        }
        return s.toString();
    }
}
