package dev.hsig.hdl;

import java.util.List;

/**
 * A module's or entity's port declarations, one a line: each port text may end in a comment, which stays after the
 * separator (after the last port, where there is none, it keeps one space before it).
 */
public final class PortList {
    private PortList() {
    }

    /**
     * @param ports     declarations, each optionally followed by two spaces and a comment
     * @param indent    what starts each line
     * @param separator between declarations: "," in Verilog, ";" in VHDL
     * @param comment   the comment marker: "//" or "--"
     */
    public static String join(List<String> ports, String indent, String separator, String comment) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ports.size(); i++) {
            String p = ports.get(i);
            int at = p.indexOf("  " + comment);
            String decl = at < 0 ? p : p.substring(0, at);
            String note = at < 0 ? "" : p.substring(at);
            boolean last = i + 1 == ports.size();
            s.append(indent).append(decl).append(last ? "" : separator).append(note.isEmpty() ? "" : (last ? " " : "")
                    + note).append('\n');
        }
        return s.toString();
    }
}
