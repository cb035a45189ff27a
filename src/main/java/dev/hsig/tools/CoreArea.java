package dev.hsig.tools;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The area of one combinational core in every flow {@code ./hsig synth --implementation all} reports: iCE40 logic
 * cells after nextpnr's packing (where nextpnr-ice40 is installed), SB_LUT4 and SB_CARRY after synth_ice40,
 * 7-series LUTs, CARRY4, MUXF7+MUXF8 and DSP48E1 after synth_xilinx, and two-input gates.
 */
public final class CoreArea {
    private CoreArea() {
    }

    /**
     * @param verilog  the core's text, module {@code top}
     * @param fastGates whether to map gates with ABC's fast script (a core with a variable product)
     */
    public static Map<String, Long> measure(String verilog, String top, boolean fastGates) throws IOException {
        Map<String, String> core = Map.of(top + ".v", verilog);
        Map<String, Long> m = new LinkedHashMap<>();
        Yosys.Cells ice40 = Yosys.synthesize(core, top, Yosys.Flow.ICE40).orElseThrow();
        if (Nextpnr.nextpnrInstalled()) {
            m.put("ICESTORM_LC", Nextpnr.logicCells(core, top));
        }
        m.put("SB_LUT4", ice40.count("SB_LUT4"));
        m.put("SB_CARRY", ice40.count("SB_CARRY"));
        Yosys.Cells xilinx = Yosys.synthesize(core, top, Yosys.Flow.XILINX).orElseThrow();
        m.put("LUT", luts(xilinx));
        m.put("CARRY4", xilinx.count("CARRY4"));
        m.put("MUXF7", xilinx.count("MUXF7") + xilinx.count("MUXF8"));
        m.put("DSP48E1", xilinx.count("DSP48E1"));
        m.put("gates", Yosys.synthesize(core, top, fastGates ? Yosys.Flow.GATES_FAST : Yosys.Flow.GATES).orElseThrow()
                .total());
        return m;
    }

    /** LUT1 to LUT6 together. */
    public static long luts(Yosys.Cells c) {
        long n = 0;
        for (int k = 1; k <= 6; k++) {
            n += c.count("LUT" + k);
        }
        return n;
    }
}
