package dev.hsig.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.cli.CommittedCores;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.model.BatchModel;
import dev.hsig.spec.Config;
import dev.hsig.testbench.CoreBundle;
import dev.hsig.verilog.HdlMatrixAccess;
import dev.hsig.verilog.HdlTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The Python model, run by the real python3, against the Java model: every input word of every committed core, and
 * of every other HDL matrix configuration up to 12 input bits, sampled words above; and its other entry points
 * (eval_bits, eval_checked, the exact values) on each.
 */
@Execution(ExecutionMode.CONCURRENT)
class PythonModelTest {
    private static final int SAMPLED = 4096;

    @TempDir
    Path temp;

    @Test
    void everyCoreAgreesWithTheJavaModel() throws Exception {
        HdlTools.require("python3");
        Map<String, Config> configs = new LinkedHashMap<>();
        // Each distinct configuration once: the committed cores' (every input word), then the HDL matrix's (every
        // input word up to 12 bits, a sample above: the 16-bit ones are the committed presets' again, in other
        // rounding modes).
        Map<Config, String> seen = new LinkedHashMap<>();
        for (CommittedCores.Core c : CommittedCores.all()) {
            if (seen.putIfAbsent(c.config(), c.name()) == null) {
                configs.put(c.name(), c.config());
            }
        }
        int committed = configs.size();
        for (HdlMatrixAccess.Named n : HdlMatrixAccess.cases()) {
            if (seen.putIfAbsent(n.config(), n.name()) == null) {
                configs.put(n.name(), n.config());
            }
        }
        assertTrue(committed >= 10 && configs.size() > 50, "cores checked: " + committed + ", " + configs.size());
        int i = 0;
        for (Map.Entry<String, Config> e : configs.entrySet()) {
            check(e.getKey(), DatapathPlanner.plan(e.getValue()), i++ < committed ? 16 : 12);
        }
    }

    private void check(String name, Datapath d, int exhaustiveBits) throws IOException, InterruptedException {
        QFormat in = d.config().input();
        long[] xs = inputs(in, exhaustiveBits);
        long[] expected = new long[xs.length];
        BatchModel.interpreted(d).evaluate(xs, expected);
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve(name + ".py"), CoreBundle.pythonModel(d, name, dev.hsig.hdl.Interface.of(0)));
        StringBuilder inputs = new StringBuilder();
        for (long x : xs) {
            inputs.append(x).append('\n');
        }
        Files.writeString(dir.resolve("inputs.txt"), inputs);
        // eval on each input; eval_bits on its bits; eval_checked refusing one word past the top; exact values.
        String script = "import " + name + " as m\n"
                + "xs = [int(l) for l in open('inputs.txt')]\n"
                + "out = [m.eval(x) for x in xs]\n"
                + "assert [m.eval_bits(x & ((1 << m.INPUT_WIDTH) - 1)) for x in xs] == out\n"
                + "try:\n    m.eval_checked(m.INPUT_MAX + 1)\n    raise SystemExit('eval_checked took a bad word')\n"
                + "except ValueError:\n    pass\n"
                + "print(m.input_value(m.INPUT_MIN), m.output_value(out[0]))\n"
                + "print('\\n'.join(map(str, out)))\n";
        Files.writeString(dir.resolve("check.py"), script);
        Process p = new ProcessBuilder("python3", "check.py").directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), name + ": python3 timed out");
        assertEquals(0, p.exitValue(), name + ": " + output.lines().limit(20).toList());
        List<String> lines = output.lines().toList();
        String[] values = lines.get(0).split(" ");
        assertEquals(fraction(in.value(in.minRaw())), values[0], name + ": input_value");
        assertEquals(fraction(d.config().output().value(expected[0])), values[1], name + ": output_value");
        assertEquals(xs.length, lines.size() - 1, name + ": one output per input");
        for (int i = 0; i < xs.length; i++) {
            if (Long.parseLong(lines.get(i + 1)) != expected[i]) {
                assertEquals(expected[i], Long.parseLong(lines.get(i + 1)), name + " at x_raw=" + xs[i]);
            }
        }
    }

    /** Python's Fraction prints p/q in lowest terms, or p. */
    private static String fraction(dev.hsig.arithmetic.Rational r) {
        return r.toString();
    }

    private static long[] inputs(QFormat in, int exhaustiveBits) {
        if (in.width() <= exhaustiveBits) {
            long[] xs = new long[(int) in.count()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = in.minRaw() + i;
            }
            return xs;
        }
        List<Long> xs = new ArrayList<>(List.of(in.minRaw(), in.maxRaw(), 0L, -1L, 1L));
        SplittableRandom r = new SplittableRandom(in.width());
        while (xs.size() < SAMPLED) {
            xs.add(r.nextLong(in.minRaw(), in.maxRaw() + 1));
        }
        return xs.stream().filter(in::contains).mapToLong(Long::longValue).toArray();
    }
}
