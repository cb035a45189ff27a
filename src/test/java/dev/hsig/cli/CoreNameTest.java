package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoreNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"k", "_x", "hsig_keras_q4_12", "Core9", "A_B_C"})
    void acceptsVerilogIdentifiers(String name) {
        assertEquals(name, CoreName.validate(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9k", "a-b", "a.b", "../x", "/tmp/x", "a b", "a$b", "\\escaped", "wire", "module",
        "endmodule", "logic", "input", "ébc"})
    void rejectsAnythingElse(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CoreName.validate(name));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }

    @Test
    void twoRunsGiveByteIdenticalFiles(@TempDir Path temp) throws IOException {
        for (String run : new String[] {"a", "b"}) {
            Cli.Result r = Cli.run("generate", "--function", "pytorch", "--input", "Q3.5", "--output", "UQ1.7",
                    "--pipeline", "2", "--name", "d", "--verilog-dir", temp.resolve(run).toString(), "--testbench-dir",
                    temp.resolve(run).toString());
            assertEquals(0, r.status(), r.err());
        }
        List<String> names = List.of("d.v", "d_tb.v", "d.hex", "d.csv");
        for (String n : names) {
            assertEquals(-1L, Files.mismatch(temp.resolve("a").resolve(n), temp.resolve("b").resolve(n)), n);
        }
        try (Stream<Path> s = Files.list(temp.resolve("a"))) {
            assertEquals(4, s.count(), "no temporary file is left behind");
        }
    }
}
