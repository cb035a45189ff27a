package dev.hsig.spec;

import dev.hsig.InvalidInputException;
import dev.hsig.area.Implementation;
import dev.hsig.area.Target;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.format.TypeSpec;
import dev.hsig.framework.Semantics;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options that choose the arithmetic, as the strings a user types, turned into a {@link Config}. The command
 * line and the Java library both come through here, so they accept the same values with the same messages.
 * Keys are the option names without their dashes: {@code input}, {@code function}, {@code alpha}, ...
 */
public final class ModelOptions {
    public static final String DEFAULT_INPUT = "Q4.12";
    public static final String DEFAULT_FUNCTION = "keras";
    public static final List<String> NAMES = List.of("input", "output", "function", "alpha", "beta", "lo", "hi",
            "knots", "rounding", "overflow", "terms", "implementation", "target", "semantics", "exact-scales");
    /** The options that are switches: present (value "true") or absent. */
    public static final List<String> FLAGS = List.of("exact-scales");
    private static final List<String> CUSTOM_ONLY = List.of("alpha", "beta", "lo", "hi");

    private ModelOptions() {
    }

    public static Config config(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!NAMES.contains(key)) {
                throw new IllegalArgumentException("unknown model option '" + key + "': expected one of " + NAMES);
            }
        }
        boolean exactScales = Boolean.parseBoolean(options.getOrDefault("exact-scales", "false"));
        QFormat in = QFormat.parse(options.getOrDefault("input", DEFAULT_INPUT), exactScales);
        String name = options.getOrDefault("function", DEFAULT_FUNCTION);
        Activation f;
        Optional<Presets.Preset> preset = Optional.empty();
        if (name.equals("custom")) {
            if (!options.containsKey("alpha") || !options.containsKey("beta")) {
                throw new InvalidInputException("--function custom needs both --alpha and --beta (exact decimals or"
                        + " fractions, such as --alpha 1/5 --beta 0.5)");
            }
            refuse(options, "custom", List.of("knots"), "custom is clip(alpha*x + beta, lo, hi)");
            f = Functions.custom(number(options, "alpha"), number(options, "beta"),
                    options.containsKey("lo") ? number(options, "lo") : Rational.ZERO,
                    options.containsKey("hi") ? number(options, "hi") : Rational.ONE);
        } else if (name.equals("pwl")) {
            if (!options.containsKey("knots")) {
                throw new InvalidInputException("--function pwl needs --knots \"x0:y0,x1:y1,...\" (exact numbers, at"
                        + " least 2 knots, x increasing)");
            }
            refuse(options, "pwl", CUSTOM_ONLY, "pwl is defined by its knots");
            f = Functions.pwl(options.get("knots"));
        } else {
            preset = Optional.of(Presets.get(name));
            f = preset.get().function();
            for (String o : CUSTOM_ONLY) {
                if (options.containsKey(o)) {
                    throw new InvalidInputException("--" + o + " '" + options.get(o) + "' is only allowed with"
                            + " --function custom (preset '" + name + "' is " + f.formula() + ")");
                }
            }
            if (options.containsKey("knots")) {
                throw new InvalidInputException("--knots '" + options.get("knots") + "' is only allowed with"
                        + " --function pwl");
            }
        }
        Semantics semantics = options.containsKey("semantics") ? Semantics.parse(options.get("semantics"))
                : Semantics.DEFAULT;
        if (semantics != Semantics.EXACT) {
            // The framework rounds and saturates as it does; asking otherwise would be a contradiction.
            refuse(options, semantics, List.of("rounding", "overflow", "terms"));
        }
        TypeSpec outType = options.containsKey("output") ? TypeSpec.parse(options.get("output"), exactScales)
                : semantics != Semantics.EXACT ? new TypeSpec(frameworkOutput(semantics, name, in), Optional.empty(),
                        Optional.empty())
                : new TypeSpec(preset.map(Presets.Preset::output).orElseGet(() -> covering(f)), Optional.empty(),
                        Optional.empty());
        RoundingMode rounding = choose("--rounding", options.containsKey("rounding")
                ? Optional.of(RoundingMode.parse(options.get("rounding"))) : Optional.empty(), outType.rounding(),
                options.get("output"), preset.map(Presets.Preset::rounding).orElse(RoundingMode.DEFAULT));
        Overflow overflow = choose("--overflow", options.containsKey("overflow")
                ? Optional.of(Overflow.parse(options.get("overflow"))) : Optional.empty(), outType.overflow(),
                options.get("output"), preset.map(Presets.Preset::overflow).orElse(Overflow.DEFAULT));
        int terms = options.containsKey("terms") ? terms(options.get("terms")) : 0;
        Implementation implementation = options.containsKey("implementation")
                ? Implementation.parse(options.get("implementation")) : Implementation.DEFAULT;
        Target target = options.containsKey("target") ? Target.parse(options.get("target")) : Target.DEFAULT;
        return new Config(f, in, outType.format(), rounding, overflow, terms, implementation, target, semantics);
    }

    /**
     * A framework's own output when none is given: PyTorch's quantized hardsigmoid fixes it at quint8 with scale
     * 1/256 and zero point 0; elsewhere the input's format, as a quantized graph keeps one type through an activation.
     */
    static QFormat frameworkOutput(Semantics s, String function, QFormat in) {
        if (s == Semantics.PYTORCH && function.equals("pytorch")) {
            return QFormat.parse("uint8[scale=0.00390625]");
        }
        return in;
    }

    private static void refuse(Map<String, String> options, Semantics s, List<String> names) {
        for (String o : names) {
            if (options.containsKey(o)) {
                throw new InvalidInputException("--" + o + " '" + options.get(o) + "' is not allowed with --semantics "
                        + s.cliName() + ": the framework rounds and saturates as its kernel does");
            }
        }
    }

    /** The explicit option, or the mode the full ap_fixed output type names, or the function's default. */
    private static <T> T choose(String option, Optional<T> explicit, Optional<T> fromType, String type, T fallback) {
        if (explicit.isPresent() && fromType.isPresent() && !explicit.get().equals(fromType.get())) {
            throw new InvalidInputException(option + " '" + explicit.get() + "' conflicts with the output type '" + type
                    + "', which says " + fromType.get() + ": give one of them");
        }
        return explicit.or(() -> fromType).orElse(fallback);
    }

    private static void refuse(Map<String, String> options, String function, List<String> names, String why) {
        for (String o : names) {
            if (options.containsKey(o)) {
                throw new InvalidInputException("--" + o + " '" + options.get(o) + "' is not allowed with --function "
                        + function + ": " + why);
            }
        }
    }

    private static Rational number(Map<String, String> options, String key) {
        try {
            return Rational.parse(options.get(key));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--" + key + " " + e.getMessage());
        }
    }

    private static int terms(String text) {
        try {
            int k = Integer.parseInt(text.trim());
            if (k >= 1 && k <= Config.MAX_TERMS) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("--terms '" + text + "' is not valid: expected an integer from 1 to "
                + Config.MAX_TERMS + " (or leave it out for correct rounding)");
    }

    /**
     * A 16-bit output format that holds the function's clip range (or knot values): unsigned when nothing is
     * negative, with as few integer bits as hold the largest magnitude.
     */
    static QFormat covering(Activation f) {
        List<Polynomial> pieces = f.shape().pieces();
        Rational lo = pieces.get(0).c0().min(pieces.get(pieces.size() - 1).c0());
        Rational hi = pieces.get(0).c0().max(pieces.get(pieces.size() - 1).c0());
        if (f.line().isPresent()) {
            lo = f.line().get().lo();
            hi = f.line().get().hi();
        }
        for (Breakpoint b : f.shape().breakpoints()) {
            Rational y = f.at(b.x());
            lo = lo.min(y);
            hi = hi.max(y);
        }
        boolean signed = lo.signum() < 0;
        int integer = 0;
        while (integer < 16 && !(hi.compareTo(Rational.pow2(integer)) < 0 && lo.negate().compareTo(Rational.pow2(integer)) <= 0)) {
            integer++;
        }
        int width = 16;
        int bits = integer + (signed ? 1 : 0);
        return new QFormat(signed, width, Math.max(0, width - bits));
    }
}
