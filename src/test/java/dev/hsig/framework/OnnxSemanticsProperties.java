package dev.hsig.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.spec.Config;
import dev.hsig.spec.ModelOptions;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The properties of OnnxSemanticsTest, apart so that each engine's run has a class (and a surefire report) of its own. */
class OnnxSemanticsProperties {
    @Property(tries = 300)
    void hardSigmoidAndHardSwishStayWithinOneStep(@ForAll @IntRange(min = 100, max = 9000) int inScale,
            @ForAll @IntRange(min = -128, max = 127) int inZero, @ForAll @IntRange(min = 20, max = 900) int outScale,
            @ForAll @IntRange(min = -128, max = 127) int outZero, @ForAll @IntRange(min = 0, max = 3) int which) {
        String f = new String[] {"keras", "pytorch", "hard-swish", "courbariaux"}[which];
        Config onnx = ModelOptions.config(Map.of("function", f, "input", "int8[scale=" + inScale + "e-5,zero=" + inZero
                + "]", "output", "int8[scale=" + outScale + "e-5,zero=" + outZero + "]", "semantics", "onnx"));
        for (Frameworks.Difference d : Frameworks.differences(onnx, Frameworks.outputs(onnx))) {
            assertTrue(Math.abs(d.framework() - d.exact()) <= 1, f + " " + onnx.options() + ": " + d);
        }
    }
}
