package dev.hsig.verilog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.hdl.Interface;
import dev.hsig.spec.Config;
import dev.hsig.spec.Presets;
import dev.hsig.testbench.CoreBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The AXI4-Stream wrapper: proven equal, never stalled, to the valid pipeline around the same datapath; and its
 * testbench is not a replay: a core that drops a beat, and a vector file with one wrong expected output, fail it.
 */
class AxisTest {
    static Config config() {
        return Config.of(Presets.get("keras").function(), QFormat.parse("Q3.7"), QFormat.parse("UQ1.9"),
                RoundingMode.NEAREST_EVEN);
    }

    /**
     * A bounded sequential proof (Yosys sat -seq from reset over 12 cycles, every input sequence): with
     * m_axis_tready held high, the axis core accepts every beat and its m_axis_tvalid and lanes equal out_valid and
     * y of the valid core, cycle by cycle.
     */
    @ParameterizedTest(name = "pipeline {0}, {1} lanes, mutated {2}")
    @CsvSource({"1, 1, false", "3, 2, false", "3, 2, true"})
    void neverStalledTheAxisCoreIsTheValidCore(int pipeline, int lanes, boolean mutated) throws Exception {
        HdlTools.require("yosys");
        Datapath d = DatapathPlanner.plan(config());
        Interface axis = new Interface(Interface.Kind.AXIS, pipeline, lanes, false, Interface.Reset.SYNC_HIGH, false);
        Interface valid = new Interface(Interface.Kind.VALID, pipeline, lanes, false, Interface.Reset.SYNC_HIGH, false);
        Path dir = HdlTools.workDir("axis_equiv_p" + pipeline + "_l" + lanes);
        String axisCore = ModulePrinter.emit(d, "core_axis", axis, List.of("axis"));
        if (mutated) {
            // The proof can fail: an output register that claims a beat one cycle early is refuted.
            String wrong = axisCore.replace("else out_valid <= valid_s2;", "else out_valid <= valid_s1;");
            assertNotEquals(axisCore, wrong, "the mutation applies");
            axisCore = wrong;
        }
        Files.writeString(dir.resolve("a.v"), axisCore);
        Files.writeString(dir.resolve("v.v"), ModulePrinter.emit(d, "core_valid", valid, List.of("valid")));
        int wi = 10;
        int wo = 10;
        StringBuilder in = new StringBuilder();
        StringBuilder out = new StringBuilder();
        for (int i = lanes - 1; i >= 0; i--) {
            in.append(in.length() == 0 ? "" : ", ").append("6'b0, x[").append(i * wi + wi - 1).append(":").append(i * wi)
                    .append("]");
            out.append(out.length() == 0 ? "" : ", ").append("6'b0, y[").append(i * wo + wo - 1).append(":")
                    .append(i * wo).append("]");
        }
        Files.writeString(dir.resolve("eq.v"), "module eq (input wire clk, input wire rst, input wire v, input wire ["
                + (lanes * wi - 1) + ":0] x);\n"
                + "    wire ov;\n    wire [" + (lanes * wo - 1) + ":0] y;\n"
                + "    core_valid V (.clk(clk), .rst(rst), .in_valid(v), .x(x), .out_valid(ov), .y(y));\n"
                + "    wire ready;\n    wire mv;\n    wire [" + (lanes * 16 - 1) + ":0] my;\n"
                + "    core_axis A (.aclk(clk), .aresetn(!rst), .s_axis_tvalid(v), .s_axis_tready(ready),"
                + " .s_axis_tdata({" + in + "}), .m_axis_tvalid(mv), .m_axis_tready(1'b1), .m_axis_tdata(my));\n"
                + "    always @* if (!rst) assert (ready && mv == ov && (!ov || my == {" + out + "}));\n"
                + "endmodule\n");
        String script = "read_verilog a.v; read_verilog v.v; read_verilog -formal eq.v; prep -top eq -flatten;"
                + " memory_map; opt_clean; async2sync;"
                + " sat -seq 12 -prove-asserts -set-init-zero -set-at 1 rst 1 -verify -show-ports";
        HdlTools.Result r = HdlTools.run(dir, 600, "yosys", "-p", script);
        if (mutated) {
            assertTrue(r.exit() != 0 && r.output().contains("proof did fail"), HdlTools.tail(r.output(), 3000));
        } else {
            assertTrue(r.exit() == 0 && r.output().contains("SUCCESS!"), HdlTools.tail(r.output(), 3000));
        }
    }

