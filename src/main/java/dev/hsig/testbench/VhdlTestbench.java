package dev.hsig.testbench;

import dev.hsig.format.QFormat;
import dev.hsig.hdl.Interface;
import java.util.List;

/**
 * The VHDL-93 testbench of a VHDL core, the same checks as the Verilog ones: it reads {@code NAME.hex} with textio
 * (skipping comment lines and labels), applies every vector (several to a beat with lanes), streams pipelined cores
 * with idle gaps and random clock-enable gaps, drives AXI4-Stream cores with random gaps and stalls and checks the
 * protocol, prints the first mismatches and {@code P passed, F failed} on stdout, and ends with an assertion of
 * severity failure when F &gt; 0, so {@code ghdl -r} exits non-zero.
 */
public final class VhdlTestbench {
    private VhdlTestbench() {
    }

    public static String emit(String core, QFormat in, QFormat out, Interface iface, int vectorCount,
            List<String> header) {
        StringBuilder s = new StringBuilder();
        for (String line : header) {
            s.append(line.isEmpty() ? "--" : "-- " + line).append('\n');
        }
        int bi = (in.width() + 7) / 8 * 8;
        int bo = (out.width() + 7) / 8 * 8;
        boolean axis = iface.kind() == Interface.Kind.AXIS;
        s.append("\nlibrary ieee;\nuse ieee.std_logic_1164.all;\nuse ieee.numeric_std.all;\nuse std.textio.all;\n\n");
        s.append("entity ").append(core).append("_tb is\nend entity ").append(core).append("_tb;\n\n");
        s.append("architecture sim of ").append(core).append("_tb is\n");
        s.append("    constant N : integer := ").append(vectorCount).append(";  -- vectors in ").append(core).append(".hex\n");
        s.append("    constant W_IN : integer := ").append(in.width()).append(";\n");
        s.append("    constant W_OUT : integer := ").append(out.width()).append(";\n");
        s.append("    constant LANES : integer := ").append(iface.lanes()).append(";\n");
        s.append("    constant LATENCY : integer := ").append(iface.latency()).append(";\n");
        s.append("    constant MAX_REPORTS : integer := ").append(TestbenchEmitter.MAX_REPORTS).append(";\n");
        s.append("    constant B_IN : integer := ").append(axis ? bi : in.width()).append(";  -- lane pitch of the input bus\n");
        s.append("    constant B_OUT : integer := ").append(axis ? bo : out.width()).append(";  -- lane pitch of the output bus\n");
        s.append("    subtype word is std_logic_vector(W_IN + W_OUT - 1 downto 0);\n");
        s.append("    type words is array (0 to N - 1) of word;\n\n");
        s.append(LOAD.replace("@FILE@", core + ".hex"));
        s.append("    signal vectors : words := load;\n");
        s.append("    signal x : std_logic_vector(LANES * B_IN - 1 downto 0) := (others => '0');\n");
        s.append("    signal y : std_logic_vector(LANES * B_OUT - 1 downto 0);\n");
        s.append("    signal clk : std_logic := '0';\n    signal done : boolean := false;\n");
        switch (iface.kind()) {
            case PLAIN -> s.append(plain(core));
            case VALID -> s.append(valid(core, iface));
            case AXIS -> s.append(axis(core, iface, bi, in.width(), bo, out.width()));
        }
        return s.append("end architecture sim;\n").toString();
    }

