package dev.hsig.framework;

/**
 * PyTorch's quantized hardswish and hardsigmoid under the QNNPACK engine (quint8), transcribed from
 * aten/src/ATen/native/quantized/cpu/qnnpack/src/hardswish.c and hardsigmoid.c: a 256-entry table computed in
 * float32, each step rounded to float32 as C does without FMA contraction, the result clamped to [0, 255] and
 * rounded by lrintf (to nearest, ties to even). The kernel itself only reads the table.
 */
final class QnnpackTable {
    private QnnpackTable() {
    }

    /** hardswish: x * clamp(x + 3, 0, 6) / 6. */
    static int hardswish(float inputScale, int inputZero, float outputScale, int outputZero, int q) {
        float x = inputScale * (float) (q - inputZero);
        float gate = x + 3.0f;
        gate = gate > 0.0f ? gate : 0.0f;
        gate = gate < 6.0f ? gate : 6.0f;
        return quantize(x * gate / 6.0f, outputScale, outputZero);
    }

    /** hardsigmoid: clamp(x + 3, 0, 6) / 6 (QNNPACK requires the output scale 1/256 and zero point 0). */
    static int hardsigmoid(float inputScale, int inputZero, float outputScale, int outputZero, int q) {
        float x = inputScale * (float) (q - inputZero);
        float gate = x + 3.0f;
        gate = gate > 0.0f ? gate : 0.0f;
        gate = gate < 6.0f ? gate : 6.0f;
        return quantize(gate / 6.0f, outputScale, outputZero);
    }

    private static int quantize(float y, float outputScale, int outputZero) {
        float inverse = 1.0f / outputScale;
        float scaled = inverse * y + (float) outputZero;
        scaled = Math.max(0.0f, Math.min(255.0f, scaled));
        return (int) Math.rint(scaled);
    }
}
