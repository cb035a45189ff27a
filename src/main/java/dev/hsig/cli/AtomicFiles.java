package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a set of files all or nothing: each goes to a temporary name in its target directory, and only when
 * every one is complete are they moved into place. On any failure the temporaries (and any directory this
 * created) are removed, so no new file remains.
 */
final class AtomicFiles {
    private final Map<Path, byte[]> files = new LinkedHashMap<>();

    void add(Path path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    void add(Path path, byte[] content) {
        files.put(path, content);
    }

    List<Path> paths() {
        return new ArrayList<>(files.keySet());
    }

    void commit() throws IOException {
        List<Path> createdDirs = new ArrayList<>();
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Path target : files.keySet()) {
                Path dir = target.toAbsolutePath().getParent();
                ensureDirectory(dir, createdDirs);
            }
            for (Map.Entry<Path, byte[]> e : files.entrySet()) {
                Path target = e.getKey().toAbsolutePath();
                if (Files.isDirectory(target)) {
                    throw new InvalidInputException("cannot write " + e.getKey() + ": it is a directory");
                }
                Path temp = target.resolveSibling("." + target.getFileName() + ".hsig-tmp");
                temps.put(temp, target);
                Files.write(temp, e.getValue());
            }
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                try {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Path temp : temps.keySet()) {
                Files.deleteIfExists(temp);
            }
            for (int i = createdDirs.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(createdDirs.get(i));
                } catch (IOException ignored) {
                    // not empty: leave it
                }
            }
            if (e instanceof IOException io) {
                throw new InvalidInputException("cannot write the output files: " + io.getClass().getSimpleName()
                        + " " + io.getMessage());
            }
            throw e;
        }
    }

    private static void ensureDirectory(Path dir, List<Path> created) throws IOException {
        if (Files.isDirectory(dir)) {
            if (!Files.isWritable(dir)) {
                throw new InvalidInputException("output directory '" + dir + "' is not writable");
            }
            return;
        }
        if (Files.exists(dir)) {
            throw new InvalidInputException("output directory '" + dir + "' is a file, not a directory");
        }
        ensureDirectory(dir.getParent(), created);
        Files.createDirectory(dir);
        created.add(dir);
    }
}
