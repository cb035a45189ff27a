package dev.hsig.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Only a missing compiler falls back to the interpreted loops; generated code that does not compile is a bug. */
class KernelCompilerTest {
    @Test
    void withoutACompilerItSaysSoOnceAndFallsBack() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertTrue(KernelCompiler.compile("K1", "public final class K1 {}", null).isEmpty());
            assertTrue(KernelCompiler.compile("K2", "public final class K2 {}", null).isEmpty());
        } finally {
            System.setErr(saved);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("no Java compiler"), text);
        assertFalse(text.indexOf("no Java compiler") != text.lastIndexOf("no Java compiler"), "said once: " + text);
    }

    @Test
    void generatedCodeThatDoesNotCompileFailsLoudly() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelCompiler.compile("Broken",
                "public final class Broken { int x = ; }"));
        assertTrue(e.getMessage().contains("does not compile"), e.getMessage());
    }

    @Test
    void aGoodKernelCompiles() {
        assertTrue(KernelCompiler.compile("Good", "public final class Good { public static int run(int[] a, int[] b,"
                + " int c, int d) { return 0; } }").isPresent());
    }
}
