package dev.hsig.hdl;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which core names the generated HDL cannot carry: keywords of Verilog, SystemVerilog or VHDL (VHDL ignores case),
 * names VHDL cannot spell, and the port names of every interface (a module named like one of its ports makes
 * Verilator warn). A name refused here is refused for both languages, so a core can always be had in either.
 */
public final class Names {
    private static final Set<String> VERILOG = Set.of("always", "and", "assign", "automatic", "begin", "buf",
            "bufif0", "bufif1", "case", "casex", "casez", "cell", "cmos", "config", "deassign", "default", "defparam",
            "design", "disable", "edge", "else", "end", "endcase", "endconfig", "endfunction", "endgenerate",
            "endmodule", "endprimitive", "endspecify", "endtable", "endtask", "event", "for", "force", "forever",
            "fork", "function", "generate", "genvar", "highz0", "highz1", "if", "ifnone", "incdir", "include",
            "initial", "inout", "input", "instance", "integer", "join", "large", "liblist", "library", "localparam",
            "macromodule", "medium", "module", "nand", "negedge", "nmos", "nor", "noshowcancelled", "not", "notif0",
            "notif1", "or", "output", "parameter", "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown",
            "pullup", "pulsestyle_onevent", "pulsestyle_ondetect", "rcmos", "real", "realtime", "reg", "release",
            "repeat", "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "scalared", "showcancelled", "signed",
            "small", "specify", "specparam", "strong0", "strong1", "supply0", "supply1", "table", "task", "time",
            "tran", "tranif0", "tranif1", "tri", "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use",
            "uwire", "vectored", "wait", "wand", "weak0", "weak1", "while", "wire", "wor", "xnor", "xor");
    /**
     * The keywords SystemVerilog (IEEE 1800-2017, Annex B) adds to Verilog-2005, so the core also drops into
     * SystemVerilog projects and passes {@code verilator --lint-only} and {@code iverilog -g2012}.
     */
    private static final Set<String> SYSTEM_VERILOG = Set.of(
            "accept_on", "alias", "always_comb", "always_ff", "always_latch", "assert", "assume", "before", "bind",
            "bins", "binsof", "bit", "break", "byte", "chandle", "checker", "class", "clocking", "const",
            "constraint", "context", "continue", "cover", "covergroup", "coverpoint", "cross", "dist", "do",
            "endchecker", "endclass", "endclocking", "endgroup", "endinterface", "endpackage", "endprogram",
            "endproperty", "endsequence", "enum", "eventually", "expect", "export", "extends", "extern", "final",
            "first_match", "foreach", "forkjoin", "global", "iff", "ignore_bins", "illegal_bins", "implements",
            "implies", "import", "inside", "int", "interconnect", "interface", "intersect", "join_any", "join_none",
            "let", "local", "logic", "longint", "matches", "modport", "nettype", "new", "nexttime", "null",
            "package", "packed", "priority", "program", "property", "protected", "pure", "rand", "randc", "randcase",
            "randsequence", "ref", "reject_on", "restrict", "return", "s_always", "s_eventually", "s_nexttime",
            "s_until", "s_until_with", "sequence", "shortint", "shortreal", "soft", "solve", "static", "string",
            "strong", "struct", "super", "sync_accept_on", "sync_reject_on", "tagged", "this", "throughout",
            "timeprecision", "timeunit", "type", "typedef", "union", "unique", "unique0", "until", "until_with",
            "untyped", "var", "virtual", "void", "wait_order", "weak", "wildcard", "with", "within");
    /** VHDL-93 and VHDL-2008 reserved words, and the standard names a core's entity must not hide. */
    private static final Set<String> VHDL = Set.of("abs", "access", "after", "alias", "all", "and", "architecture",
            "array", "assert", "assume", "attribute", "begin", "block", "body", "buffer", "bus", "case", "component",
            "configuration", "constant", "context", "cover", "default", "disconnect", "downto", "else", "elsif", "end",
            "entity", "exit", "fairness", "file", "for", "force", "function", "generate", "generic", "group", "guarded",
            "if", "impure", "in", "inertial", "inout", "is", "label", "library", "linkage", "literal", "loop", "map",
            "mod", "nand", "new", "next", "nor", "not", "null", "of", "on", "open", "or", "others", "out", "package",
            "parameter", "port", "postponed", "procedure", "process", "property", "protected", "pure", "range",
            "record", "register", "reject", "release", "rem", "report", "restrict", "return", "rol", "ror", "select",
            "sequence", "severity", "signal", "shared", "sla", "sll", "sra", "srl", "strong", "subtype", "then", "to",
            "transport", "type", "unaffected", "units", "until", "use", "variable", "vmode", "vprop", "vunit", "wait",
            "when", "while", "with", "xnor", "xor",
            "std", "ieee", "work", "std_logic", "std_logic_vector", "std_ulogic", "signed", "unsigned", "integer",
            "natural", "positive", "boolean", "bit", "bit_vector", "string", "real", "time", "character", "textio",
            "numeric_std", "std_logic_1164", "line", "text");
    /** The ports of every interface; a module must not share a name with one of its ports. */
    private static final Set<String> PORTS = Set.of("x", "y", "clk", "rst", "rst_n", "ce", "in_valid", "out_valid",
            "aclk", "aresetn", "s_axis_tvalid", "s_axis_tready", "s_axis_tdata", "s_axis_tlast", "m_axis_tvalid",
            "m_axis_tready", "m_axis_tdata", "m_axis_tlast");

    private Names() {
    }

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    public static final int MAX_LENGTH = 100;

    /**
     * The name itself when a core can carry it, else one line naming it and what is allowed. It is the only thing
     * that names files, so an identifier can neither leave the output directory nor inject text into the HDL.
     */
    public static String check(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches() || name.length() > MAX_LENGTH) {
            throw new dev.hsig.InvalidInputException("--name '" + name + "' is not valid: a core name must be an"
                    + " identifier of letters, digits and '_', not starting with a digit, at most " + MAX_LENGTH
                    + " characters");
        }
        reserved(name).ifPresent(why -> {
            throw new dev.hsig.InvalidInputException("--name '" + name + "' is not valid: it is " + why);
        });
        return name;
    }

    /** Why a name cannot be a core's name, or empty when it can. */
    public static Optional<String> reserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (VERILOG.contains(name)) {
            return Optional.of("a Verilog keyword");
        }
        if (SYSTEM_VERILOG.contains(name)) {
            return Optional.of("a SystemVerilog keyword");
        }
        if (VHDL.contains(lower)) {
            return Optional.of("a VHDL reserved word or standard name (VHDL ignores case)");
        }
        if (PORTS.contains(name)) {
            return Optional.of("the name of a port of the core");
        }
        if (name.startsWith("_") || name.endsWith("_") || name.contains("__")) {
            return Optional.of("not a VHDL identifier (no leading, trailing or double underscore), so no VHDL core"
                    + " could carry it");
        }
        return Optional.empty();
    }
}
