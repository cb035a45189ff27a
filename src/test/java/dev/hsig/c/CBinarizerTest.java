package dev.hsig.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hsig.cli.Cli;
import dev.hsig.tools.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The C model of a binarized core, {@code NAME_random} and {@code NAME_binarize}, against the CSV that
 * {@code generate} writes from the Java model (output index, lane, r and the bit of every vector), compiled with the
 * sanitizers as C99 and checked to compile as C++11.
 */
@Execution(ExecutionMode.CONCURRENT)
class CBinarizerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "arithmetic mix, 3 lanes;--function keras --input Q3.5 --output UQ1.7 --binarize stochastic --pipeline 1 --lanes 3 --seed 5",
        "table mix;--function courbariaux --input Q3.3 --output UQ1.4 --binarize stochastic --pipeline 1 --lanes 2",
        "16-bit words;--function pytorch --input Q4.12 --output UQ0.16 --binarize stochastic --pipeline 1 --lanes 2 --vectors 3000",
        "deterministic;--function keras --input Q4.6 --output UQ1.8 --binarize deterministic --lanes 2"})
    void theCModelGivesTheJavaModelsBits(String title, String options) throws Exception {
        Assumptions.assumeTrue(ExternalTool.onPath("gcc") && ExternalTool.onPath("g++"), "gcc and g++ are needed");
        Path dir = Files.createDirectories(Path.of("target", "c-tests", "binarize_" + title.replaceAll("\\W", "_"))
                .toAbsolutePath());
        List<String> args = new ArrayList<>(List.of("generate", "--name", "bz", "--core-dir", dir.toString(),
                "--testbench-dir", dir.toString(), "--c-model"));
        args.addAll(List.of(options.split(" ")));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        boolean stochastic = options.contains("stochastic");
        Files.writeString(dir.resolve("check.c"), """
                #include <stdio.h>
                #include <inttypes.h>
                #include "bz.h"
                int main(void) {
                    FILE *f = fopen("bz.csv", "r");
                    char line[256];
                    long long x, p;
                    unsigned long long n, rr;
                    int lane, y;
                    long passed = 0, failed = 0;
                    if (!fgets(line, sizeof line, f)) return 2;  /* the header */
                    while (fgets(line, sizeof line, f)
                            && sscanf(line, "%lld,%*[^,],%lld,%*[^,],%llu,%d,%llu,%d", &x, &p, &n, &lane, &rr, &y) == 6) {
                        int ok = bz_eval((int64_t)x) == (int64_t)p;
                CHECK_LINE
                        if (ok) passed++;
                        else if (++failed <= 10) printf("MISMATCH x=%lld output %llu lane %d\\n", x, n, lane);
                    }
                    fclose(f);
                    printf("%ld passed, %ld failed\\n", passed, failed);
                    return failed != 0;
                }
                """.replace("CHECK_LINE", stochastic
                ? "        ok = ok && bz_random((uint64_t)n, lane) == (uint64_t)rr && bz_binarize((int64_t)x, (uint64_t)n, lane) == y;"
                : "        ok = ok && bz_binarize((int64_t)x) == y;"));
        CModelTest.run(dir, "gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-O1", "-fsanitize=undefined,address",
                "-fno-sanitize-recover=all", "-o", "check", "check.c");
        long rows = Files.readAllLines(dir.resolve("bz.csv")).size() - 1;
        assertEquals(rows + " passed, 0 failed", CModelTest.run(dir, dir.resolve("check").toString()).trim());
        Files.writeString(dir.resolve("check.cpp"), "#include \"bz.h\"\nint main() { return "
                + (stochastic ? "bz_binarize(0, 0, 0) + (int)(bz_random(1, 99) != UINT64_MAX)" : "bz_binarize(0) - 1")
                + "; }\n");
        CModelTest.run(dir, "g++", "-std=c++11", "-Wall", "-Wextra", "-Werror", "-o", "checkpp", "check.cpp");
    }
}
