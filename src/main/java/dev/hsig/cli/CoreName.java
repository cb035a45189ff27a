package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.function.Config;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Module and file names. {@code --name} is the only thing that names files, so it must be a plain Verilog
 * identifier (letters, digits, underscore; not starting with a digit; not a keyword): it can then neither
 * leave the output directory nor inject text into the generated Verilog.
 */
final class CoreName {
    static final int MAX_LENGTH = 100;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("always", "and", "assign", "automatic", "begin", "buf",
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
            "uwire", "vectored", "wait", "wand", "weak0", "weak1", "while", "wire", "wor", "xnor", "xor",
            // SystemVerilog keywords, so the core also drops into SystemVerilog projects.
            "bit", "byte", "logic", "int", "shortint", "longint", "class", "interface", "package", "program",
            "property", "sequence", "string", "struct", "typedef", "union", "enum", "void", "const", "static");

    private CoreName() {
    }

    static String validate(String name) {
        if (!IDENTIFIER.matcher(name).matches() || name.length() > MAX_LENGTH) {
            throw new InvalidInputException("--name '" + name + "' is not valid: a core name must be a Verilog identifier"
                    + " of letters, digits and '_', not starting with a digit, at most " + MAX_LENGTH + " characters");
        }
        if (KEYWORDS.contains(name)) {
            throw new InvalidInputException("--name '" + name + "' is not valid: it is a Verilog keyword");
        }
        return name;
    }

    /** A name that encodes the function and the formats, and anything that differs from the defaults. */
    static String defaultName(Config c, int pipeline) {
        StringBuilder s = new StringBuilder("hsig_").append(c.function().name().replace('-', '_'));
        if (c.function().name().equals("custom")) {
            s.append("_a").append(token(c.function().alpha())).append("_b").append(token(c.function().beta()));
        }
        s.append('_').append(c.input().identifier()).append("_to_").append(c.output().identifier());
        if (c.rounding() != RoundingMode.DEFAULT) {
            s.append('_').append(c.rounding().cliName().replace('-', '_'));
        }
        if (c.approximate()) {
            s.append("_t").append(c.terms());
        }
        if (pipeline > 0) {
            s.append("_p").append(pipeline);
        }
        return s.toString();
    }

    private static String token(Rational r) {
        return r.toString().replace("-", "m").replace('/', '_');
    }
}
