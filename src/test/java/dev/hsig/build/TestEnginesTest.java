package dev.hsig.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No test class mixes jqwik properties with JUnit tests: surefire writes one report per class and engine, the
 * second overwriting the first, so such a class's tests went missing from the suite's counts (four classes did).
 */
class TestEnginesTest {
    private static final java.util.regex.Pattern PROPERTY = java.util.regex.Pattern.compile("^\\s*@Property\\b",
            java.util.regex.Pattern.MULTILINE);
    private static final java.util.regex.Pattern TEST = java.util.regex.Pattern.compile(
            "^\\s*@(Test|ParameterizedTest)\\b", java.util.regex.Pattern.MULTILINE);

    @Test
    void everyTestClassRunsOnOneEngine() throws Exception {
        List<String> mixed;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            mixed = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String s = Files.readString(p);
                    return PROPERTY.matcher(s).find() && TEST.matcher(s).find();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), mixed, "classes with both @Property and @Test: split them");
    }
}
