package dev.hsig.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.model.BatchModel;
import dev.hsig.testbench.VectorSet;
import dev.hsig.testbench.Vectors;
import dev.hsig.tools.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The C model, compiled with every warning as an error and the undefined-behaviour and address sanitizers, equals
 * the Java model: on every input for inputs of at most 20 bits, else on the sampled vectors. Over the HDL matrix's
 * configurations, and once as C++.
 */
@Execution(ExecutionMode.CONCURRENT)
class CModelTest {
    static Stream<Object[]> configs() {
        return dev.hsig.verilog.HdlMatrixAccess.cases().stream().map(c -> new Object[] {c.name(), c.config()});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void theCModelEqualsTheJavaModel(String name, dev.hsig.spec.Config config) throws Exception {
        if (!ExternalTool.onPath("gcc")) {
            Assumptions.abort("gcc not installed");
        }
        Datapath d = DatapathPlanner.plan(config);
        QFormat in = config.input();
        Vectors v = in.width() <= 20 ? VectorSet.exhaustive(d) : VectorSet.sampled(d, 20000, 7);
        Path dir = Files.createDirectories(Path.of("target", "c-tests", name).toAbsolutePath());
        Files.writeString(dir.resolve("core.h"), CPrinter.emit(d, "core", List.of("C model under test")));
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            data.append(v.x()[i]).append(' ').append(v.y()[i]).append('\n');
        }
        Files.writeString(dir.resolve("vectors.txt"), data);
        Files.writeString(dir.resolve("check.c"), """
                #include <stdio.h>
                #include <inttypes.h>
                #include "core.h"
                int main(void) {
                    FILE *f = fopen("vectors.txt", "r");
                    long long x, y;
                    long passed = 0, failed = 0;
                    while (fscanf(f, "%lld %lld", &x, &y) == 2) {
                        int64_t got = core_eval((int64_t)x);
                        if (got == (int64_t)y) passed++;
                        else if (++failed <= 10) printf("MISMATCH x=%lld expected %lld got %" PRId64 "\\n", x, y, got);
                    }
                    fclose(f);
                    printf("%ld passed, %ld failed\\n", passed, failed);
                    return failed != 0;
                }
                """);
        run(dir, "gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-O1", "-fsanitize=undefined,address",
                "-fno-sanitize-recover=all", "-o", "check", "check.c");
        String out = run(dir, dir.resolve("check").toString());
        assertEquals(v.size() + " passed, 0 failed", out.trim(), name);
    }

