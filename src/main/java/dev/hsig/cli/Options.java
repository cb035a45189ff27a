package dev.hsig.cli;

import dev.hsig.area.Implementation;
import dev.hsig.area.Target;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.spec.Config;
import dev.hsig.spec.ModelOptions;
import dev.hsig.spec.Presets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The model options every command shares, read from the command line into {@link ModelOptions}. */
final class Options {
    static final Set<String> MODEL = Set.copyOf(ModelOptions.NAMES.stream().filter(n -> !ModelOptions.FLAGS.contains(n))
            .map(n -> "--" + n).toList());
    /** The model's switches, which take no value: given, each stands for the value "true". */
    static final Set<String> MODEL_FLAGS = Set.copyOf(ModelOptions.FLAGS.stream().map(n -> "--" + n).toList());

    private Options() {
    }

    static Config config(Arguments a) {
        return config(a, Set.of());
    }

    /** The configuration from every model option but those in {@code skip}, which the command reads itself. */
    static Config config(Arguments a, Set<String> skip) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : ModelOptions.NAMES) {
            if (a.has("--" + name) && !skip.contains("--" + name) && !ModelOptions.FLAGS.contains(name)) {
                values.put(name, a.value("--" + name));
            }
        }
        for (String name : ModelOptions.FLAGS) {
            if (a.has("--" + name) && !skip.contains("--" + name)) {
                values.put(name, "true");
            }
        }
        return ModelOptions.config(values);
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }

    static String usage() {
        return """
                  --function NAME   %s,
                                    custom or pwl (default %s)
                  --input FMT       input format: Qm.n (signed, m counts the sign bit), UQm.n (unsigned),
                                    ap_fixed<W,I> or ap_ufixed<W,I>, width 1 to 32 bits (default %s);
                                    or affine, as TFLite/ONNX/PyTorch quantize: int8[scale=S,zero=Z],
                                    uint8[scale=S,zero=Z], intN/uintN for N = 2 to 16, value S*(q - Z)
                  --exact-scales    keep affine scales exactly as written (default: rounded to the nearest
                                    float32, as every framework stores them)
                  --output FMT      output format, the same forms, or ap_fixed<W,I,Q,O> to set rounding and
                                    overflow too (default: the function's own, UQ1.15 for keras; a format that
                                    cannot hold f(x) saturates, or wraps with --overflow wrap)
                  --alpha A --beta B [--lo L] [--hi H]
                                    custom: clip(A*x + B, L, H), exact decimals (0.2) or fractions (1/5);
                                    A != 0, L < H, defaults L = 0 and H = 1
                  --knots K         pwl: "x0:y0,x1:y1,...", at least 2 knots, x strictly increasing; constant
                                    y0 below x0 and yk above xk
                  --rounding MODE   %s
                                    (default %s, the ap_fixed AP_RND_CONV; hls4ml: floor)
                  --overflow MODE   %s (default %s, AP_SAT; hls4ml: wrap, AP_WRAP)
                  --terms K         clipped lines only: at most K nonzero signed digits in the slope, 1 to %d:
                                    fewer adders, approximate, with a proven error bound (default: correctly
                                    rounded); more terms need wider words, and the tool says when they do not fit
                  --implementation I
                                    %s (default %s): how the core is built, never what it
                                    outputs; auto keeps the smaller by the --target's area estimate, a table is
                                    built for inputs of up to %d bits
                  --target T        %s (default %s): the device family auto minimizes
                                    the area of (iCE40 logic cells, 7-series LUTs)
                  --semantics S     %s (default exact): reproduce a framework's quantized
                                    kernel bit for bit on affine int8/uint8 formats: tflite (hard-swish),
                                    pytorch (hard-swish, pytorch = hardsigmoid; quint8), onnx (QDQ)
                """.formatted(Presets.names(), ModelOptions.DEFAULT_FUNCTION, ModelOptions.DEFAULT_INPUT,
                RoundingMode.allNames(), RoundingMode.DEFAULT.cliName(), Overflow.allNames(), Overflow.DEFAULT.cliName(),
                Config.MAX_TERMS, Implementation.allNames(), Implementation.DEFAULT.cliName(),
                Implementation.MAX_TABLE_INPUT_BITS, Target.allNames(), Target.DEFAULT.cliName(),
                dev.hsig.framework.Semantics.allNames());
    }
}
