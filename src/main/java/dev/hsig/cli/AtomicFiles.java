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

    /**
     * Writes every file, or none: new contents go to temporaries, existing targets are moved aside, then the
     * temporaries are moved into place; a failure at any step puts every moved target back and removes what was new.
     */
    void commit() throws IOException {
        List<Path> createdDirs = new ArrayList<>();
        Map<Path, Path> temps = new LinkedHashMap<>();
        Map<Path, Path> asides = new LinkedHashMap<>();
        List<Path> placed = new ArrayList<>();
        Path current = null;
        try {
            for (Path target : files.keySet()) {
                current = target;
                ensureDirectory(target.toAbsolutePath().getParent(), createdDirs);
            }
            for (Map.Entry<Path, byte[]> e : files.entrySet()) {
                current = e.getKey();
                Path target = e.getKey().toAbsolutePath();
                if (Files.isDirectory(target)) {
                    throw new InvalidInputException("cannot write " + e.getKey() + ": it is a directory");
                }
                Path temp = target.resolveSibling("." + target.getFileName() + ".hsig-tmp");
                temps.put(temp, target);
                Files.write(temp, e.getValue());
            }
            for (Path target : temps.values()) {
                current = target;
                if (Files.exists(target)) {
                    Path aside = target.resolveSibling("." + target.getFileName() + ".hsig-old");
                    move(target, aside);
                    asides.put(target, aside);
                }
            }
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                current = e.getValue();
                move(e.getKey(), e.getValue());
                placed.add(e.getValue());
            }
        } catch (IOException | RuntimeException e) {
            for (Path p : placed) {
                Files.deleteIfExists(p);
            }
            for (Map.Entry<Path, Path> a : asides.entrySet()) {
                move(a.getValue(), a.getKey());
            }
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
                throw new InvalidInputException("cannot write '" + current + "': " + reason(io)
                        + "; no file was written");
            }
            throw e;
        }
        for (Path aside : asides.values()) {
            Files.deleteIfExists(aside);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException ex) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What the operating system said, without Java's exception names. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
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
