package dev.hsig.hdl;

import dev.hsig.InvalidInputException;
import dev.hsig.text.CliNames;

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
        return CliNames.find(values(), Hdl::cliName, text).orElseThrow(() -> new InvalidInputException(
                "--hdl '" + text + "' is not valid: expected verilog or vhdl"));
    }
}
