package dev.hsig.area;

import dev.hsig.InvalidInputException;
import dev.hsig.text.CliNames;

/**
 * The device family whose area {@code --implementation auto} minimizes. The two families reward different forms:
 * iCE40 has 4-input LUTs and a carry chain beside them (a LUT and a carry cell share one logic cell), 7-series has
 * 6-input LUTs, free MUXF7/MUXF8 muxes that join four LUT6 into an 8-input function, and CARRY4.
 */
public enum Target {
    ICE40("ice40", "iCE40 logic cells (ICESTORM_LC)", 4),
    XILINX7("xilinx7", "7-series LUTs", 6);

    public static final Target DEFAULT = ICE40;

    private final String cliName;
    private final String unit;
    private final int lutInputs;

    Target(String cliName, String unit, int lutInputs) {
        this.cliName = cliName;
        this.unit = unit;
        this.lutInputs = lutInputs;
    }

    public String cliName() {
        return cliName;
    }

    /** What the estimate counts, as the synthesis report names it. */
    public String unit() {
        return unit;
    }

    public int lutInputs() {
        return lutInputs;
    }

    public static Target parse(String text) {
        return CliNames.find(values(), Target::cliName, text).orElseThrow(() -> new InvalidInputException(
                "--target '" + text + "' is not valid: expected one of " + allNames()));
    }

    public static String allNames() {
        return CliNames.list(values(), Target::cliName);
    }
}
