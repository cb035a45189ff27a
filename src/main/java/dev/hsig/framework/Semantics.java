package dev.hsig.framework;

import dev.hsig.InvalidInputException;
import dev.hsig.text.CliNames;

/**
 * Whose arithmetic a core reproduces: the exact, correctly rounded function (hsig's own), or a framework's quantized
 * kernel bit for bit, transcribed from its public source, for a verification engineer who must match that
 * framework on every input.
 */
public enum Semantics {
    /** The exact function, rounded as --rounding says: hsig's default. */
    EXACT("exact", "the exact function, correctly rounded"),
    /** TFLite 2.6's int8/uint8 HARD_SWISH kernel (reference_ops::HardSwish, parameters from HardSwishPrepare). */
    TFLITE("tflite", "TFLite's quantized HARD_SWISH kernel: int16 fixed point, parameters prepared in float32"),
    /** PyTorch's quantized hardswish and hardsigmoid under the QNNPACK engine: a float32 lookup table. */
    PYTORCH("pytorch", "PyTorch's quantized kernel (engine qnnpack): a 256-entry table computed in float32"),
    /** ONNX QDQ: DequantizeLinear, the float32 operator, QuantizeLinear. */
    ONNX("onnx", "ONNX QDQ: DequantizeLinear, the float32 operator, QuantizeLinear (ties to even, saturating)");

    public static final Semantics DEFAULT = EXACT;

    private final String cliName;
    private final String meaning;

    Semantics(String cliName, String meaning) {
        this.cliName = cliName;
        this.meaning = meaning;
    }

    public String cliName() {
        return cliName;
    }

    public String meaning() {
        return meaning;
    }

    public static Semantics parse(String text) {
        return CliNames.find(values(), Semantics::cliName, text).orElseThrow(() -> new InvalidInputException(
                "--semantics '" + text + "' is not valid: expected one of " + allNames()));
    }

    public static String allNames() {
        return CliNames.list(values(), Semantics::cliName);
    }
}
