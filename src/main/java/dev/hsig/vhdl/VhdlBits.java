package dev.hsig.vhdl;

import java.util.ArrayList;
import java.util.List;

/**
 * Width-exact VHDL for "signal {@code name} (of {@code width} bits) shifted by {@code shift}, taken as a
 * {@code target}-bit vector", the same bits Verilog's BitSelect takes: a concatenation of a slice, sign (or zero)
 * extension and zero fill, so every operand of an operator has the result's width.
 */
final class VhdlBits {
    private VhdlBits() {
    }

    /** @param shift left when positive, arithmetic right (floor) when negative */
    static String of(String name, int width, boolean signed, int shift, int target) {
        List<String> parts = new ArrayList<>();
        int j = target - 1;
        while (j >= 0) {
            int idx = j - shift;
            if (idx < 0) {
                parts.add(zeros(j + 1));
                j = -1;
            } else if (idx >= width) {
                int run = Math.min(j + 1, idx - width + 1);
                String msb = name + "(" + (width - 1) + ")";
                parts.add(signed ? (run == 1 ? msb : "std_logic_vector'(" + (run - 1) + " downto 0 => " + msb + ")")
                        : zeros(run));
                j -= run;
            } else {
                int hi = idx;
                int lo = Math.max(0, idx - j);
                parts.add(hi == width - 1 && lo == 0 ? name : name + "(" + hi + " downto " + lo + ")");
                j -= hi - lo + 1;
            }
        }
        if (parts.size() == 1 && target == 1 && parts.get(0).endsWith(")") && !parts.get(0).contains("downto")) {
            return parts.get(0).replaceFirst("\\((\\d+)\\)$", "($1 downto $1)"); // one bit, kept a vector
        }
        return String.join(" & ", parts);
    }

    /** A vector literal of {@code width} zeros. */
    static String zeros(int width) {
        return width == 1 ? "\"0\"" : "\"" + "0".repeat(width) + "\"";
    }

    /** A bit-string literal holding {@code value} modulo 2^width (long enough for 62-bit words). */
    static String literal(long value, int width) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = width - 1; i >= 0; i--) {
            s.append(((value >> Math.min(i, 63)) & 1) != 0 ? '1' : '0');
        }
        return s.append('"').toString();
    }
}
