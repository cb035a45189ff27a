package dev.hsig.vhdl;

import dev.hsig.binarize.Binarizer;
import dev.hsig.binarize.Step;
import dev.hsig.datapath.Datapath;
import dev.hsig.hdl.Interface;
import dev.hsig.hdl.OutputLane;
import java.util.ArrayList;
import java.util.List;

/**
 * A binarized core in VHDL-93, as {@code dev.hsig.verilog.BinarizerPrinter} prints it in Verilog: the probability
 * entity {@code NAME_p}, and {@code NAME} around it with one bit per lane and the random source on its output side.
 */
public final class VhdlBinarizer implements Step.Visitor<String> {
    private static final String ZERO = " := (others => '0')";
    private final Binarizer b;
    private final StringBuilder declarations = new StringBuilder();
    private String operand;
    private final java.util.Set<Integer> declaredBoxes = new java.util.HashSet<>();
    /** The signal a step defines; a table step declares its constant under this name with a T in front. */
    private String signal;

    private VhdlBinarizer(Binarizer b) {
        this.b = b;
    }

    public static String emit(Datapath d, String entity, Interface iface, Binarizer b, List<String> header) {
        StringBuilder s = new StringBuilder();
        for (String line : header) {
            s.append(line.isEmpty() ? "--" : "-- " + line).append('\n');
        }
        // The probability entity first: VHDL analyses a file in order, and an instance needs its entity.
        s.append("\n-- ---- ").append(entity).append("_p: the probability core, p = f(x) as above ----\n");
        s.append(VhdlPrinter.emit(d, entity + "_p", iface, List.of()));
        s.append("\n-- ---- ").append(entity).append(": one bit per lane from the probability core ----\n");
        s.append("\nlibrary ieee;\nuse ieee.std_logic_1164.all;\nuse ieee.numeric_std.all;\n\n");
        s.append("entity ").append(entity).append(" is\n    port (\n");
        s.append(VhdlPrinter.portList(d, iface, OutputLane.BIT));
        s.append("    );\nend entity ").append(entity).append(";\n\n");
        VhdlBinarizer printer = new VhdlBinarizer(b);
        String statements = printer.statements(d, entity, iface);
        s.append("architecture rtl of ").append(entity).append(" is\n").append(printer.declarations).append("begin\n");
        s.append(statements).append("end architecture rtl;\n");
        return s.toString();
    }

    private String unsignedF() {
        return "unsigned(" + (b.bits() - 1) + " downto 0)";
    }

    private String literal(long value, int width) {
        return "unsigned'(" + VhdlBits.literal(value, width) + ")";
    }