    /** A core whose skid buffer forgets the beat it should catch, and a corrupted vector, both fail the testbench. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"dropped beat", "corrupted vector"})
    void theStreamTestbenchCatchesFaults(String fault) throws Exception {
        HdlTools.require("iverilog", "vvp");
        Datapath d = DatapathPlanner.plan(config());
        Interface axis = new Interface(Interface.Kind.AXIS, 2, 2, false, Interface.Reset.SYNC_HIGH, false);
        String name = "axis_fault_" + fault.replace(' ', '_');
        CoreBundle b = CoreBundle.build(d, name, axis, 0, CoreBundle.DEFAULT_CORE_PATH);
        Path dir = Simulation.write(b);
        if (fault.equals("dropped beat")) {
            String core = Files.readString(dir.resolve(name + ".v"));
            String mutated = core.replace("if (stalled) skid_valid <= valid_s1;", "if (stalled) skid_valid <= 1'b0;");
            assertNotEquals(core, mutated, "the mutation applies");
            Files.writeString(dir.resolve(name + ".v"), mutated);
        } else {
            List<String> lines = Files.readAllLines(dir.resolve(name + ".hex"));
            int victim = lines.size() - 50;
            String line = lines.get(victim);
            lines.set(victim, line.substring(0, line.length() - 1) + (line.endsWith("0") ? '1' : '0'));
            Files.write(dir.resolve(name + ".hex"), lines);
        }
        HdlTools.Result r = Simulation.icarus(dir, name);
        Simulation.Counts counts = Simulation.counts(r, "Icarus");
        assertTrue(counts.failed() > 0, fault + " went unnoticed: " + counts);
        assertNotEquals(0, r.exit(), "$fatal");
        if (fault.equals("corrupted vector")) {
            assertEquals(new Simulation.Counts(b.vectorCount() - 1, 1), counts);
        }
    }

    /**
     * The testbench is a compliant AXI4-Stream master: a monitor bound beside it (reading its signals by hierarchical
     * name at every rising edge) sees no beat withdrawn or changed before its handshake, and the stream still had
     * gaps and beats kept offered through stalls, so the rule was exercised. A trial found 1,496 withdrawn beats in a 4-lane testbench.
     */
    @org.junit.jupiter.api.Test
    void theTestbenchNeverWithdrawsAnOfferedBeat() throws Exception {
        HdlTools.require("iverilog", "vvp");
        Datapath d = DatapathPlanner.plan(config());
        Interface axis = new Interface(Interface.Kind.AXIS, 3, 4, false, Interface.Reset.SYNC_HIGH, true);
        String name = "axis_master";
        CoreBundle b = CoreBundle.build(d, name, axis, 0, CoreBundle.DEFAULT_CORE_PATH);
        Path dir = Simulation.write(b);
        String tb = name + "_tb";
        Files.writeString(dir.resolve("monitor.v"), "module monitor;\n"
                + "    reg offered = 1'b0;\n    reg [1023:0] data;\n    reg last;\n"
                + "    integer withdrawn = 0, changed = 0, gaps = 0, kept = 0;\n"
                + "    always @(posedge " + tb + ".aclk) begin\n"
                + "        if (offered && !" + tb + ".s_axis_tvalid) withdrawn = withdrawn + 1;\n"
                + "        if (offered && " + tb + ".s_axis_tvalid && (data !== " + tb + ".s_axis_tdata || last !== " + tb
                + ".s_axis_tlast)) changed = changed + 1;\n"
                + "        if (offered && " + tb + ".s_axis_tvalid) kept = kept + 1;\n"
                + "        if (" + tb + ".aresetn && !" + tb + ".s_axis_tvalid && " + tb + ".sent < " + tb + ".BEATS)"
                + " gaps = gaps + 1;\n"
                + "        offered = " + tb + ".s_axis_tvalid && !" + tb + ".s_axis_tready;\n"
                + "        data = " + tb + ".s_axis_tdata;\n        last = " + tb + ".s_axis_tlast;\n"
                + "        if (" + tb + ".received == " + tb + ".BEATS && " + tb + ".aresetn)\n"
                + "            $display(\"MONITOR withdrawn=%0d changed=%0d gaps=%0d kept=%0d\", withdrawn, changed, gaps,"
                + " kept);\n"
                + "    end\nendmodule\n");
        HdlTools.runOk(dir, 120, "iverilog", "-g2005", "-o", "mon.vvp", tb + ".v", name + ".v", "monitor.v");
        HdlTools.Result r = HdlTools.run(dir, 600, "vvp", "-n", "mon.vvp");
        Simulation.assertAllPassed(r, "Icarus with the monitor", b.vectorCount());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("MONITOR withdrawn=(\\d+) changed=(\\d+)"
                + " gaps=(\\d+) kept=(\\d+)").matcher(r.output());
        assertTrue(m.find(), r.output());
        assertEquals("0", m.group(1), "beats withdrawn before their handshake");
        assertEquals("0", m.group(2), "beats changed before their handshake");
        assertTrue(Integer.parseInt(m.group(3)) > 0, "the stream had gaps: " + m.group(3));
        assertTrue(Integer.parseInt(m.group(4)) > 0, "beats stayed offered through stalls: " + m.group(4));
    }
}
