package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What generate says and writes: summaries, warnings, headers, and every command's help. */
class GenerateCommandTest {
    @TempDir
    Path temp;

    Cli.Result generate(String... extra) {
        String[] base = {"generate", "--core-dir", temp.resolve("rtl").toString(), "--testbench-dir",
            temp.resolve("tb").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    /** The testbench's run command names the core where it really is, relative to the testbench directory. */
    @Test
    void theTestbenchHeaderRunsTheCoreFromItsRealDirectory() throws IOException {
        Cli.Result r = generate("--name", "k");
        assertEquals(0, r.status(), r.err());
        String tb = Files.readString(temp.resolve("tb").resolve("k_tb.v"));
        assertTrue(tb.contains("iverilog -g2005 -o k k_tb.v ../rtl/k.v && vvp -n k"), tb.substring(0, 2000));
        assertFalse(tb.contains("generated-verilog"), "no default path when the directories are others");
    }

    /**
     * All or nothing, also when the last file cannot be replaced: with the CSV made immutable (chattr +i, as root
     * on a file system that has it), a second generate fails in one line, and every file is as the first left it.
     */
    @Test
    void aFileThatCannotBeReplacedLeavesEveryFileAsItWas() throws Exception {
        assertEquals(0, generate("--name", "k").status());
        Path csv = temp.resolve("tb").resolve("k.csv");
        java.util.Map<Path, byte[]> before = new java.util.TreeMap<>();
        for (Path dir : new Path[] {temp.resolve("rtl"), temp.resolve("tb")}) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    before.put(f, Files.readAllBytes(f));
                }
            }
        }
        Process lock = new ProcessBuilder("chattr", "+i", csv.toString()).redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(lock.waitFor() == 0, "chattr +i is not available here");
        try {
            Cli.Result r = generate("--name", "k", "--function", "pytorch");
            assertEquals(2, r.status(), r.out() + r.err());
            assertEquals("hsig: error: cannot write '" + csv + "': operation not permitted; no file was written\n",
                    r.err());
            assertEquals("", r.out());
        } finally {
            new ProcessBuilder("chattr", "-i", csv.toString()).start().waitFor();
        }
        java.util.Map<Path, byte[]> after = new java.util.TreeMap<>();
        for (Path dir : new Path[] {temp.resolve("rtl"), temp.resolve("tb")}) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    after.put(f, Files.readAllBytes(f));
                }
            }
        }
        assertEquals(before.keySet(), after.keySet(), "no file added, none left behind");
        for (Path f : before.keySet()) {
            assertTrue(java.util.Arrays.equals(before.get(f), after.get(f)), f + " changed");
        }
    }

    /** What the operating system says, in words, without Java's exception names. */
    @Test
    void unwritableDirectoriesAreOnePlainLine() {
        Cli.Result r = Cli.run("generate", "--name", "k", "--core-dir", "/proc/nope", "--testbench-dir",
                temp.resolve("tb").toString());
        assertEquals(2, r.status());
        assertEquals("hsig: error: cannot write '/proc/nope/k.v': no such file or directory; no file was written\n",
                r.err());
        Cli.Result longName = Cli.run("generate", "--name", "k", "--core-dir", temp.resolve("d".repeat(300)).toString(),
                "--testbench-dir", temp.resolve("tb").toString());
        assertEquals(2, longName.status());
        assertTrue(longName.err().endsWith("': file name too long; no file was written\n"), longName.err());
        assertFalse(longName.err().contains("Exception"), longName.err());
    }

    /**
     * A pwl of many knots at 16 bits gets one warning naming its pieces and cost; at 12 bits auto builds a table, and
     * nothing is said.
     */
    @Test
    void manyPiecesAreWarnedAboutWhereNoTableCanTakeThem() {
        String knots = "-4:0,-7/2:1/3,-3:1,-5/2:1/7,-2:3/5,-3/2:0,-1:5/9,-1/2:1,0:1/11,1/2:3/4,1:0,3/2:2/3,2:1,"
                + "5/2:1/13,3:3/7,7/2:0";
        Cli.Result wide = generate("--name", "p16", "--function", "pwl", "--knots", knots);
        assertEquals(0, wide.status(), wide.err());
        assertEquals(1, wide.err().lines().count(), wide.err());
        assertTrue(wide.err().startsWith("hsig: warning: the shift-add core computes 15 pieces, each with its own"
                + " datapath: "), wide.err());
        assertTrue(wide.err().contains("with an input of up to 12 bits a table may be smaller"), wide.err());
        Cli.Result narrow = generate("--name", "p12", "--function", "pwl", "--knots", knots, "--input", "Q4.8");
        assertEquals(0, narrow.status(), narrow.err());
        assertEquals("", narrow.err());
        assertTrue(narrow.out().contains("built as table"), narrow.out());
    }

    /** Counts read as English: 1 cycle, 2 cycles, 1 comparator. */
    @Test
    void countsArePluralOnlyWhenTheyShouldBe() throws IOException {
        Cli.Result one = generate("--name", "k1", "--pipeline", "1");
        assertTrue(one.out().contains("latency 1 cycle,"), one.out());
        assertTrue(Files.readString(temp.resolve("rtl").resolve("k1.v")).contains("latency 1 cycle,"));
        Cli.Result two = generate("--name", "k2", "--pipeline", "2");
        assertTrue(two.out().contains("latency 2 cycles,"), two.out());
        Cli.Result unsigned = generate("--name", "ku", "--input", "UQ4.4", "--implementation", "shift-add");
        assertTrue(unsigned.out().contains("1 comparator,"), unsigned.out());
    }

    /** A function that is constant on the input range gets one warning; its header says the constant's truth. */
    @Test
    void aConstantCoreIsWarnedAbout() throws IOException {
        Cli.Result r = generate("--name", "c", "--function", "custom", "--alpha", "0.2", "--beta", "-3");
        assertEquals(0, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("hsig: warning: the output is 0 (raw 0) for every input of Q4.12"), r.err());
        assertTrue(r.out().startsWith("c: y = clip(1/5*x - 3, 0, 1),"), r.out());
        String core = Files.readString(temp.resolve("rtl").resolve("c.v"));
        assertFalse(core.contains("x < 8"), "no comparator claims a value outside the input range");
        assertTrue(core.contains("assign y = y_comb;"), core);
    }

    /** --terms that costs as much as correct rounding is pointed out; a cheaper one is not. */
    @Test
    void anExpensiveApproximationIsWarnedAbout() {
        Cli.Result costly = generate("--name", "t6", "--terms", "6");
        assertEquals(0, costly.status(), costly.err());
        assertTrue(costly.err().contains("hsig: warning: --terms 6 needs") && costly.err().contains("leave --terms out"),
                costly.err());
        Cli.Result cheap = generate("--name", "t2", "--terms", "2");
        assertEquals("", cheap.err());
        // A slope of one term: no adder either way, and the warning says so without counting zeros.
        Cli.Result none = generate("--name", "t2h", "--terms", "2", "--function", "hard-tanh");
        assertEquals(0, none.status(), none.err());
        assertTrue(none.err().contains("--terms 2 changes nothing here: the correctly rounded core needs no adder"),
                none.err());
        assertTrue(!none.err().contains("0 adder bits"), none.err());
    }

    @Test
    void pipelineMaxIsTheLogicDepth() {
        Cli.Result r = generate("--name", "pm", "--pipeline", "max");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("latency 9 cycles"), r.out());
    }

    /** When the files cannot be written, nothing claims they were: no summary before the error. */
    @Test
    void noSummaryWhenTheFilesCannotBeWritten() throws IOException {
        Path file = temp.resolve("a-file");
        Files.writeString(file, "x");
        Cli.Result r = Cli.run("generate", "--core-dir", file.toString(), "--testbench-dir", temp.resolve("tb").toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "vectors", "eval", "report", "plot", "synth", "bench"})
    void everyCommandTakesDashH(String command) {
        Cli.Result h = Cli.run(command, "-h");
        Cli.Result help = Cli.run(command, "--help");
        assertEquals(0, h.status());
        assertEquals(help.out(), h.out());
        assertTrue(h.out().startsWith("usage: ./hsig " + command), h.out());
    }
}