    private String statements(Datapath d, String entity, Interface iface) {
        int w = d.config().output().width();
        int f = b.bits();
        int l = iface.lanes();
        boolean axis = iface.kind() == Interface.Kind.AXIS;
        int pitch = axis ? VhdlPrinter.pitch(w) : w;
        declarations.append("    -- lane i's probability word p_raw in [i*").append(pitch).append(" +: ").append(w)
                .append("], p = p_raw / 2^").append(f).append('\n');
        declarations.append("    signal p : ").append(VhdlPrinter.vector(l * pitch)).append(ZERO).append(";\n");
        declarations.append("    signal b : ").append(VhdlPrinter.vector(l)).append(";  -- the bits, lane by lane\n");
        StringBuilder s = new StringBuilder();
        String deliver;
        switch (iface.kind()) {
            case PLAIN -> {
                s.append("    core: entity work.").append(entity).append("_p port map (x => x, y => p);\n");
                deliver = null;
            }
            case VALID -> {
                String rst = iface.reset().port();
                declarations.append("    signal p_valid : std_logic;\n");
                s.append("    core: entity work.").append(entity).append("_p port map (clk => clk, ").append(rst)
                        .append(" => ").append(rst).append(iface.ce() ? ", ce => ce" : "")
                        .append(", in_valid => in_valid, x => x,\n        out_valid => p_valid, y => p);\n");
                s.append("    out_valid <= p_valid;\n");
                deliver = iface.ce() ? "p_valid and ce" : "p_valid";
            }
            case AXIS -> {
                boolean last = iface.tlast();
                declarations.append("    signal p_tvalid : std_logic;\n");
                s.append("    core: entity work.").append(entity).append("_p port map (aclk => aclk, aresetn => aresetn,")
                        .append(" s_axis_tvalid => s_axis_tvalid,\n        s_axis_tready => s_axis_tready,")
                        .append(" s_axis_tdata => s_axis_tdata,").append(last ? " s_axis_tlast => s_axis_tlast," : "")
                        .append("\n        m_axis_tvalid => p_tvalid, m_axis_tready => m_axis_tready,")
                        .append(" m_axis_tdata => p").append(last ? ", m_axis_tlast => m_axis_tlast" : "")
                        .append(");\n");
                s.append("    m_axis_tvalid <= p_tvalid;\n");
                deliver = "p_tvalid and m_axis_tready";
            }
            default -> throw new IllegalStateException();
        }
        if (b.stochastic()) {
            s.append(source(iface, deliver));
        }
        s.append("\n    -- ---- the bits: 1 for +1, 0 for -1 ----\n");
        for (int i = 0; i < l; i++) {
            // to_01: before the probability core first drives p (time 0) its bits are 'U'; read them as 0 rather
            // than log numeric_std's metavalue warning. Synthesis reads to_01 as the identity.
            String lane = "to_01(unsigned(p(" + (i * pitch + w - 1) + " downto " + (i * pitch) + ")))";
            String test = b.stochastic() ? "resize(r" + i + ", " + w + ") < " + lane
                    : lane + " >= " + literal(1L << (f - 1), w);
            s.append("    b(").append(i).append(") <= '1' when ").append(test).append(" else '0';\n");
        }
        if (axis) {
            List<String> parts = new ArrayList<>();
            for (int i = l - 1; i >= 0; i--) {
                parts.add(VhdlBits.zeros(7));
                parts.add("b(" + i + ")");
            }
            s.append("    m_axis_tdata <= ").append(String.join(" & ", parts)).append(";\n");
        } else {
            s.append("    y <= b;\n");
        }
        return s.toString();
    }

    private String source(Interface iface, String deliver) {
        int l = iface.lanes();
        declarations.append("    signal deliver : std_logic;  -- an output leaves on this edge\n");
        declarations.append("    signal count : ").append(unsignedF()).append(ZERO).append(";\n");
        declarations.append("    signal count_next : ").append(unsignedF()).append(ZERO).append(";\n");
        StringBuilder s = new StringBuilder();
        s.append("\n    -- ---- random source: r_i = mix_i(count), count = start + outputs delivered, mod 2^")
                .append(b.bits()).append(" ----\n");
        s.append("    deliver <= ").append(deliver).append(";\n    count_next <= count + 1;\n");
        List<String> next = new ArrayList<>();
        for (int i = 0; i < l; i++) {
            s.append("    -- lane ").append(i).append(": mix_").append(i).append("(count_next)\n");
            operand = "count_next";
            List<Step> steps = b.mixer(i).steps();
            for (int k = 0; k < steps.size(); k++) {
                signal = "m" + i + "_" + k;
                declarations.append("    signal ").append(signal).append(" : ").append(unsignedF()).append(ZERO)
                        .append(";\n");
                s.append("    ").append(signal).append(" <= ").append(steps.get(k).accept(this)).append(";\n");
                operand = signal;
            }
            next.add(operand);
            declarations.append("    signal r").append(i).append(" : ").append(unsignedF()).append(ZERO).append(";\n");
        }
        boolean axis = iface.kind() == Interface.Kind.AXIS;
        Interface.Reset reset = axis ? Interface.Reset.SYNC_LOW : iface.reset();
        String port = axis ? "aresetn" : reset.port();
        String clock = axis ? "aclk" : "clk";
        String active = reset.activeLow() ? "'0'" : "'1'";
        String pad = reset.async() ? "            " : "                ";
        StringBuilder clear = new StringBuilder(pad + "count <= " + literal(b.start(), b.bits()) + ";\n");
        StringBuilder load = new StringBuilder(pad + "    count <= count_next;\n");
        for (int i = 0; i < l; i++) {
            clear.append(pad).append("r").append(i).append(" <= ").append(literal(b.random(0, i), b.bits())).append(";\n");
            load.append(pad).append("    r").append(i).append(" <= ").append(next.get(i)).append(";\n");
        }
        String enabled = pad + "if deliver = '1' then\n" + load + pad + "end if;\n";
        s.append("    source: process (").append(clock).append(reset.async() ? ", " + port : "").append(")\n    begin\n");
        if (reset.async()) {
            s.append("        if ").append(port).append(" = ").append(active).append(" then\n").append(clear);
            s.append("        elsif rising_edge(").append(clock).append(") then\n").append(enabled).append("        end if;\n");
        } else {
            s.append("        if rising_edge(").append(clock).append(") then\n            if ").append(port).append(" = ")
                    .append(active).append(" then\n").append(clear).append("            else\n").append(enabled)
                    .append("            end if;\n        end if;\n");
        }
        s.append("    end process;\n");
        return s.toString();
    }

