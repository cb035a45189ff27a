package dev.hsig.testbench;

import dev.hsig.format.QFormat;
import dev.hsig.hdl.Interface;
import java.util.List;

/**
 * The self-checking testbench of an AXI4-Stream core. Vectors go out LANES to a beat in file order; a first run of
 * beats is sent with no gaps and no stalls, and every one must come out exactly LATENCY cycles after it went in;
 * after that {@code s_axis_tvalid} has seeded random gaps and {@code m_axis_tready} random stalls (short and long,
 * from a 32-bit LFSR, the same in every simulator). A scoreboard checks every beat's lanes and tlast in order, and
 * the protocol: tvalid and tdata hold while stalled, output pad bits are 0, no beat is lost or duplicated (all
 * arrive, and nothing more), and {@code s_axis_tready} never moves when {@code m_axis_tready} toggles between
 * edges. Ends with {@code P passed, F failed} and {@code $fatal} on a failure.
 */
final class AxisTestbench {
    /** Beats sent back to back, never stalled, to measure the latency. */
    static final int STEADY_BEATS = 64;

    private AxisTestbench() {
    }

    static String emit(String core, QFormat in, QFormat out, Interface iface, int vectorCount, List<String> header) {
        int bi = (in.width() + 7) / 8 * 8;
        int bo = (out.width() + 7) / 8 * 8;
        boolean last = iface.tlast();
        StringBuilder s = new StringBuilder(TestbenchEmitter.prologue(core, in, out, iface, vectorCount, header));
        s.append("    localparam integer B_IN = ").append(bi).append(";  // lane pitch in s_axis_tdata\n");
        s.append("    localparam integer B_OUT = ").append(bo).append(";  // lane pitch in m_axis_tdata\n");
        s.append("    localparam integer BEATS = (N + LANES - 1) / LANES;\n");
        s.append("    localparam integer STEADY = ").append(STEADY_BEATS).append(";  // beats sent with no gap and no stall\n\n");
        s.append("    reg  aclk;\n    reg  aresetn;\n");
        s.append("    reg  s_axis_tvalid;\n    wire s_axis_tready;\n    reg  [LANES*B_IN-1:0] s_axis_tdata;\n");
        s.append("    wire m_axis_tvalid;\n    reg  m_axis_tready;\n    wire [LANES*B_OUT-1:0] m_axis_tdata;\n");
        if (last) {
            s.append("    reg  s_axis_tlast;\n    wire m_axis_tlast;\n");
        }
        s.append("    integer sent;  // beats the core accepted\n    integer received;  // beats taken from the core\n");
        s.append("    integer sent_cycle [0:BEATS-1];\n    integer cycle;\n    integer k;\n");
        s.append("    reg  s_fire;\n    reg  m_fire;\n    reg  stalled;\n    reg  ready_before;\n");
        s.append("    reg  offered;  // tvalid was high and no handshake took the beat: it must stay offered\n");
        s.append("    reg  [LANES*B_OUT-1:0] held_data;\n");
        if (last) {
            s.append("    reg  held_last;\n");
        }
        s.append("    reg  [31:0] lfsr;\n\n");
        s.append("    ").append(core).append(" dut (.aclk(aclk), .aresetn(aresetn), .s_axis_tvalid(s_axis_tvalid),")
                .append(" .s_axis_tready(s_axis_tready),\n        .s_axis_tdata(s_axis_tdata),")
                .append(last ? " .s_axis_tlast(s_axis_tlast)," : "")
                .append(" .m_axis_tvalid(m_axis_tvalid), .m_axis_tready(m_axis_tready),\n        .m_axis_tdata(m_axis_tdata)")
                .append(last ? ", .m_axis_tlast(m_axis_tlast)" : "").append(");\n\n");
        s.append("    initial aclk = 1'b0;\n    always #5 aclk = ~aclk;\n\n");
        s.append("    task protocol;  // a broken AXI4-Stream rule\n        input [8*48-1:0] what;\n        begin\n");
        s.append("            failed = failed + 1;\n");
        s.append("            if (failed <= MAX_REPORTS) $display(\"PROTOCOL cycle %0d: %0s\", cycle, what);\n");
        s.append("        end\n    endtask\n\n");
        s.append("    task next_random;  // a 32-bit Galois LFSR\n        begin\n");
        s.append("            lfsr = lfsr[0] ? (lfsr >> 1) ^ 32'hA3000000 : lfsr >> 1;\n        end\n    endtask\n\n");
        s.append("    initial begin\n");
        s.append("        $readmemh(\"").append(core).append(".hex\", vectors);\n");
        s.append(TestbenchEmitter.loadCheck(core));
        s.append("        passed = 0;\n        failed = 0;\n        sent = 0;\n        received = 0;\n        cycle = 0;\n");
        s.append("        lfsr = 32'h1;\n        s_axis_tvalid = 1'b0;\n        m_axis_tready = 1'b0;\n        offered = 1'b0;\n");
        s.append("        s_axis_tdata = {LANES*B_IN{1'b1}};\n").append(last ? "        s_axis_tlast = 1'b0;\n" : "");
        s.append("        aresetn = 1'b0;\n        repeat (3) @(negedge aclk);\n");
        s.append("        if (s_axis_tready !== 1'b0) protocol(\"s_axis_tready is not low during reset\");\n");
        s.append("        aresetn = 1'b1;\n");
        s.append("        while (received < BEATS && cycle < BEATS * 8 + 1000) begin\n");
        s.append("            @(negedge aclk);\n");
        s.append("            next_random;\n");
        s.append("            // The beat offered now: the next unsent one, pad bits 1 (they must be ignored). As AXI4-Stream\n");
        s.append("            // requires of a master, a beat once offered stays offered, unchanged, until it is taken.\n");
        s.append("            s_axis_tvalid = sent < BEATS && (offered || sent < STEADY || lfsr[2:0] != 3'b000);\n");
        s.append("            for (lane = 0; lane < LANES; lane = lane + 1)\n");
        s.append("                s_axis_tdata[lane*B_IN +: B_IN] = ").append(bi == in.width()
                ? TestbenchEmitter.laneVector("sent * LANES") : "{{B_IN-W_IN{1'b1}}, " + TestbenchEmitter.laneVector("sent * LANES") + "}")
                .append(";\n");
        if (last) {
            s.append("            s_axis_tlast = sent % 7 == 6 || sent == BEATS - 1;\n");
        }
        s.append("            // Stalls: none at first, then one cycle in four, and now and then a run of them.\n");
        s.append("            m_axis_tready = received < STEADY || (lfsr[4:3] != 2'b00 && lfsr[13:9] != 5'b00000);\n");
        s.append("            // s_axis_tready must not follow m_axis_tready within a cycle.\n");
        s.append("            ready_before = s_axis_tready;\n");
        s.append("            m_axis_tready = ~m_axis_tready;\n            #1;\n");
        s.append("            if (s_axis_tready !== ready_before) protocol(\"s_axis_tready moved with m_axis_tready\");\n");
        s.append("            m_axis_tready = ~m_axis_tready;\n            #1;\n");
        s.append("            s_fire = s_axis_tvalid && s_axis_tready;\n");
        s.append("            m_fire = m_axis_tvalid && m_axis_tready;\n");
        s.append("            stalled = m_axis_tvalid && !m_axis_tready;\n");
        s.append("            held_data = m_axis_tdata;\n").append(last ? "            held_last = m_axis_tlast;\n" : "");
        s.append("            @(posedge aclk);\n            #1;\n");
        s.append("            offered = s_axis_tvalid && !s_fire;\n");
        s.append("            if (s_fire) begin\n                sent_cycle[sent] = cycle;\n                sent = sent + 1;\n");
        s.append("            end\n");
        s.append("            if (m_fire) begin\n");
        s.append("                if (received >= sent) protocol(\"a beat came out that never went in\");\n");
        s.append("                if (received < STEADY && received < sent && cycle - sent_cycle[received] != LATENCY)\n");
        s.append("                    protocol(\"a beat took other than LATENCY cycles, unstalled\");\n");
        s.append("                for (lane = 0; lane < LANES; lane = lane + 1) begin\n");
        s.append("                    if (received * LANES + lane < N)\n");
        s.append("                        check(received * LANES + lane, held_data[lane*B_OUT +: W_OUT]);\n");
        if (bo != out.width()) {
            s.append("                    if (held_data[lane*B_OUT+W_OUT +: B_OUT-W_OUT] !== {B_OUT-W_OUT{1'b0}})\n");
            s.append("                        protocol(\"output pad bits are not 0\");\n");
        }
        s.append("                end\n");
        if (last) {
            s.append("                if (held_last !== (received % 7 == 6 || received == BEATS - 1))\n");
            s.append("                    protocol(\"m_axis_tlast does not match its beat\");\n");
        }
        s.append("                received = received + 1;\n            end\n");
        s.append("            if (stalled && (m_axis_tvalid !== 1'b1 || m_axis_tdata !== held_data").append(last
                ? " || m_axis_tlast !== held_last" : "").append("))\n");
        s.append("                protocol(\"tvalid or tdata moved while stalled\");\n");
        s.append("            cycle = cycle + 1;\n        end\n");
        s.append("        if (received < BEATS) protocol(\"beats were lost: not all came out\");\n");
        s.append("        // Nothing more may come out.\n        m_axis_tready = 1'b1;\n        s_axis_tvalid = 1'b0;\n");
        s.append("        for (k = 0; k < LATENCY + 4; k = k + 1) begin\n            @(posedge aclk);\n            #1;\n");
        s.append("            if (m_axis_tvalid) protocol(\"a beat came out twice\");\n        end\n");
        s.append(TestbenchEmitter.finish(core));
        s.append("    end\nendmodule\n\n`default_nettype wire\n");
        return s.toString();
    }
}
