package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples are what the tool prints: every fenced session of {@code $ ./hsig ...} commands (and the
 * {@code sed} edits between them) is run, in order, in a scratch directory, and every output line the README shows
 * must be among the lines the commands print (times such as {@code (4.0 s)} masked). Sessions with other programs
 * (simulators, compilers, cd), and those that take minutes (bench, synth, the 32-bit proof) are left out and
 * counted. The Verilog excerpt must be lines of the committed core.
 */
class ReadmeExamplesTest {
    private static final Path README = Path.of("README.md");

    @TempDir
    Path temp;

    record Session(int line, List<String> commands, List<String> expected) {
    }

    static List<Session> sessions(List<String> lines) {
        List<Session> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```") || i + 1 >= lines.size() || !lines.get(i + 1).startsWith("$ ")) {
                continue;
            }
            int start = i + 1;
            List<String> commands = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (i = start; i < lines.size() && !lines.get(i).equals("```"); i++) {
                String l = lines.get(i);
                if (l.startsWith("$ ")) {
                    StringBuilder c = new StringBuilder(l.substring(2));
                    while (c.toString().endsWith("\\") && i + 1 < lines.size()) {
                        c.setLength(c.length() - 1);
                        c.append(' ').append(lines.get(++i).trim());
                    }
                    commands.add(c.toString().replaceAll("\\s+#[^']*$", ""));
                } else if (!l.isBlank() && !l.equals("...")) {
                    expected.add(l);
                }
            }
            out.add(new Session(start + 1, commands, expected));
        }
        return out;
    }

    /** Sessions that take minutes (bench, synth's place and route, the 32-bit proof) are left out. */
    static boolean runnable(Session s) {
        for (String c : s.commands()) {
            if (c.startsWith("./hsig bench") || c.startsWith("./hsig synth") || (c.startsWith("./hsig prove")
                    && c.contains("Q16.16") && !c.contains("--verilog"))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyRunnableSessionPrintsWhatTheReadmeShows() throws Exception {
        dev.hsig.verilog.HdlTools.require("iverilog", "vvp", "verilator", "ghdl", "python3");
        List<Session> all = sessions(Files.readAllLines(README, StandardCharsets.UTF_8));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of("target", "classes").toAbsolutePath().toString();
        int run = 0;
        List<String> stale = new ArrayList<>();
        for (Session s : all) {
            if (!runnable(s)) {
                continue;
            }
            run++;
            // Each session in a fresh copy of the repository's committed output, as one shell, so that a cd holds.
            Path dir = Files.createDirectories(temp.resolve("s" + s.line()));
            for (String d : new String[] {"generated-verilog", "testbenches"}) {
                try (var files = Files.list(Path.of(d))) {
                    Files.createDirectories(dir.resolve(d));
                    for (Path f : files.toList()) {
                        Files.copy(f, dir.resolve(d).resolve(f.getFileName()));
                    }
                }
            }
            StringBuilder script = new StringBuilder("hsig() { '" + java + "' -cp '" + classes
                    + "' dev.hsig.cli.Main \"$@\"; }\nexport OBJCACHE=ccache\n");
            for (String c : s.commands()) {
                script.append(c.replace("./hsig ", "hsig ")).append(" 2>&1\n");
            }
            Process p = new ProcessBuilder("bash", "-c", script.toString()).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(600, TimeUnit.SECONDS), "README line " + s.line() + " timed out");
            List<String> printed = output.lines().map(ReadmeExamplesTest::masked).toList();
            for (String e : s.expected()) {
                if (!printed.contains(masked(e))) {
                    stale.add("README line " + s.line() + " shows: " + e);
                }
            }
        }
        System.out.println("README sessions run: " + run + " of " + all.size());
        assertTrue(run >= 8, "sessions run: " + run);
        assertEquals(List.of(), stale, "README lines that the commands no longer print");
    }

    /** Times vary between runs: {@code (4.0 s)} and {@code (130.0 s)} compare equal. */
    private static String masked(String line) {
        return line.replaceAll("\\(\\d+(\\.\\d+)? s\\)", "(T s)").stripTrailing();
    }

    @Test
    void theVerilogExcerptIsTheCommittedCore() throws Exception {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int at = lines.indexOf("The generated keras core at Q4.12 -> UQ1.15 (the case entries 1 to 9 of the table are"
                + " elided here):");
        assertTrue(at >= 0, "the excerpt's introduction");
        assertEquals("```verilog", lines.get(at + 2));
        List<String> core = Files.readAllLines(Path.of("generated-verilog", "hsig_keras_q4_12_to_uq1_15.v"))
                .stream().map(String::stripTrailing).toList();
        int n = 0;
        for (int i = at + 3; !lines.get(i).equals("```"); i++, n++) {
            String l = lines.get(i).stripTrailing();
            assertTrue(l.isEmpty() || core.contains(l), "README line " + (i + 1) + " is not in the core: " + l);
        }
        assertTrue(n > 20, "excerpt lines: " + n);
    }
}
