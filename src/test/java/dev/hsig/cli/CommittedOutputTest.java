package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed generated-verilog/ and testbenches/ are exactly what the generator produces today. The files were
 * written by an earlier process on another day, so this also shows that output does not change between runs.
 */
class CommittedOutputTest {
    static Path repo() {
        return Path.of(System.getProperty("hsig.repo", ".")).toAbsolutePath();
    }

    @Test
    void committedFilesAreUpToDate() throws IOException {
        Map<Path, byte[]> expected = CommittedCores.files();
        List<String> stale = new ArrayList<>();
        for (Map.Entry<Path, byte[]> e : expected.entrySet()) {
            Path file = repo().resolve(e.getKey());
            if (!Files.exists(file)) {
                stale.add(e.getKey() + " (missing)");
            } else if (!java.util.Arrays.equals(Files.readAllBytes(file), e.getValue())) {
                stale.add(e.getKey() + " (differs)");
            }
        }
        for (Path p : tracked()) {
            if (!expected.containsKey(p)) {
                stale.add(p + " (committed, but no longer produced by the generator)");
            }
        }
        assertTrue(stale.isEmpty(), "generated-verilog/ or testbenches/ is out of date; run ./hsig generate --all and"
                + " commit:\n  " + String.join("\n  ", stale));
    }

    /**
     * The files git tracks in the two directories. Files a user generated there with other options (or a
     * simulator's output) are not committed output, so they are not checked; without git, nothing is listed.
     */
    static Set<Path> tracked() throws IOException {
        Set<Path> out = new TreeSet<>();
        try {
            Process p = new ProcessBuilder("git", "ls-files", "--", CommittedCores.CORE_DIR.toString(),
                    CommittedCores.TESTBENCH_DIR.toString()).directory(repo().toFile()).redirectErrorStream(true).start();
            String listing = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() == 0) {
                listing.lines().filter(l -> !l.isBlank()).forEach(l -> out.add(Path.of(l)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
