package dev.hsig.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class NextpnrTest {
    /** nextpnr reports fmax after placement and again after routing; the routed (last) figure is the one. */
    @Test
    void theRoutedFmaxIsRead() throws IOException {
        String log = "Info: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 120.48 MHz (PASS at 100.00 MHz)\n"
                + "Info: Routing..\n"
                + "Info: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 161.20 MHz (PASS at 100.00 MHz)\n";
        assertEquals(161.20, Nextpnr.parseFmax(log), 1e-9);
        assertThrows(IOException.class, () -> Nextpnr.parseFmax("Info: no timing here\n"));
    }

    @Test
    void yosysCellCountsAreRead() {
        String stat = "=== core ===\n\n   Number of wires:                 45\n   Number of cells:                119\n"
                + "     SB_CARRY                       95\n     SB_LUT4                       119\n";
        Yosys.Cells c = Yosys.parse(stat);
        assertEquals(119, c.total());
        assertEquals(119, c.count("SB_LUT4"));
        assertEquals(95, c.count("SB_CARRY"));
        assertEquals(0, c.count("SB_MAC16"));
    }
}
