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

/**
 * ONNX QDQ semantics, where no runtime is at hand here (onnxruntime is neither a Debian package nor on Maven
 * Central for this machine): held to what float32 arithmetic must give. With power-of-two scales every step of Clip
 * is exact, so the result is the correctly rounded one (ties to even, saturating); elsewhere float32 moves a result
 * by at most one step from correct rounding.
 */
class OnnxSemanticsTest {
    @Test
    void clipWithBinaryScalesIsCorrectlyRounded() {
        for (String[] s : new String[][] {{"relu6", "int8[scale=0.0625,zero=-64]", "uint8[scale=0.03125,zero=3]"},
            {"hard-tanh", "int8[scale=0.015625]", "int8[scale=0.03125,zero=-5]"},
            {"relu6", "uint8[scale=0.125,zero=100]", "uint8[scale=0.0625,zero=17]"}}) {
            Config onnx = ModelOptions.config(Map.of("function", s[0], "input", s[1], "output", s[2], "semantics",
                    "onnx"));
            long[] y = Frameworks.outputs(onnx);
            assertEquals(0, Frameworks.differences(onnx, y).size(), String.join(" ", s));
            assertTrue(Frameworks.differences(onnx, y).isEmpty());
        }
    }
}
