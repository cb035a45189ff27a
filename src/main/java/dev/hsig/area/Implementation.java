package dev.hsig.area;

import dev.hsig.InvalidInputException;
import dev.hsig.text.CliNames;

/**
 * How a core computes its function. Every implementation gives the same output word on every input (each is
 * planned from the exact reference, and the tests hold each against it); they differ only in area and depth.
 */
public enum Implementation {
    /** Pick the smallest by the target's calibrated area estimate ({@link AreaEstimate}). */
    AUTO("auto"),
    /** Region comparators and shift-add arithmetic: small at 12 bits and up, where a table grows as 2^W. */
    SHIFT_ADD("shift-add"),
    /** One constant table of the whole function, indexed by the input word: small at 8 bits and below. */
    TABLE("table"),
    /**
     * The shift-add core's comparators and saturation, with a table of the computed region only, indexed by the
     * input's low bits: small where that region is narrow and the saturated ones wide.
     */
    HYBRID("hybrid");

    /**
     * The widest input a table is built for: 4,096 entries, still cheap to print, to synthesize and to check
     * exhaustively. Above it a table loses to the shift-add core on every preset measured (keras Q4.8, 12 bits, is
     * 178 ICESTORM_LC as a table against 72).
     */
    public static final int MAX_TABLE_INPUT_BITS = 12;
    public static final Implementation DEFAULT = AUTO;

    private final String cliName;

    Implementation(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Implementation parse(String text) {
        return CliNames.find(values(), Implementation::cliName, text).orElseThrow(() -> new InvalidInputException(
                "--implementation '" + text + "' is not valid: expected one of " + allNames()));
    }

    public static String allNames() {
        return CliNames.list(values(), Implementation::cliName);
    }
}
