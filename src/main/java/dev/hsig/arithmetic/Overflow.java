package dev.hsig.arithmetic;

import dev.hsig.InvalidInputException;
import dev.hsig.text.CliNames;
import java.math.BigInteger;

/**
 * What happens to a rounded result outside the output format: ap_fixed's AP_SAT clamps it to the nearest end of
 * the range, AP_WRAP keeps its low bits (two's complement for a signed format), as an assignment in C does.
 */
public enum Overflow {
    SATURATE("saturate", "AP_SAT", "clamps to the output range"),
    WRAP("wrap", "AP_WRAP", "keeps the low bits (wraps around)");

    public static final Overflow DEFAULT = SATURATE;

    private final String cliName;
    private final String apName;
    private final String meaning;

    Overflow(String cliName, String apName, String meaning) {
        this.cliName = cliName;
        this.apName = apName;
        this.meaning = meaning;
    }

    public String cliName() {
        return cliName;
    }

    public String apName() {
        return apName;
    }

    public String meaning() {
        return meaning;
    }

    public static Overflow parse(String text) {
        return CliNames.find(values(), Overflow::cliName, text).orElseThrow(() -> new InvalidInputException(
                "overflow mode '" + text + "' is not valid: expected one of " + allNames()));
    }

    public static String allNames() {
        return CliNames.list(values(), Overflow::cliName);
    }

    /** The raw word a rounded integer becomes in a format with the given raw range and width. */
    public long apply(BigInteger rounded, long minRaw, long maxRaw, int width) {
        if (this == SATURATE) {
            return rounded.max(BigInteger.valueOf(minRaw)).min(BigInteger.valueOf(maxRaw)).longValueExact();
        }
        return apply(rounded.longValue(), minRaw, maxRaw, width); // longValue keeps the low 64 bits
    }

    /** The same for a rounded value that fits in a long. */
    public long apply(long rounded, long minRaw, long maxRaw, int width) {
        if (this == SATURATE) {
            return Math.max(minRaw, Math.min(maxRaw, rounded));
        }
        long bits = rounded & ((1L << width) - 1);
        return minRaw < 0 && bits > maxRaw ? bits - (1L << width) : bits;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
