package dev.hsig.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hsig.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Core names a SystemVerilog tool cannot take are refused: the keywords a user trial got through (each made a core
 * that failed verilator --lint-only and iverilog -g2012), and a sample of the rest of IEEE 1800-2017's Annex B, as
 * listed there.
 */
class NamesTest {
    @Test
    void systemVerilogKeywordsAreRefused() {
        String[] found = {"always_ff", "always_comb", "unique", "priority", "import", "export", "final", "ref", "bind",
            "inside", "foreach", "do", "let", "packed", "local", "extends", "modport", "clocking", "nettype",
            "interconnect"};
        String[] annex = {"accept_on", "always_latch", "assert", "bins", "chandle", "checker", "covergroup", "dist",
            "endinterface", "first_match", "iff", "implies", "join_none", "matches", "randcase", "s_until_with",
            "shortreal", "solve", "tagged", "throughout", "timeunit", "unique0", "untyped", "var", "virtual",
            "wait_order", "wildcard", "within"};
        for (String[] list : new String[][] {found, annex}) {
            for (String name : list) {
                InvalidInputException e = assertThrows(InvalidInputException.class, () -> Names.check(name), name);
                assertEquals("--name '" + name + "' is not valid: it is a SystemVerilog keyword", e.getMessage());
            }
        }
        assertEquals("always_ok", Names.check("always_ok"));
    }
}
