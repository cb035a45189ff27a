package dev.hsig.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.cli.CommittedCores;
import dev.hsig.cli.Cli;
import dev.hsig.verilog.HdlTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C model where it is used: from {@code generate --c-model}, and in the committed Verilator harness. */
class CModelUseTest {

    /** The check: generate --c-model --name k writes k.h, and ten lines of C agree with k.csv everywhere. */
    @Test
    void aTenLineCProgramAgreesWithTheCsv(@TempDir Path temp) throws Exception {
        HdlTools.require("gcc");
        Path tb = temp.resolve("testbenches");
        Cli.Result r = Cli.run("generate", "--c-model", "--name", "k", "--core-dir", temp.resolve("rtl").toString(),
                "--testbench-dir", tb.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(tb.resolve("k.h")), r.out());
        String program = """
                #include <stdio.h>
                #include "k.h"
                int main(void) {
                    FILE *f = fopen("k.csv", "r"); char line[256]; long long x, y; long n = 0, bad = 0;
                    fgets(line, sizeof line, f);
                    while (fgets(line, sizeof line, f) && sscanf(line, "%lld,%*[^,],%lld", &x, &y) == 2) {
                        n++; if (k_eval(x) != y) bad++;
                    }
                    printf("%ld inputs, %ld disagree\\n", n, bad); return bad != 0 || n == 0;
                }
                """;
        assertEquals(10, program.lines().count());
        Files.writeString(tb.resolve("check.c"), program);
        CModelTest.run(tb, "gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-fsanitize=undefined,address",
                "-fno-sanitize-recover=all", "-o", "check", "check.c");
        assertEquals("65536 inputs, 0 disagree", CModelTest.run(tb, tb.resolve("check").toString()).trim());
    }

    /**
     * The committed harness, built by Verilator against the committed core and the committed header, passes on
     * every input; built against a core with one constant changed, it fails. So it really compares.
     */
    @Test
    void theCommittedVerilatorHarnessPassesAndCatchesAChange(@TempDir Path temp) throws Exception {
        HdlTools.require("verilator");
        CommittedCores.Core core = CommittedCores.harnessed();
        String name = core.name();
        Path repo = Path.of(System.getProperty("hsig.repo", ".")).toAbsolutePath();
        String verilog = Files.readString(repo.resolve("generated-verilog").resolve(name + ".v"));
        assertEquals("65536 passed, 0 failed", build(temp.resolve("good"), repo, name, verilog, 0).trim());

        Matcher offset = Pattern.compile("\\+ (\\d+)'h([0-9A-F]+);").matcher(verilog);
        assertTrue(offset.find(), verilog);
        String changed = verilog.replace(offset.group(0), "+ " + offset.group(1) + "'h"
                + Long.toHexString(Long.parseLong(offset.group(2), 16) ^ 0x100).toUpperCase(java.util.Locale.ROOT) + ";");
        assertNotEquals(verilog, changed);
        String failed = build(temp.resolve("changed"), repo, name, changed, 1);
        assertTrue(failed.contains("MISMATCH") && !failed.contains(" 0 failed"), failed);
    }

    private static String build(Path dir, Path repo, String name, String verilog, int expectedExit) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".v"), verilog);
        for (String file : List.of(name + ".h", name + "_verilator.cpp")) {
            Files.copy(repo.resolve("testbenches").resolve(file), dir.resolve(file));
        }
        CModelTest.run(dir, "verilator", "--cc", name + ".v", "--exe", name + "_verilator.cpp", "--build", "-o",
                name + "_verilator");
        Process p = new ProcessBuilder(dir.resolve("obj_dir").resolve(name + "_verilator").toString()).directory(
                dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(expectedExit, p.waitFor(), out);
        return out;
    }
}
