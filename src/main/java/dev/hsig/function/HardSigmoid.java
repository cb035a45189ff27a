package dev.hsig.function;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The real function {@code y = clip(alpha*x + beta, 0, 1)} with exact rational constants. {@code name} is a
 * preset name or {@code custom}; {@code source} says where the constants come from.
 */
public record HardSigmoid(String name, Rational alpha, Rational beta, String source) {
    public static final List<HardSigmoid> PRESETS = List.of(
            new HardSigmoid("keras", Rational.of(1, 5), Rational.HALF,
                    "Keras 2 / Theano / ONNX HardSigmoid defaults (alpha 0.2, beta 0.5)"),
            new HardSigmoid("pytorch", Rational.of(1, 6), Rational.HALF,
                    "PyTorch Hardsigmoid, Keras 3, ONNX HardSwish's gate (1/6, 1/2)"),
            new HardSigmoid("courbariaux", Rational.HALF, Rational.HALF,
                    "BinaryConnect (Courbariaux et al.), QKeras hard_sigmoid (1/2, 1/2)"),
            new HardSigmoid("quarter", Rational.of(1, 4), Rational.HALF, "slope 1/4, offset 1/2"),
            new HardSigmoid("qkeras-smooth", Rational.of(3, 16), Rational.HALF,
                    "QKeras smooth_sigmoid (3/16, 1/2)"));

    public HardSigmoid {
        if (alpha.signum() <= 0) {
            throw new InvalidInputException("alpha " + alpha.toDecimalString() + " is not valid: alpha must be positive"
                    + " (the hard sigmoid rises from 0 to 1)");
        }
    }

    public static HardSigmoid preset(String name) {
        for (HardSigmoid p : PRESETS) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        throw new InvalidInputException("function '" + name + "' is not valid: expected one of " + presetNames()
                + ", custom");
    }

    public static HardSigmoid custom(Rational alpha, Rational beta) {
        return new HardSigmoid("custom", alpha, beta, "custom constants");
    }

    public static String presetNames() {
        return PRESETS.stream().map(HardSigmoid::name).collect(Collectors.joining(", "));
    }

    /** The exact real value for an exact real input. */
    public Rational apply(Rational x) {
        return alpha.multiply(x).add(beta).max(Rational.ZERO).min(Rational.ONE);
    }

    /** The real input where {@code alpha*x + beta = 0}: below it the output is 0. */
    public Rational lowerKnee() {
        return beta.negate().divide(alpha);
    }

    /** The real input where {@code alpha*x + beta = 1}: at and above it the output is 1. */
    public Rational upperKnee() {
        return Rational.ONE.subtract(beta).divide(alpha);
    }

    /** {@code y = clip(1/5*x + 1/2, 0, 1)}. */
    public String formula() {
        return "y = clip(" + alpha + "*x + " + beta + ", 0, 1)";
    }
}
