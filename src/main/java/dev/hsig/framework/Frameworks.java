package dev.hsig.framework;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import dev.hsig.spec.ClippedLine;
import dev.hsig.spec.Config;
import dev.hsig.spec.ExactReference;
import java.util.ArrayList;
import java.util.List;

/**
 * A framework's output word for every input word of a configuration, under its {@link Semantics}: what the table
 * core is built from, what the testbench then expects (through the model), and what {@code prove} and
 * {@code report} compare against the exact function. Each framework accepts only what it implements, and says
 * what it does not in one line.
 */
public final class Frameworks {
    /** One input where the framework's output differs from the correctly rounded one. */
    public record Difference(long xRaw, long framework, long exact) {
    }

    private Frameworks() {
    }

    /** The outputs, index i for the input word minRaw + i. */
    public static long[] outputs(Config c) {
        QFormat in = c.input();
        QFormat out = c.output();
        Semantics s = c.semantics();
        if (s == Semantics.EXACT) {
            throw new IllegalArgumentException("exact semantics have no framework table");
        }
        requireAffine8(s, in, "input");
        requireAffine8(s, out, "output");
        float si = in.affine().scaleAsFloat();
        float so = out.affine().scaleAsFloat();
        int zi = (int) in.zero();
        int zo = (int) out.zero();
        int min = (int) out.minRaw();
        int max = (int) out.maxRaw();
        long[] y = new long[(int) in.count()];
        String name = c.function().name();
        switch (s) {
            case TFLITE -> {
                if (!name.equals("hard-swish")) {
                    throw new InvalidInputException("--semantics tflite is not valid for --function " + name + ":"
                            + " TFLite has no such quantized op (HARD_SWISH is its one hard activation; it has no"
                            + " HARD_SIGMOID); use --function hard-swish");
                }
                if (in.signed() != out.signed()) {
                    throw new InvalidInputException("--semantics tflite needs the input and output of one type, int8"
                            + " or uint8 (TFLite's HARD_SWISH requires it): got " + in + " and " + out);
                }
                TfLiteHardSwish k = new TfLiteHardSwish(si, zi, so, zo, min, max);
                if (!k.prepared()) {
                    throw new InvalidInputException("--semantics tflite is not valid for these scales: TFLite's"
                            + " HardSwishPrepare requires input scale / (128 * output scale) < 1, and " + in + " -> "
                            + out + " gives a multiplier exponent of " + k.outputExponent());
                }
                fill(y, in, k::apply);
            }
            case PYTORCH -> {
                if (in.signed() || out.signed()) {
                    throw new InvalidInputException("--semantics pytorch needs quint8 input and output (uint8[...]):"
                            + " PyTorch runs QNNPACK's kernels on quint8 only; got " + in + " and " + out);
                }
                if (name.equals("hard-swish")) {
                    fill(y, in, q -> QnnpackTable.hardswish(si, zi, so, zo, q));
                } else if (isLine(c, Rational.of(1, 6), Rational.HALF, Rational.ZERO, Rational.ONE)) {
                    if (so != 0x1.0p-8f || zo != 0) {
                        throw new InvalidInputException("--semantics pytorch hardsigmoid needs the output"
                                + " uint8[scale=0.00390625] (1/256, zero 0): QNNPACK supports no other, got " + out);
                    }
                    fill(y, in, q -> QnnpackTable.hardsigmoid(si, zi, so, zo, q));
                } else {
                    throw new InvalidInputException("--semantics pytorch is not valid for --function " + name + ":"
                            + " PyTorch's quantized kernels are hardswish (--function hard-swish) and hardsigmoid"
                            + " (--function pytorch)");
                }
            }
            case ONNX -> {
                OnnxQdq.Operator op = onnxOperator(c);
                fill(y, in, q -> OnnxQdq.apply(op, si, zi, so, zo, min, max, q));
            }
            default -> throw new IllegalStateException(s.toString());
        }
        return y;
    }

    /** Every input where the framework differs from the correctly rounded output, with both outputs. */
    public static List<Difference> differences(Config c, long[] outputs) {
        ExactReference exact = new ExactReference(c.function(), c.input(), c.output(), c.rounding(), c.overflow());
        List<Difference> d = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            long x = c.input().minRaw() + i;
            long e = exact.outputRaw(x);
            if (e != outputs[i]) {
                d.add(new Difference(x, outputs[i], e));
            }
        }
        return d;
    }

    private static OnnxQdq.Operator onnxOperator(Config c) {
        if (c.function().name().equals("hard-swish")) {
            return OnnxQdq.hardSwish();
        }
        if (c.function().line().isPresent()) {
            ClippedLine l = c.function().line().get();
            if (l.lo().equals(Rational.ZERO) && l.hi().equals(Rational.ONE)) {
                return OnnxQdq.hardSigmoid(asFloat(l.alpha()), asFloat(l.beta()));
            }
            if (l.alpha().equals(Rational.ONE) && l.beta().equals(Rational.ZERO)) {
                return OnnxQdq.clip(asFloat(l.lo()), asFloat(l.hi()));
            }
        }
        throw new InvalidInputException("--semantics onnx is not valid for --function " + c.function().name() + ":"
                + " ONNX has HardSigmoid (a clipped line into [0, 1]), HardSwish and Clip (a line of slope 1 through"
                + " 0: relu6, hard-tanh)");
    }

    /** A rational attribute as an exporter stores it: the double nearest, then the float nearest that. */
    private static float asFloat(Rational r) {
        return (float) r.toDouble();
    }

    private static boolean isLine(Config c, Rational alpha, Rational beta, Rational lo, Rational hi) {
        return c.function().line().map(l -> l.alpha().equals(alpha) && l.beta().equals(beta) && l.lo().equals(lo)
                && l.hi().equals(hi)).orElse(false);
    }

    private static void requireAffine8(Semantics s, QFormat f, String side) {
        if (!f.isAffine() || f.width() != 8) {
            throw new InvalidInputException("--semantics " + s.cliName() + " needs an 8-bit affine " + side + ","
                    + " int8[scale=S,zero=Z] or uint8[scale=S,zero=Z], as the framework quantizes: got " + f);
        }
    }

    private static void fill(long[] y, QFormat in, java.util.function.IntUnaryOperator f) {
        for (int i = 0; i < y.length; i++) {
            y[i] = f.applyAsInt((int) (in.minRaw() + i));
        }
    }
}