    /** Reads the $readmemh file: one hex word a line, comments after // ignored, comment lines skipped. */
    private static final String LOAD = """
                impure function load return words is
                    file f : text open read_mode is "@FILE@";
                    variable l : line;
                    variable c : character;
                    variable good : boolean;
                    variable v : unsigned(4 * ((W_IN + W_OUT + 3) / 4) - 1 downto 0);
                    variable result : words;
                    variable i : integer := 0;
                    variable digit : integer;
                begin
                    while not endfile(f) and i < N loop
                        readline(f, l);
                        v := (others => '0');
                        digit := 0;
                        loop
                            read(l, c, good);
                            exit when not good or c = ' ' or c = '/';
                            if c >= '0' and c <= '9' then
                                v := shift_left(v, 4) + to_unsigned(character'pos(c) - character'pos('0'), v'length);
                            else
                                v := shift_left(v, 4) + to_unsigned(character'pos(c) - character'pos('a') + 10, v'length);
                            end if;
                            digit := digit + 1;
                        end loop;
                        if digit > 0 then
                            result(i) := std_logic_vector(v(W_IN + W_OUT - 1 downto 0));
                            i := i + 1;
                        end if;
                    end loop;
                    return result;
                end function;

                procedure say(text_line : string) is
                    variable l : line;
                begin
                    write(l, text_line);
                    writeline(output, l);
                end procedure;

            """;

    /** The vector for lane l of the beat at index i; past the end, the last vector again. */
    private static final String LANE_INPUT = "vectors(minimum(i + lane, N - 1))(W_IN + W_OUT - 1 downto W_OUT)";

    private static String helpers() {
        return """
                    function minimum(a, b : integer) return integer is
                    begin
                        if a < b then
                            return a;
                        end if;
                        return b;
                    end function;

                """;
    }

    private static String checkProcedure() {
        return """
                        procedure check(index : integer; got : std_logic_vector(W_OUT - 1 downto 0)) is
                        begin
                            if got = vectors(index)(W_OUT - 1 downto 0) then
                                passed := passed + 1;
                            else
                                failed := failed + 1;
                                if failed <= MAX_REPORTS then
                                    say("MISMATCH vector " & integer'image(index) & ": expected y="
                                        & integer'image(to_integer(unsigned(vectors(index)(W_OUT - 1 downto 0))))
                                        & " got y=" & integer'image(to_integer(unsigned(got))) & " (raw, unsigned)");
                                end if;
                            end if;
                        end procedure;
                """;
    }

    private static String finish(String core) {
        return "        say(integer'image(passed) & \" passed, \" & integer'image(failed) & \" failed\");\n"
                + "        assert failed = 0 report \"" + core + ": \" & integer'image(failed) & \" failures\""
                + " severity failure;\n"
                + "        done <= true;\n        wait;\n";
    }

    private static String plain(String core) {
        return helpers() + "begin\n    dut: entity work." + core + " port map (x => x, y => y);\n\n"
                + "    stimulus: process\n        variable passed : integer := 0;\n        variable failed : integer := 0;\n"
                + "        variable i : integer := 0;\n" + checkProcedure() + "    begin\n"
                + "        while i < N loop\n"
                + "            for lane in 0 to LANES - 1 loop\n"
                + "                x((lane + 1) * W_IN - 1 downto lane * W_IN) <= " + LANE_INPUT + ";\n"
                + "            end loop;\n"
                + "            wait for 1 ns;\n"
                + "            for lane in 0 to LANES - 1 loop\n"
                + "                if i + lane < N then\n"
                + "                    check(i + lane, y((lane + 1) * W_OUT - 1 downto lane * W_OUT));\n"
                + "                end if;\n"
                + "            end loop;\n"
                + "            i := i + LANES;\n"
                + "        end loop;\n" + finish(core) + "    end process;\n";
    }

    private static String lfsr() {
        return """
                        procedure next_random(state : inout unsigned(31 downto 0)) is
                        begin
                            if state(0) = '1' then
                                state := shift_right(state, 1) xor x"A3000000";
                            else
                                state := shift_right(state, 1);
                            end if;
                        end procedure;
                """;
    }

