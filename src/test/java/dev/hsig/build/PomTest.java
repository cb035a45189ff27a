package dev.hsig.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What makes {@code mvn install} repeatable: every plugin has a pinned version (an unpinned one makes Maven 3.8
 * fall back to old defaults, such as maven-install-plugin 2.4, which fails offline), the only dependencies are
 * the two test libraries, and the version printed by {@code --version} is the pom's.
 */
class PomTest {
    static String pom() throws Exception {
        return Files.readString(Path.of(System.getProperty("hsig.repo", ".")).resolve("pom.xml"));
    }

    @Test
    void everyPluginIsPinned() throws Exception {
        Matcher plugin = Pattern.compile("<plugin>(.*?)</plugin>", Pattern.DOTALL).matcher(pom());
        List<String> seen = new ArrayList<>();
        while (plugin.find()) {
            String body = plugin.group(1).replaceAll("(?s)<configuration>.*?</configuration>", "")
                    .replaceAll("(?s)<dependencies>.*?</dependencies>", "");
            Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(body);
            assertTrue(artifact.find(), body);
            assertTrue(Pattern.compile("<version>\\d+(\\.\\d+)+</version>").matcher(body).find(),
                    artifact.group(1) + " has no pinned version");
            seen.add(artifact.group(1));
        }
        for (String needed : List.of("maven-compiler-plugin", "maven-surefire-plugin", "maven-jar-plugin",
                "maven-install-plugin", "maven-resources-plugin", "maven-javadoc-plugin")) {
            assertTrue(seen.contains(needed), needed + " is used by mvn install / javadoc and must be pinned: " + seen);
        }
    }

    @Test
    void onlyTheTestLibrariesAreDependencies() throws Exception {
        String deps = pom().replaceAll("(?s)<build>.*</build>", "");
        Matcher dep = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(deps);
        while (dep.find()) {
            assertTrue(dep.group(1).contains("<scope>test</scope>"), "a runtime dependency: " + dep.group(1));
            assertTrue(dep.group(1).contains("junit") || dep.group(1).contains("jqwik"), dep.group(1));
        }
    }

    @Test
    void theVersionIsThePoms() throws Exception {
        Matcher v = Pattern.compile("<artifactId>hsig</artifactId>\\s*<version>([^<]+)</version>").matcher(pom());
        assertTrue(v.find());
        assertEquals(v.group(1), Version.VERSION);
    }
}
