package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoreNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"k", "x1", "hsig_keras_q4_12", "Core9", "A_B_C", "sig"})
    void acceptsIdentifiersBothLanguagesTake(String name) {
        assertEquals(name, CoreName.validate(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9k", "a-b", "a.b", "../x", "/tmp/x", "a b", "a$b", "\\escaped", "wire", "module",
        "endmodule", "logic", "input", "ébc", "_x", "x_", "a__b", "signal", "ENTITY", "Process", "std_logic", "x", "y",
        "clk", "rst", "rst_n", "ce", "in_valid", "out_valid", "aclk", "aresetn", "s_axis_tdata", "m_axis_tready"})
    void rejectsAnythingElse(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CoreName.validate(name));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }
}
