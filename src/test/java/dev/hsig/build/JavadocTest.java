package dev.hsig.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public API's Javadoc builds with every doclint check and no warning, as {@code mvn javadoc:javadoc} builds it
 * (the pom documents package dev.hsig only; the others are internal): run here with the JDK's own javadoc tool,
 * so that a missing @param fails the suite, not a later release.
 */
class JavadocTest {
    @Test
    void thePublicApiDocumentsWithoutAWarning(@TempDir Path out) throws Exception {
        ToolProvider javadoc = ToolProvider.findFirst("javadoc").orElseThrow();
        List<String> sources;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/hsig"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        assertTrue(sources.size() >= 3, "the public API's files: " + sources);
        StringWriter log = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString(), "-Xdoclint:all", "-Werror",
                "-quiet", "--source-path", "src/main/java", "-cp", Path.of("target", "classes").toString()));
        args.addAll(sources);
        int status = javadoc.run(new java.io.PrintWriter(log), new java.io.PrintWriter(log),
                args.toArray(String[]::new));
        assertEquals(0, status, log.toString());
        assertTrue(!log.toString().contains("warning"), log.toString());
    }

    /** mvn javadoc:javadoc documents dev.hsig alone: every internal package must be in the pom's exclusions. */
    @Test
    void everyInternalPackageIsExcludedInThePom() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String excluded = pom.substring(pom.indexOf("<excludePackageNames>"), pom.indexOf("</excludePackageNames>"));
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java/dev/hsig"))) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                String name = "dev.hsig." + d.getFileName();
                assertTrue(List.of(excluded.substring("<excludePackageNames>".length()).split(":")).contains(name),
                        name + " is not in the pom's excludePackageNames: " + excluded);
            }
        }
    }
}
