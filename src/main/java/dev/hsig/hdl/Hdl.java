package dev.hsig.hdl;

import dev.hsig.InvalidInputException;

/** The language a core is printed in; both come from the same datapath. */
public enum Hdl {
    VERILOG("verilog", ".v"),
    VHDL("vhdl", ".vhd");

    private final String cliName;
    private final String extension;

    Hdl(String cliName, String extension) {
        this.cliName = cliName;
        this.extension = extension;
    }

    public String cliName() {
        return cliName;
    }

    /** The file name extension, with its dot. */
    public String extension() {
        return extension;
    }

    public static Hdl parse(String text) {
        for (Hdl h : values()) {
            if (h.cliName.equals(text)) {
                return h;
            }
        }
        throw new InvalidInputException("--hdl '" + text + "' is not valid: expected verilog or vhdl");
    }
}
