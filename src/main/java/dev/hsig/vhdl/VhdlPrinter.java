package dev.hsig.vhdl;

import dev.hsig.datapath.Datapath;
import dev.hsig.format.QFormat;
import dev.hsig.hdl.Interface;
import dev.hsig.hdl.OutputLane;
import dev.hsig.hdl.PortList;
import java.util.ArrayList;
import java.util.List;

/**
 * A VHDL-93 entity and architecture ({@code ieee.numeric_std}) with the same ports and behaviour as the Verilog
 * module: the interface's ports and control logic around the datapath, which {@link VhdlBody} prints once (inside a
 * for-generate when there are several lanes). The arithmetic comes from the datapath's nodes alone.
 */
public final class VhdlPrinter {
    private final Datapath datapath;
    private final String entity;
    private final Interface iface;
    private final StringBuilder declarations = new StringBuilder();

    private VhdlPrinter(Datapath datapath, String entity, Interface iface) {
        this.datapath = datapath;
        this.entity = entity;
        this.iface = iface;
    }

    public static String emit(Datapath datapath, String entity, Interface iface, List<String> header) {
        return new VhdlPrinter(datapath, entity, iface).text(header);
    }

    private String text(List<String> header) {
        StringBuilder s = new StringBuilder();
        for (String line : header) {
            s.append(line.isEmpty() ? "--" : "-- " + line).append('\n');
        }
        s.append("\nlibrary ieee;\nuse ieee.std_logic_1164.all;\nuse ieee.numeric_std.all;\n\n");
        s.append("entity ").append(entity).append(" is\n    port (\n");
        s.append(portList(datapath, iface, OutputLane.of(datapath.config().output())));
        s.append("    );\nend entity ").append(entity).append(";\n\n");
        String statements = iface.kind() == Interface.Kind.AXIS ? axis() : lanes(enable(), "x", "y", true) + validChain();
        s.append("architecture rtl of ").append(entity).append(" is\n").append(declarations).append("begin\n");
        s.append(statements);
        s.append("end architecture rtl;\n");
        return s.toString();
    }

    private String clock() {
        return iface.kind() == Interface.Kind.AXIS ? "aclk" : "clk";
    }

    private String enable() {
        return iface.ce() ? "ce" : null;
    }

    /** Internal vectors start at 0, not 'U', as VhdlBody's do: no metavalue in a comparison before the first input. */
    private static final String ZERO = " := (others => '0')";

    static String vector(int width) {
        return "std_logic_vector(" + (width - 1) + " downto 0)";
    }

    /** The port declarations of an entity with this interface, the output bus carrying lanes of {@code out}. */
    static String portList(Datapath datapath, Interface iface, OutputLane out) {
        return PortList.join(ports(datapath, iface, out), "        ", ";", "--");
    }

    private static List<String> ports(Datapath datapath, Interface iface, OutputLane out) {
        QFormat in = datapath.config().input();
        int l = iface.lanes();
        List<String> p = new ArrayList<>();
        if (iface.kind() == Interface.Kind.AXIS) {
            int bi = pitch(in.width());
            int bo = pitch(out.width());
            p.add("aclk          : in  std_logic");
            p.add("aresetn       : in  std_logic  -- synchronous, active low");
            p.add("s_axis_tvalid : in  std_logic");
            p.add("s_axis_tready : out std_logic");
            p.add("s_axis_tdata  : in  " + vector(l * bi) + "  -- " + (l > 1 ? l + " lanes of " : "") + in
                    + (l > 1 || bi != in.width() ? ", lane i in [i*" + bi + " +: " + in.width() + "]" : ""));
            if (iface.tlast()) {
                p.add("s_axis_tlast  : in  std_logic");
            }
            p.add("m_axis_tvalid : out std_logic");
            p.add("m_axis_tready : in  std_logic");
            p.add("m_axis_tdata  : out " + vector(l * bo) + "  -- " + (l > 1 ? l + " lanes of " : "") + out.what()
                    + (l > 1 || bo != out.width() ? ", lane i in [i*" + bo + " +: " + out.width() + "]" : "")
                    + (bo != out.width() ? ", pad bits 0" : ""));
            if (iface.tlast()) {
                p.add("m_axis_tlast  : out std_logic");
            }
            return p;
        }
        if (iface.kind() == Interface.Kind.VALID) {
            p.add("clk       : in  std_logic");
            p.add(pad(iface, iface.reset().port()) + ": in  std_logic  -- " + iface.reset().cliName().replace("-", " ") + " reset");
            if (iface.ce()) {
                p.add("ce        : in  std_logic  -- clock enable: every register holds while it is low");
            }
            p.add("in_valid  : in  std_logic");
        }
        p.add(pad(iface, "x") + ": in  " + vector(l * in.width()) + "  -- " + in + (in.signed() ? ", two's complement"
                : ", unsigned") + (l > 1 ? ", " + l + " lanes, lane i in [i*" + in.width() + " +: " + in.width() + "]" : ""));
        if (iface.kind() == Interface.Kind.VALID) {
            p.add("out_valid : out std_logic");
        }
        p.add(pad(iface, "y") + ": out " + vector(l * out.width()) + "  -- " + out.what() + (l > 1 ? ", " + l + " lanes, lane i in [i*"
                + out.width() + " +: " + out.width() + "]" : ""));
        return p;
    }

