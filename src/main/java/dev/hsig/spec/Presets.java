package dev.hsig.spec;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The named functions, with the output format, rounding and overflow a core gets when the user does not choose.
 * A new clipped-line preset is one line in {@link #ALL}; everything else (options, names, committed cores,
 * tests over every preset) reads this list.
 */
public final class Presets {
    /** A named function and its defaults. */
    public record Preset(Activation function, QFormat output, RoundingMode rounding, Overflow overflow) {
        public String name() {
            return function.name();
        }
    }

    public static final List<Preset> ALL = List.of(
            line("keras", "1/5", "1/2", "0", "1", "UQ1.15", "Keras 2 / Theano / ONNX HardSigmoid defaults (alpha 0.2, beta 0.5)"),
            line("pytorch", "1/6", "1/2", "0", "1", "UQ1.15", "PyTorch Hardsigmoid, Keras 3 hard_sigmoid, ONNX HardSwish's gate (1/6, 1/2)"),
            line("courbariaux", "1/2", "1/2", "0", "1", "UQ1.15", "BinaryConnect (Courbariaux et al.), QKeras hard_sigmoid (1/2, 1/2)"),
            line("quarter", "1/4", "1/2", "0", "1", "UQ1.15", "slope 1/4, offset 1/2"),
            line("qkeras-smooth", "3/16", "1/2", "0", "1", "UQ1.15", "QKeras smooth_sigmoid (3/16, 1/2)"),
            line("hard-tanh", "1", "0", "-1", "1", "Q2.14", "PyTorch Hardtanh with its defaults (min -1, max 1)"),
            line("relu6", "1", "0", "0", "6", "UQ3.13", "ReLU6: clip(x, 0, 6) (MobileNet, PyTorch ReLU6)"),
            new Preset(Functions.hardSwish(), QFormat.parse("Q4.12"), RoundingMode.DEFAULT, Overflow.DEFAULT),
            new Preset(Functions.plan(), QFormat.parse("UQ1.15"), RoundingMode.DEFAULT, Overflow.DEFAULT),
            new Preset(Activation.clippedLine("hls4ml", "hls4ml 1.x hard_sigmoid: slope 0.2 truncated to"
                    + " ap_ufixed<16,0> (13107/65536), shift 1/2, AP_TRN and AP_WRAP into the output type",
                    new ClippedLine(Rational.of(13107, 65536), Rational.HALF, Rational.ZERO, Rational.ONE), ""),
                    QFormat.parse("ap_fixed<16,6>"), RoundingMode.FLOOR, Overflow.WRAP));

    /** Other names for presets, as other frameworks call them. */
    public static final Map<String, String> ALIASES = Map.of("keras3", "pytorch");

    private Presets() {
    }

    private static Preset line(String name, String alpha, String beta, String lo, String hi, String output,
            String source) {
        ClippedLine l = new ClippedLine(Rational.parse(alpha), Rational.parse(beta), Rational.parse(lo),
                Rational.parse(hi));
        return new Preset(Activation.clippedLine(name, source, l, ""), QFormat.parse(output), RoundingMode.DEFAULT,
                Overflow.DEFAULT);
    }

    public static Optional<Preset> find(String name) {
        String resolved = ALIASES.getOrDefault(name, name);
        return ALL.stream().filter(p -> p.name().equals(resolved)).findFirst();
    }

    public static Preset get(String name) {
        return find(name).orElseThrow(() -> new InvalidInputException("function '" + name + "' is not valid: expected"
                + " one of " + names() + ", custom, pwl"));
    }

    /** Every name {@code --function} takes for a preset, aliases included. */
    public static String names() {
        return ALL.stream().map(Preset::name).collect(Collectors.joining(", ")) + ", "
                + ALIASES.keySet().stream().sorted().collect(Collectors.joining(", "));
    }
}
