package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed generated-verilog/ and testbenches/ are exactly what the generator produces today. */
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
        Set<Path> present = new TreeSet<>();
        for (Path dir : List.of(CommittedCores.VERILOG_DIR, CommittedCores.TESTBENCH_DIR)) {
            try (Stream<Path> s = Files.list(repo().resolve(dir))) {
                s.forEach(p -> present.add(dir.resolve(p.getFileName())));
            }
        }
        for (Path p : present) {
            // Simulator outputs (vvp files, obj_dir) may sit beside the sources; only generator-like files count.
            if (!expected.containsKey(p) && p.getFileName().toString().matches(".*\\.(v|hex|csv|md)$")) {
                stale.add(p + " (not produced by the generator)");
            }
        }
        assertTrue(stale.isEmpty(), "generated-verilog/ or testbenches/ is out of date; run ./hsig generate --all and"
                + " commit:\n  " + String.join("\n  ", stale));
    }

    @Test
    void generationIsDeterministic() {
        Map<Path, byte[]> a = CommittedCores.files();
        Map<Path, byte[]> b = CommittedCores.files();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((path, bytes) -> assertTrue(java.util.Arrays.equals(bytes, b.get(path)), path.toString()));
    }
}