    private static String pad(Interface iface, String name) {
        return String.format("%-" + (iface.kind() == Interface.Kind.VALID ? 10 : 2) + "s", name);
    }

    static int pitch(int width) {
        return (width + 7) / 8 * 8;
    }

    /** The datapath once per lane, reading {@code input} and driving {@code output}; a for-generate for lanes. */
    private String lanes(String enableSignal, String input, String output, boolean registerOutput) {
        QFormat in = datapath.config().input();
        QFormat out = datapath.config().output();
        int registers = iface.pipeline();
        if (iface.lanes() == 1) {
            VhdlBody body = new VhdlBody(datapath, registers, registerOutput, clock(), enableSignal, "    ", input);
            String text = body.statements();
            declarations.append(body.declarations());
            return text + "\n    " + output + " <= " + body.output() + ";\n";
        }
        VhdlBody body = new VhdlBody(datapath, registers, registerOutput, clock(), enableSignal, "        ", "x_lane");
        String text = body.statements();
        StringBuilder s = new StringBuilder();
        s.append("\n    -- ---- ").append(iface.lanes()).append(" lanes, one datapath each ----\n");
        s.append("    lanes: for lane in 0 to ").append(iface.lanes() - 1).append(" generate\n");
        s.append("        signal x_lane : ").append(vector(in.width())).append(ZERO + ";\n").append(body.declarations());
        s.append("    begin\n");
        s.append("        x_lane <= ").append(input).append("((lane + 1) * ").append(in.width()).append(" - 1 downto lane * ")
                .append(in.width()).append(");\n");
        s.append(text);
        s.append("\n        ").append(output).append("((lane + 1) * ").append(out.width()).append(" - 1 downto lane * ")
                .append(out.width()).append(") <= ").append(body.output()).append(";\n");
        s.append("    end generate lanes;\n");
        return s.toString();
    }

    private String validChain() {
        if (iface.kind() != Interface.Kind.VALID) {
            return "";
        }
        int n = iface.pipeline();
        Interface.Reset reset = iface.reset();
        for (int r = 1; r <= n; r++) {
            declarations.append("    signal valid_s").append(r).append(" : std_logic;\n");
        }
        String active = reset.activeLow() ? "'0'" : "'1'";
        StringBuilder s = new StringBuilder("\n    -- ---- valid pipeline: " + reset.cliName().replace("-", " ")
                + " reset clears it" + (iface.ce() ? "; it holds while ce is low" : "") + " ----\n");
        s.append("    valid_chain: process (clk").append(reset.async() ? ", " + reset.port() : "").append(")\n    begin\n");
        StringBuilder clear = new StringBuilder();
        StringBuilder shift = new StringBuilder();
        String pad = reset.async() ? "            " : "                ";
        for (int r = 1; r <= n; r++) {
            clear.append(pad).append("valid_s").append(r).append(" <= '0';\n");
            shift.append(pad).append(iface.ce() ? "    " : "").append("valid_s").append(r).append(" <= ")
                    .append(r == 1 ? "in_valid" : "valid_s" + (r - 1)).append(";\n");
        }
        String enabled = iface.ce() ? pad + "if ce = '1' then\n" + shift + pad + "end if;\n" : shift.toString();
        if (reset.async()) {
            s.append("        if ").append(reset.port()).append(" = ").append(active).append(" then\n").append(clear);
            s.append("        elsif rising_edge(clk) then\n").append(enabled).append("        end if;\n");
        } else {
            s.append("        if rising_edge(clk) then\n            if ").append(reset.port()).append(" = ").append(active)
                    .append(" then\n").append(clear).append("            else\n").append(enabled)
                    .append("            end if;\n        end if;\n");
        }
        s.append("    end process;\n    out_valid <= valid_s").append(n).append(";\n");
        return s.toString();
    }

