package dev.hsig.spec;

import dev.hsig.InvalidInputException;
import dev.hsig.area.Implementation;
import dev.hsig.area.Target;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.framework.Semantics;

/**
 * Everything that decides the arithmetic of a core: the function, the input and output formats, the rounding and
 * overflow modes, and optionally {@code terms}, the most nonzero signed digits the slope of a clipped line may use
 * (0 means: as many as correct rounding needs); and how the core is built, {@code implementation} (which never
 * changes an output word) and the {@code target} whose area {@code auto} minimizes; and whose arithmetic the core
 * reproduces, {@code semantics}: the exact function, or a framework's kernel bit for bit.
 */
public record Config(Activation function, QFormat input, QFormat output, RoundingMode rounding, Overflow overflow,
        int terms, Implementation implementation, Target target, Semantics semantics) {
    public static final int MAX_TERMS = 16;

    public Config(Activation function, QFormat input, QFormat output, RoundingMode rounding, Overflow overflow,
            int terms, Implementation implementation, Target target) {
        this(function, input, output, rounding, overflow, terms, implementation, target, Semantics.DEFAULT);
    }

    public Config(Activation function, QFormat input, QFormat output, RoundingMode rounding, Overflow overflow,
            int terms) {
        this(function, input, output, rounding, overflow, terms, Implementation.DEFAULT, Target.DEFAULT);
    }

    public Config {
        if (terms < 0 || terms > MAX_TERMS) {
            throw new InvalidInputException("--terms " + terms + " is not valid: expected 1 to " + MAX_TERMS
                    + " (or leave it out for correct rounding)");
        }
        if (terms > 0 && function.line().isEmpty()) {
            throw new InvalidInputException("--terms " + terms + " is not valid for function '" + function.name()
                    + "': --terms approximates the slope of a clipped line (a preset such as keras, hard-tanh or"
                    + " relu6, or custom), and " + function.name() + " has no single slope");
        }
    }

    /** The same configuration built another way: the same function, formats and modes. */
    public Config with(Implementation other) {
        return new Config(function, input, output, rounding, overflow, terms, other, target, semantics);
    }

    /** The same configuration rounded another way. */
    public Config with(RoundingMode other) {
        return new Config(function, input, output, other, overflow, terms, implementation, target, semantics);
    }

    /** The same configuration for another target (whose area auto minimizes). */
    public Config with(Target other) {
        return new Config(function, input, output, rounding, overflow, terms, implementation, other, semantics);
    }

    public static Config of(Activation function, QFormat input, QFormat output, RoundingMode rounding) {
        return new Config(function, input, output, rounding, Overflow.DEFAULT, 0);
    }

    public boolean approximate() {
        return terms > 0;
    }

    public ExactReference exactReference() {
        return new ExactReference(function, input, output, rounding, overflow);
    }

    /** The command-line options that reproduce this configuration. */
    public String options() {
        StringBuilder s = new StringBuilder("--input " + shellWord(input) + " --output " + shellWord(output)
                + " --function " + function.name());
        if (!function.parameters().isEmpty()) {
            s.append(' ').append(function.parameters());
        }
        if (semantics == Semantics.EXACT) {
            s.append(" --rounding ").append(rounding.cliName()); // a framework rounds as its kernel does
        }
        if (overflow != Overflow.DEFAULT && semantics == Semantics.EXACT) {
            s.append(" --overflow ").append(overflow.cliName());
        }
        if (terms > 0) {
            s.append(" --terms ").append(terms);
        }
        if (implementation != Implementation.DEFAULT) {
            s.append(" --implementation ").append(implementation.cliName());
        }
        if (target != Target.DEFAULT) {
            s.append(" --target ").append(target.cliName());
        }
        if (semantics != Semantics.DEFAULT) {
            s.append(" --semantics ").append(semantics.cliName());
        }
        if (exactScale(input) || exactScale(output)) {
            s.append(" --exact-scales");
        }
        return s.toString();
    }

    /** A format as one shell word: an affine one's brackets quoted, so that the shell does not glob them. */
    private static String shellWord(QFormat f) {
        return f.isAffine() ? "'" + f + "'" : f.toString();
    }

    private static boolean exactScale(QFormat f) {
        return f.isAffine() && !f.affine().isFloat32();
    }
}
