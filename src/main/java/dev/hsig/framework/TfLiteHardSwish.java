package dev.hsig.framework;

import static dev.hsig.framework.Gemmlowp.downScaleToInt16;
import static dev.hsig.framework.Gemmlowp.quantizeMultiplier;
import static dev.hsig.framework.Gemmlowp.roundingDivideByPot;
import static dev.hsig.framework.Gemmlowp.saturatingDoublingHighMul;
import static dev.hsig.framework.Gemmlowp.saturatingLeftShift;
import static dev.hsig.framework.Gemmlowp.saturatingRoundingDoublingHighMul;

/**
 * TFLite 2.6's quantized HARD_SWISH for int8 and uint8, transcribed from its source: the parameters as
 * {@code HardSwishPrepare} (tensorflow/lite/kernels/activations.cc) sets them, in float32 and then double, and the
 * int16 fixed-point kernel of {@code reference_ops::HardSwish} (kernels/internal/reference/hard_swish.h). Java's
 * float is IEEE binary32 and its double binary64, as C++'s are on the x86-64 build, so every step rounds as there.
 */
final class TfLiteHardSwish {
    private final int inputZero;
    private final int outputZero;
    private final short outputMultiplier;
    private final int outputExponent;
    private final short reluishMultiplier;
    private final int reluishExponent;
    private final int min;
    private final int max;

    TfLiteHardSwish(float inputScale, int inputZero, float outputScale, int outputZero, int min, int max) {
        this.inputZero = inputZero;
        this.outputZero = outputZero;
        this.min = min;
        this.max = max;
        float hiresInputScale = (1.0f / 128.0f) * inputScale;
        float reluishScale = 3.0f / 32768.0f;
        float outputMultiplierReal = hiresInputScale / outputScale;
        int[] out = quantizeMultiplier(outputMultiplierReal);
        this.outputMultiplier = downScaleToInt16(out[0]);
        this.outputExponent = out[1];
        float reluishMultiplierReal = hiresInputScale / reluishScale;
        int[] reluish = quantizeMultiplier(reluishMultiplierReal);
        this.reluishMultiplier = downScaleToInt16(reluish[0]);
        this.reluishExponent = reluish[1];
    }

    /** Whether Prepare accepts the scales: it requires a multiplier below 1 on the output side. */
    boolean prepared() {
        return outputExponent <= 0;
    }

    int outputExponent() {
        return outputExponent;
    }

    /** The kernel on one input word. */
    int apply(int q) {
        short input = (short) (q - inputZero);
        short hires = (short) (input * (1 << 7));
        short preshiftOutput = saturatingRoundingDoublingHighMul(hires, outputMultiplier);
        short reluish = hires;
        if (reluishExponent > 0) {
            reluish = saturatingLeftShift(reluish, reluishExponent - 1);
        }
        reluish = saturatingRoundingDoublingHighMul(reluish, reluishMultiplier);
        if (reluishExponent > 0) {
            reluish = saturatingLeftShift(reluish, 1);
        }
        if (reluishExponent < 0) {
            reluish = roundingDivideByPot(reluish, -reluishExponent);
        }
        reluish = (short) ((reluish + (1 << 15)) >> 1);
        short preshift = saturatingDoublingHighMul(reluish, preshiftOutput);
        short output = roundingDivideByPot(preshift, -outputExponent);
        output = (short) (output + outputZero);
        return Math.max(min, Math.min(max, output));
    }
}