    /** The AXI4-Stream wrapper, as in the Verilog: see {@code dev.hsig.verilog.AxisPrinter}. */
    private String axis() {
        QFormat in = datapath.config().input();
        QFormat out = datapath.config().output();
        int l = iface.lanes();
        int n = iface.pipeline();
        int wi = in.width();
        int wo = out.width();
        int bi = pitch(wi);
        int bo = pitch(wo);
        boolean last = iface.tlast();
        declarations.append("    signal skid_valid : std_logic;\n    signal advance : std_logic;\n");
        declarations.append("    signal x : ").append(vector(l * wi)).append(ZERO + ";\n");
        declarations.append("    signal y_pipe : ").append(vector(l * wo)).append(";  -- the last stage's output\n");
        declarations.append("    signal out_valid : std_logic;\n    signal stalled : std_logic;\n");
        declarations.append("    signal out_data : ").append(vector(l * wo)).append(";\n");
        declarations.append("    signal skid_data : ").append(vector(l * wo)).append(";\n");
        if (last) {
            declarations.append("    signal out_last : std_logic;\n    signal skid_last : std_logic;\n");
        }
        StringBuilder s = new StringBuilder();
        s.append("\n    -- ---- handshake: the pipeline advances while the skid buffer is empty ----\n");
        s.append("    advance <= not skid_valid;\n");
        s.append("    -- A register's complement, low in reset (no beat is taken then): no path from m_axis_tready.\n");
        s.append("    s_axis_tready <= advance and aresetn;\n");
        s.append("\n    -- ---- the lanes of the input beat, without their pad bits ----\n");
        List<String> parts = new ArrayList<>();
        for (int i = l - 1; i >= 0; i--) {
            parts.add("s_axis_tdata(" + (i * bi + wi - 1) + " downto " + (i * bi) + ")");
        }
        s.append("    x <= ").append(String.join(" & ", parts)).append(";\n");
        s.append(lanes(n > 1 ? "advance" : null, "x", "y_pipe", false));
        String pipeValid = "s_axis_tvalid";
        String pipeLast = "s_axis_tlast";
        if (n > 1) {
            StringBuilder clear = new StringBuilder();
            StringBuilder shift = new StringBuilder();
            StringBuilder lastShift = new StringBuilder();
            for (int r = 1; r < n; r++) {
                declarations.append("    signal valid_s").append(r).append(" : std_logic;\n");
                clear.append("                valid_s").append(r).append(" <= '0';\n");
                shift.append("                valid_s").append(r).append(" <= ").append(r == 1 ? "s_axis_tvalid"
                        : "valid_s" + (r - 1)).append(";\n");
                if (last) {
                    declarations.append("    signal last_s").append(r).append(" : std_logic;\n");
                    lastShift.append("                last_s").append(r).append(" <= ").append(r == 1 ? "s_axis_tlast"
                            : "last_s" + (r - 1)).append(";\n");
                }
            }
            s.append("\n    -- ---- valid").append(last ? " and tlast" : "").append(" through the pipeline ----\n");
            s.append("    valid_chain: process (aclk)\n    begin\n        if rising_edge(aclk) then\n");
            s.append("            if aresetn = '0' then\n").append(clear).append("            elsif advance = '1' then\n")
                    .append(shift).append(last ? lastShift : "").append("            end if;\n        end if;\n    end process;\n");
            pipeValid = "valid_s" + (n - 1);
            pipeLast = "last_s" + (n - 1);
        }
        s.append("\n    -- ---- output register and skid buffer (").append(l * wo + 1 + (last ? 1 : 0))
                .append(" flip-flops beyond the pipeline) ----\n");
        s.append("    stalled <= out_valid and not m_axis_tready;\n");
        s.append("    skid: process (aclk)\n    begin\n        if rising_edge(aclk) then\n");
        s.append("            if aresetn = '0' then\n                out_valid <= '0';\n                skid_valid <= '0';\n");
        s.append("            elsif skid_valid = '0' then\n");
        s.append("                if stalled = '1' then\n                    skid_valid <= ").append(pipeValid)
                .append(";  -- catch the beat in flight\n                    skid_data <= y_pipe;\n")
                .append(last ? "                    skid_last <= " + pipeLast + ";\n" : "")
                .append("                else\n                    out_valid <= ").append(pipeValid)
                .append(";\n                    out_data <= y_pipe;\n")
                .append(last ? "                    out_last <= " + pipeLast + ";\n" : "")
                .append("                end if;\n");
        s.append("            elsif m_axis_tready = '1' then\n                out_valid <= '1';  -- the caught beat goes out\n")
                .append("                out_data <= skid_data;\n").append(last ? "                out_last <= skid_last;\n" : "")
                .append("                skid_valid <= '0';\n            end if;\n        end if;\n    end process;\n");
        s.append("    m_axis_tvalid <= out_valid;\n");
        List<String> lanesOut = new ArrayList<>();
        for (int i = l - 1; i >= 0; i--) {
            if (bo != wo) {
                lanesOut.add(VhdlBits.zeros(bo - wo));
            }
            lanesOut.add("out_data(" + (i * wo + wo - 1) + " downto " + (i * wo) + ")");
        }
        s.append("    m_axis_tdata <= ").append(String.join(" & ", lanesOut)).append(";\n");
        if (last) {
            s.append("    m_axis_tlast <= out_last;\n");
        }
        return s.toString();
    }
}