    /** The same header compiles as C++ and gives the same outputs (a hard-swish core: the product, the lift). */
    @org.junit.jupiter.api.Test
    void theHeaderIsCplusplusToo() throws Exception {
        if (!ExternalTool.onPath("g++")) {
            Assumptions.abort("g++ not installed");
        }
        dev.hsig.spec.Config c = dev.hsig.spec.ModelOptions.config(java.util.Map.of("function", "hard-swish",
                "input", "Q4.8", "output", "Q3.9", "rounding", "nearest-away"));
        Datapath d = DatapathPlanner.plan(c);
        Path dir = Files.createDirectories(Path.of("target", "c-tests", "cxx").toAbsolutePath());
        Files.writeString(dir.resolve("core.h"), CPrinter.emit(d, "core", List.of("C model under test")));
        long[] x = new long[(int) c.input().count()];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.input().minRaw() + i;
        }
        long[] y = new long[x.length];
        BatchModel.interpreted(d).evaluate(x, y);
        long sum = 0;
        for (long value : y) {
            sum += value;
        }
        Files.writeString(dir.resolve("check.cpp"), "#include <cstdio>\n#include \"core.h\"\nint main() {\n"
                + "    long long sum = 0;\n    for (long long x = " + c.input().minRaw() + "; x <= " + c.input().maxRaw()
                + "; x++) sum += core_eval(x);\n    std::printf(\"%lld\\n\", sum);\n    return 0;\n}\n");
        run(dir, "g++", "-std=c++11", "-Wall", "-Wextra", "-Werror", "-fsanitize=undefined", "-o", "check", "check.cpp");
        assertEquals(Long.toString(sum), run(dir, dir.resolve("check").toString()).trim());
    }

    /** Two cores whose names differ only in case have distinct include guards: one program includes both. */
    @org.junit.jupiter.api.Test
    void namesThatDifferInCaseIncludeTogether() throws Exception {
        if (!ExternalTool.onPath("gcc")) {
            Assumptions.abort("gcc not installed");
        }
        Path dir = Files.createDirectories(Path.of("target", "c-tests", "case").toAbsolutePath());
        dev.hsig.spec.Config keras = dev.hsig.spec.ModelOptions.config(java.util.Map.of("function", "keras"));
        dev.hsig.spec.Config pytorch = dev.hsig.spec.ModelOptions.config(java.util.Map.of("function", "pytorch"));
        Files.writeString(dir.resolve("ka.h"), CPrinter.emit(DatapathPlanner.plan(keras), "ka", List.of("keras")));
        Files.writeString(dir.resolve("KA.h"), CPrinter.emit(DatapathPlanner.plan(pytorch), "KA", List.of("pytorch")));
        Files.writeString(dir.resolve("both.c"), "#include <stdio.h>\n#include \"ka.h\"\n#include \"KA.h\"\n"
                + "int main(void) { printf(\"%lld %lld\\n\", (long long)ka_eval(4096), (long long)KA_eval(4096));"
                + " return 0; }\n");
        run(dir, "gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-o", "both", "both.c");
        assertEquals(keras.exactReference().outputRaw(4096) + " " + pytorch.exactReference().outputRaw(4096),
                run(dir, dir.resolve("both").toString()).trim());
    }

    /**
     * The checked entry point refuses a word outside the format (the plain one does not check), and _eval_bits reads
     * the input from the low W bits: on every 16-bit pattern it equals the Java model's evalBits.
     */
    @org.junit.jupiter.api.Test
    void theCheckedAndTheBitsEntryPoints() throws Exception {
        if (!ExternalTool.onPath("gcc")) {
            Assumptions.abort("gcc not installed");
        }
        Path dir = Files.createDirectories(Path.of("target", "c-tests", "entries").toAbsolutePath());
        dev.hsig.Core core = dev.hsig.Core.builder().function("keras").build();
        Files.writeString(dir.resolve("ka.h"), core.cModel("ka"));
        long sum = 0;
        for (long bits = 0; bits < 65536; bits++) {
            sum += core.evalBits(bits) * (bits + 1);
        }
        Files.writeString(dir.resolve("entries.c"), "#include <stdio.h>\n#include \"ka.h\"\nint main(void) {\n"
                + "    int64_t y = -7;\n    long long sum = 0;\n"
                + "    for (uint64_t b = 0; b < 65536; b++) sum += (long long)ka_eval_bits(b) * (long long)(b + 1);\n"
                + "    int below = ka_eval_checked(-32769, &y), above = ka_eval_checked(32768, &y);\n"
                + "    int low = ka_eval_checked(-32768, &y);\n    long long at_low = (long long)y;\n"
                + "    int high = ka_eval_checked(32767, &y);\n"
                + "    printf(\"%lld %d %d %d %lld %d %lld\\n\", sum, below, above, low, at_low, high, (long long)y);\n"
                + "    return 0;\n}\n");
        run(dir, "gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-fsanitize=undefined", "-o", "entries", "entries.c");
        assertEquals(sum + " -1 -1 0 " + core.eval(-32768) + " 0 " + core.eval(32767),
                run(dir, dir.resolve("entries").toString()).trim());
    }

    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int exit = p.waitFor();
        assertTrue(exit == 0, String.join(" ", command) + " exited " + exit + ":\n" + out);
        return out;
    }
}
