package dev.hsig.framework;

/**
 * An ONNX QDQ graph, DequantizeLinear -> float32 operator -> QuantizeLinear, as the operator definitions (and their
 * reference implementation) compute it: dequantize (q - zero) * scale in float32; HardSigmoid
 * max(0, min(1, alpha*x + beta)), HardSwish x * max(0, min(1, alpha*x + beta)) with alpha 1/6 and beta 0.5, or
 * Clip(lo, hi), all in float32 with alpha and beta as float32 attributes; quantize round-half-even(x / scale) +
 * zero, saturated.
 */
final class OnnxQdq {
    /** The float32 operator between the two quantization nodes. */
    interface Operator {
        float apply(float x);
    }

    private OnnxQdq() {
    }

    static Operator hardSigmoid(float alpha, float beta) {
        return x -> Math.max(0.0f, Math.min(1.0f, alpha * x + beta));
    }

    static Operator hardSwish() {
        float alpha = 1.0f / 6.0f;
        float beta = 0.5f;
        return x -> x * Math.max(0.0f, Math.min(1.0f, alpha * x + beta));
    }

    static Operator clip(float lo, float hi) {
        return x -> Math.max(lo, Math.min(hi, x));
    }

    static int apply(Operator op, float inputScale, int inputZero, float outputScale, int outputZero, int min, int max,
            int q) {
        float x = (float) (q - inputZero) * inputScale;
        float y = op.apply(x);
        float steps = (float) Math.rint(y / outputScale);
        long raw = (long) steps + outputZero;
        return (int) Math.max(min, Math.min(max, raw));
    }
}
