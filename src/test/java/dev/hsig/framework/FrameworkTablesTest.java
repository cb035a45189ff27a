package dev.hsig.framework;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.model.BatchModel;
import dev.hsig.spec.Config;
import dev.hsig.spec.ModelOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --semantics} against the real runtimes: every input word of each setting in the committed tables, which
 * the scripts beside them wrote by running PyTorch 1.13.1 (engine qnnpack) and TFLite 2.6.2's C library. Both the
 * framework model and the table core's model must give the runtime's word on every input.
 */
class FrameworkTablesTest {
    /** One setting: the options hsig is given, the float32 bits the runtime used, and its 2^W outputs. */
    record Setting(String semantics, Map<String, String> options, String inBits, String outBits, long[] outputs) {
        @Override
        public String toString() {
            return semantics + " " + options;
        }
    }

    static List<Setting> read(String resource, String semantics) throws IOException {
        List<Setting> settings = new ArrayList<>();
        try (InputStream in = FrameworkTablesTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Map<String, String> o = new LinkedHashMap<>();
                o.put("function", switch (f[0]) {
                    case "hardswish" -> "hard-swish";
                    case "hardsigmoid" -> "pytorch";
                    default -> throw new IllegalArgumentException(f[0]);
                });
                o.put("input", f[1] + "[scale=" + f[2] + ",zero=" + f[4] + "]");
                o.put("output", f[5] + "[scale=" + f[6] + ",zero=" + f[8] + "]");
                o.put("semantics", semantics);
                settings.add(new Setting(semantics, o, f[3], f[7], Stream.of(f[9].trim().split(" "))
                        .mapToLong(Long::parseLong).toArray()));
            }
        }
        return settings;
    }

    static Stream<Setting> settings() throws IOException {
        List<Setting> all = new ArrayList<>(read("/frameworks/pytorch-tables.tsv", "pytorch"));
        all.addAll(read("/frameworks/tflite-tables.tsv", "tflite"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void everyInputEqualsTheRuntime(Setting s) {
        Config c = ModelOptions.config(s.options());
        assertEquals(s.inBits(), String.format("%08X", c.input().affine().float32Bits()), "input scale as float32");
        assertEquals(s.outBits(), String.format("%08X", c.output().affine().float32Bits()), "output scale as float32");
        QFormat in = c.input();
        assertEquals(in.count(), s.outputs().length, "the table covers every input word");
        long[] expected = new long[s.outputs().length];
        for (int i = 0; i < expected.length; i++) {
            // The tables list outputs by the input's bit pattern 0..255; the model indexes from minRaw.
            long x = in.minRaw() + i;
            expected[i] = c.output().fromBits(s.outputs()[(int) in.toBits(x)]);
        }
        assertArrayEquals(expected, Frameworks.outputs(c), "the framework model");
        Datapath d = DatapathPlanner.plan(c);
        long[] xs = new long[expected.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = in.minRaw() + i;
        }
        long[] y = new long[xs.length];
        BatchModel.compiled(d).evaluate(xs, y);
        assertArrayEquals(expected, y, "the core's model");
        int differ = Frameworks.differences(c, expected).size();
        if (differ <= 16) {
            // The other build: the correctly rounded shift-add core, patched where the framework differs.
            Datapath patched = DatapathPlanner.plan(c.with(dev.hsig.area.Implementation.SHIFT_ADD));
            long[] p = new long[xs.length];
            BatchModel.compiled(patched).evaluate(xs, p);
            assertArrayEquals(expected, p, "the patched core's model");
        }
        System.out.println(s + ": " + differ + " of " + xs.length + " inputs differ from correct rounding");
        // Where f(x) is representable a framework is off by at most one step more than correct rounding.
        assertTrue(d.errorBound().representable().compareTo(dev.hsig.arithmetic.Rational.of(3, 2)) <= 0,
                "within 1.5 ulps where representable: " + d.errorBound());
    }
}