    private static String valid(String core, Interface iface) {
        String rst = iface.reset().port();
        char on = iface.reset().activeLow() ? '0' : '1';
        char off = iface.reset().activeLow() ? '1' : '0';
        return "    signal " + rst + " : std_logic := '" + on + "';\n    signal ce : std_logic := '1';\n"
                + "    signal in_valid : std_logic := '0';\n    signal out_valid : std_logic;\n"
                + "    type flags is array (0 to LATENCY - 1) of boolean;\n"
                + "    type indexes is array (0 to LATENCY - 1) of integer;\n"
                + helpers() + "begin\n"
                + "    clk <= not clk after 5 ns when not done;\n"
                + "    dut: entity work." + core + " port map (clk => clk, " + rst + " => " + rst
                + (iface.ce() ? ", ce => ce" : "") + ", in_valid => in_valid, x => x, out_valid => out_valid, y => y);\n\n"
                + "    stimulus: process\n        variable passed : integer := 0;\n        variable failed : integer := 0;\n"
                + "        variable hist_valid : flags := (others => false);\n"
                + "        variable hist_index : indexes := (others => 0);\n"
                + "        variable next_index : integer := 0;\n        variable cycle : integer := 0;\n"
                + "        variable drained : integer := 0;\n        variable advanced : boolean := false;\n"
                + "        variable held_valid : std_logic;\n        variable held_y : std_logic_vector(y'range);\n"
                + "        variable r : unsigned(31 downto 0) := x\"00000001\";\n"
                + "        variable i : integer;\n        variable enabled : boolean;\n"
                + checkProcedure() + lfsr() + "    begin\n"
                + "        -- Reset for three edges with in_valid high: the reset must clear the valid pipeline.\n"
                + "        in_valid <= '1';\n        x <= (others => '1');\n"
                + "        for k in 1 to 3 loop\n            wait until falling_edge(clk);\n        end loop;\n"
                + "        " + rst + " <= '" + off + "';\n"
                + "        held_valid := out_valid;\n        held_y := y;\n"
                + "        while drained <= LATENCY loop\n"
                + "            if not advanced then\n"
                + "                if out_valid /= held_valid or (out_valid = '1' and y /= held_y) then\n"
                + "                    failed := failed + 1;\n"
                + "                    say(\"MISMATCH cycle \" & integer'image(cycle) & \": the outputs moved while ce was low\");\n"
                + "                end if;\n"
                + "            elsif (out_valid = '1') /= hist_valid(LATENCY - 1) then\n"
                + "                failed := failed + 1;\n"
                + "                if failed <= MAX_REPORTS then\n"
                + "                    say(\"MISMATCH cycle \" & integer'image(cycle) & \": out_valid wrong\");\n"
                + "                end if;\n"
                + "            elsif hist_valid(LATENCY - 1) then\n"
                + "                for lane in 0 to LANES - 1 loop\n"
                + "                    if hist_index(LATENCY - 1) + lane < N then\n"
                + "                        check(hist_index(LATENCY - 1) + lane, y((lane + 1) * W_OUT - 1 downto lane * W_OUT));\n"
                + "                    end if;\n"
                + "                end loop;\n"
                + "            end if;\n"
                + (iface.ce() ? "            next_random(r);  -- ce low on about one cycle in four\n"
                        + "            enabled := r(1 downto 0) /= \"00\";\n" : "            enabled := true;\n")
                + "            if enabled then\n                ce <= '1';\n            else\n                ce <= '0';\n"
                + "            end if;\n"
                + "            -- One beat per cycle, with an idle cycle every 7 and a longer gap at 40..44.\n"
                + "            i := next_index;\n"
                + "            if next_index < N and cycle mod 7 /= 3 and (cycle < 40 or cycle > 44) then\n"
                + "                in_valid <= '1';\n"
                + "                for lane in 0 to LANES - 1 loop\n"
                + "                    x((lane + 1) * W_IN - 1 downto lane * W_IN) <= " + LANE_INPUT + ";\n"
                + "                end loop;\n"
                + "            else\n                in_valid <= '0';\n                x <= not x;\n            end if;\n"
                + "            held_valid := out_valid;\n            held_y := y;\n            advanced := enabled;\n"
                + "            if enabled then  -- the coming edge loads: the pipeline and its model move on\n"
                + "                for k in LATENCY - 1 downto 1 loop\n"
                + "                    hist_valid(k) := hist_valid(k - 1);\n                    hist_index(k) := hist_index(k - 1);\n"
                + "                end loop;\n"
                + "                hist_valid(0) := next_index < N and cycle mod 7 /= 3 and (cycle < 40 or cycle > 44);\n"
                + "                hist_index(0) := next_index;\n"
                + "                if hist_valid(0) then\n                    next_index := next_index + LANES;\n                end if;\n"
                + "                if next_index >= N then\n                    drained := drained + 1;\n                end if;\n"
                + "            end if;\n"
                + "            cycle := cycle + 1;\n"
                + "            wait until falling_edge(clk);\n"
                + "        end loop;\n" + finish(core) + "    end process;\n";
    }

