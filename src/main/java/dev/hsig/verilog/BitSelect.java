package dev.hsig.verilog;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Builds width-exact Verilog for "wire {@code name} (of {@code width} bits) shifted by {@code shift}, taken as a
 * {@code target}-bit value": a concatenation of bit slices, sign (or zero) extension and zero fill, so no
 * expression ever relies on implicit widening or truncation. It records which source bits it read, so that the
 * bits no consumer reads can be named for the linter.
 */
final class BitSelect {
    private BitSelect() {
    }

    /**
     * @param shift left when positive, arithmetic right (floor) when negative
     * @param used  receives the indexes of the source bits the expression reads
     */
    static String of(String name, int width, boolean signed, int shift, int target, BitSet used) {
        List<String> parts = new ArrayList<>();
        int j = target - 1;
        while (j >= 0) {
            int idx = j - shift;
            if (idx < 0) {
                int run = j + 1;
                parts.add(run + "'b0");
                j -= run;
            } else if (idx >= width) {
                int run = Math.min(j + 1, idx - width + 1);
                if (signed) {
                    used.set(width - 1);
                    String bit = width == 1 ? name : name + "[" + (width - 1) + "]";
                    parts.add(run == 1 ? bit : "{" + run + "{" + bit + "}}");
                } else {
                    parts.add(run + "'b0");
                }
                j -= run;
            } else {
                int hi = idx;
                int lo = Math.max(0, idx - j);
                used.set(lo, hi + 1);
                if (hi == width - 1 && lo == 0) {
                    parts.add(name);
                } else if (hi == lo) {
                    parts.add(name + "[" + hi + "]");
                } else {
                    parts.add(name + "[" + hi + ":" + lo + "]");
                }
                j -= hi - lo + 1;
            }
        }
        return parts.size() == 1 ? parts.get(0) : "{" + String.join(", ", parts) + "}";
    }

    /** A sized hexadecimal literal holding {@code value} modulo 2^width. */
    static String literal(long value, int width) {
        long bits = width >= 64 ? value : value & ((1L << width) - 1);
        return width + "'h" + Long.toHexString(bits).toUpperCase(java.util.Locale.ROOT);
    }

    /** A sized decimal literal for a non-negative value. */
    static String decimal(long value, int width) {
        return width + "'d" + value;
    }
}
