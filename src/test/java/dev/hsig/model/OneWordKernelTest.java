package dev.hsig.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hsig.area.Implementation;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.spec.ModelOptions;
import dev.hsig.spec.Presets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled kernel's one-word entry point, which Core.eval(long) takes after its first calls, against the
 * interpreter (the reference semantics) on every input word: every preset at Q4.12 (hard-swish on the long-word
 * kernel), a table, a hybrid and an affine core.
 */
class OneWordKernelTest {
    static List<Map<String, String>> configs() {
        List<Map<String, String>> all = new java.util.ArrayList<>();
        for (Presets.Preset p : Presets.ALL) {
            all.add(Map.of("function", p.function().name()));
        }
        all.add(Map.of("input", "Q3.5", "output", "UQ0.8", "implementation", Implementation.TABLE.cliName()));
        all.add(Map.of("function", "hard-tanh", "input", "Q8.8", "output", "Q2.6", "implementation", "hybrid"));
        all.add(Map.of("function", "hard-swish", "input", "int8[scale=0.0235294,zero=-128]", "output",
                "int8[scale=0.0235294,zero=-128]", "implementation", "shift-add"));
        return all;
    }

    @ParameterizedTest
    @MethodSource("configs")
    void oneWordEqualsTheInterpreterOnEveryInput(Map<String, String> options) {
        Datapath d = DatapathPlanner.plan(ModelOptions.config(new LinkedHashMap<>(options)));
        BatchModel compiled = BatchModel.compiled(d);
        ScalarModel interpreter = new ScalarModel(d);
        long min = d.config().input().minRaw();
        long max = d.config().input().maxRaw();
        for (long x = min; x <= max; x++) {
            long want = interpreter.evaluate(x);
            long got = compiled.evaluate(x);
            if (got != want) {
                assertEquals(want, got, options + " at x_raw=" + x);
            }
        }
    }
}