    private static String axis(String core, Interface iface, int bi, int wi, int bo, int wo) {
        boolean last = iface.tlast();
        return "    signal aresetn : std_logic := '0';\n    signal s_axis_tvalid : std_logic := '0';\n"
                + "    signal s_axis_tready : std_logic;\n    signal m_axis_tvalid : std_logic;\n"
                + "    signal m_axis_tready : std_logic := '0';\n"
                + (last ? "    signal s_axis_tlast : std_logic := '0';\n    signal m_axis_tlast : std_logic;\n" : "")
                + "    constant BEATS : integer := (N + LANES - 1) / LANES;\n"
                + "    constant STEADY : integer := " + AxisTestbench.STEADY_BEATS + ";  -- beats with no gap and no stall\n"
                + "    type cycles is array (0 to BEATS - 1) of integer;\n"
                + helpers()
                + "    function is_last(beat : integer) return std_logic is\n    begin\n"
                + "        if beat mod 7 = 6 or beat = BEATS - 1 then\n            return '1';\n        end if;\n"
                + "        return '0';\n    end function;\n\n"
                + "begin\n"
                + "    clk <= not clk after 5 ns when not done;\n"
                + "    dut: entity work." + core + " port map (aclk => clk, aresetn => aresetn, s_axis_tvalid => s_axis_tvalid,\n"
                + "        s_axis_tready => s_axis_tready, s_axis_tdata => x," + (last ? " s_axis_tlast => s_axis_tlast," : "")
                + " m_axis_tvalid => m_axis_tvalid,\n        m_axis_tready => m_axis_tready, m_axis_tdata => y"
                + (last ? ", m_axis_tlast => m_axis_tlast" : "") + ");\n\n"
                + "    stimulus: process\n        variable passed : integer := 0;\n        variable failed : integer := 0;\n"
                + "        variable sent : integer := 0;\n        variable received : integer := 0;\n"
                + "        variable sent_cycle : cycles;\n        variable cycle : integer := 0;\n"
                + "        variable r : unsigned(31 downto 0) := x\"00000001\";\n"
                + "        variable s_fire, m_fire, stalled, ready_before : boolean;\n"
                + "        variable offered : boolean := false;  -- a beat offered and not yet taken stays offered\n"
                + "        variable held_data : std_logic_vector(y'range);\n        variable held_last : std_logic;\n"
                + "        variable i : integer;\n"
                + checkProcedure() + lfsr()
                + "        procedure protocol(what : string) is\n        begin\n"
                + "            failed := failed + 1;\n"
                + "            if failed <= MAX_REPORTS then\n"
                + "                say(\"PROTOCOL cycle \" & integer'image(cycle) & \": \" & what);\n"
                + "            end if;\n        end procedure;\n"
                + "    begin\n"
                + "        x <= (others => '1');\n"
                + "        for k in 1 to 3 loop\n            wait until falling_edge(clk);\n        end loop;\n"
                + "        if s_axis_tready /= '0' then\n            protocol(\"s_axis_tready is not low during reset\");\n"
                + "        end if;\n"
                + "        aresetn <= '1';\n"
                + "        while received < BEATS and cycle < BEATS * 8 + 1000 loop\n"
                + "            wait until falling_edge(clk);\n"
                + "            next_random(r);\n"
                + "            -- The beat offered now, pad bits 1 (they must be ignored); once offered, it stays offered,\n"
                + "            -- unchanged, until it is taken, as AXI4-Stream requires of a master.\n"
                + "            if sent < BEATS and (offered or sent < STEADY or r(2 downto 0) /= \"000\") then\n"
                + "                s_axis_tvalid <= '1';\n            else\n                s_axis_tvalid <= '0';\n            end if;\n"
                + "            i := sent * LANES;\n"
                + "            for lane in 0 to LANES - 1 loop\n"
                + (bi == wi ? "" : "                x((lane + 1) * B_IN - 1 downto lane * B_IN + W_IN) <= (others => '1');\n")
                + "                x(lane * B_IN + W_IN - 1 downto lane * B_IN) <= " + LANE_INPUT + ";\n"
                + "            end loop;\n"
                + (last ? "            s_axis_tlast <= is_last(sent);\n" : "")
                + "            if received < STEADY or (r(4 downto 3) /= \"00\" and r(13 downto 9) /= \"00000\") then\n"
                + "                m_axis_tready <= '1';\n            else\n                m_axis_tready <= '0';\n            end if;\n"
                + "            wait for 1 ns;\n"
                + "            -- s_axis_tready must not follow m_axis_tready within a cycle.\n"
                + "            ready_before := s_axis_tready = '1';\n"
                + "            m_axis_tready <= not m_axis_tready;\n            wait for 1 ns;\n"
                + "            if (s_axis_tready = '1') /= ready_before then\n"
                + "                protocol(\"s_axis_tready moved with m_axis_tready\");\n            end if;\n"
                + "            m_axis_tready <= not m_axis_tready;\n            wait for 1 ns;\n"
                + "            s_fire := s_axis_tvalid = '1' and s_axis_tready = '1';\n"
                + "            m_fire := m_axis_tvalid = '1' and m_axis_tready = '1';\n"
                + "            stalled := m_axis_tvalid = '1' and m_axis_tready = '0';\n"
                + "            held_data := y;\n" + (last ? "            held_last := m_axis_tlast;\n" : "")
                + "            wait until rising_edge(clk);\n            wait for 1 ns;\n"
                + "            offered := s_axis_tvalid = '1' and not s_fire;\n"
                + "            if s_fire then\n                sent_cycle(sent) := cycle;\n                sent := sent + 1;\n"
                + "            end if;\n"
                + "            if m_fire then\n"
                + "                if received >= sent then\n                    protocol(\"a beat came out that never went in\");\n"
                + "                elsif received < STEADY and cycle - sent_cycle(received) /= LATENCY then\n"
                + "                    protocol(\"a beat took other than LATENCY cycles, unstalled\");\n"
                + "                end if;\n"
                + "                for lane in 0 to LANES - 1 loop\n"
                + "                    if received * LANES + lane < N then\n"
                + "                        check(received * LANES + lane, held_data(lane * B_OUT + W_OUT - 1 downto lane * B_OUT));\n"
                + "                    end if;\n"
                + (bo == wo ? "" : "                    if unsigned(held_data((lane + 1) * B_OUT - 1 downto lane * B_OUT + W_OUT)) /= 0 then\n"
                        + "                        protocol(\"output pad bits are not 0\");\n                    end if;\n")
                + "                end loop;\n"
                + (last ? "                if held_last /= is_last(received) then\n"
                        + "                    protocol(\"m_axis_tlast does not match its beat\");\n                end if;\n" : "")
                + "                received := received + 1;\n"
                + "            end if;\n"
                + "            if stalled and (m_axis_tvalid /= '1' or y /= held_data" + (last ? " or m_axis_tlast /= held_last" : "")
                + ") then\n                protocol(\"tvalid or tdata moved while stalled\");\n            end if;\n"
                + "            cycle := cycle + 1;\n"
                + "        end loop;\n"
                + "        if received < BEATS then\n            protocol(\"beats were lost: not all came out\");\n        end if;\n"
                + "        m_axis_tready <= '1';\n        s_axis_tvalid <= '0';\n"
                + "        for k in 1 to LATENCY + 4 loop\n            wait until rising_edge(clk);\n            wait for 1 ns;\n"
                + "            if m_axis_tvalid = '1' then\n                protocol(\"a beat came out twice\");\n            end if;\n"
                + "        end loop;\n"
                + finish(core) + "    end process;\n";
    }
}
