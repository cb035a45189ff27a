package dev.hsig.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.cli.Cli;
import dev.hsig.verilog.HdlTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Python model of a binarized core, run by python3, against the CSV that generate writes from the Java model. */
@Execution(ExecutionMode.CONCURRENT)
class PythonBinarizerTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "network, 3 lanes;--function keras --input Q3.5 --output UQ1.7 --binarize stochastic --pipeline 1 --lanes 3 --seed 5",
        "table;--function courbariaux --input Q3.3 --output UQ1.4 --binarize stochastic --pipeline 1 --lanes 2",
        "deterministic;--function keras --input Q4.6 --output UQ1.8 --binarize deterministic --lanes 2"})
    void thePythonModelGivesTheJavaModelsBits(String title, String options) throws Exception {
        HdlTools.require("python3");
        List<String> args = new ArrayList<>(List.of("generate", "--name", "bz", "--core-dir", dir.toString(),
                "--testbench-dir", dir.toString(), "--python-model"));
        args.addAll(List.of(options.split(" ")));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        boolean stochastic = options.contains("stochastic");
        String check = stochastic
                ? "ok = m.eval(x) == p and m.random(n, lane) == rr and m.binarize(x, n, lane) == y"
                : "ok = m.eval(x) == p and m.binarize(x) == y";
        Files.writeString(dir.resolve("check.py"), "import bz as m\n"
                + "rows = [list(map(int, [f[0], f[2], f[4], f[5], f[6], f[7]])) for f in\n"
                + "        (line.strip().split(',') for line in open('bz.csv').readlines()[1:])]\n"
                + "bad = 0\n"
                + "for x, p, n, lane, rr, y in rows:\n"
                + "    " + check + "\n"
                + "    bad += 0 if ok else 1\n"
                + "print('%d passed, %d failed' % (len(rows) - bad, bad))\n");
        Process p = new ProcessBuilder("python3", "check.py").directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python3 timed out");
        assertEquals(0, p.exitValue(), output);
        long rows = Files.readAllLines(dir.resolve("bz.csv")).size() - 1;
        assertEquals(rows + " passed, 0 failed", output.trim());
    }
}