    @Override
    public String xor(Step.Xor s) {
        return operand + " xor " + literal(s.k(), b.bits());
    }

    /** Each chunk through its box, the key's chunk folded into the index: one LUT4 per output bit. */
    @Override
    public String substitute(Step.Substitute s) {
        List<String> parts = new ArrayList<>();
        for (Step.Substitute.Chunk c : s.chunks(b.bits())) {
            String chunk = operand + "(" + (c.low() + c.width() - 1) + " downto " + c.low() + ")";
            if (c.width() == 1) {
                parts.add(0, c.key() == 0 ? chunk : "not " + chunk);
                continue;
            }
            box(c.width());
            parts.add(0, "BOX" + c.width() + "(to_integer(" + chunk + " xor " + literal(c.key(), c.width()) + "))");
        }
        return String.join(" & ", parts);
    }

    /** Wiring: output bit j is the input bit that moves there. */
    @Override
    public String permute(Step.Permute s) {
        List<String> parts = new ArrayList<>();
        for (int j = b.bits() - 1; j >= 0; j--) {
            parts.add(operand + "(" + s.from(j) + ")");
        }
        return String.join(" & ", parts);
    }

    @Override
    public String table(Step.Table s) {
        String type = "T" + signal + "_t";
        declarations.append("    type ").append(type).append(" is array (0 to ").append(s.words().size() - 1)
                .append(") of ").append(unsignedF()).append(";\n");
        List<String> words = new ArrayList<>();
        for (long w : s.words()) {
            words.add(VhdlBits.literal(w, b.bits()));
        }
        declarations.append("    constant T").append(signal).append(" : ").append(type).append(" := (")
                .append(String.join(", ", words)).append(");\n");
        return "T" + signal + "(to_integer(" + operand + "))";
    }

    /** Declares box BOXw and its type the first time a substitution reads it. */
    private void box(int width) {
        if (!declaredBoxes.add(width)) {
            return;
        }
        List<String> words = new ArrayList<>();
        for (long w : Step.box(width)) {
            words.add(VhdlBits.literal(w, width));
        }
        declarations.append("    type box").append(width).append("_t is array (0 to ").append(words.size() - 1)
                .append(") of unsigned(").append(width - 1).append(" downto 0);\n");
        declarations.append("    constant BOX").append(width).append(" : box").append(width).append("_t := (")
                .append(String.join(", ", words)).append(");  -- ").append(width == 4 ? "PRESENT's S-box"
                        : width + "-bit box").append("\n");
    }
}
