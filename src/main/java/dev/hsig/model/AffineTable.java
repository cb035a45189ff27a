package dev.hsig.model;

import dev.hsig.datapath.Node;

/**
 * Finds constants with {@code table[i] == (i*m + c) >> s} for every index, so the batch model can compute a
 * monotonic table (the rounding table is one) with a multiply and a shift, which vectorizes, instead of a gather.
 */
final class AffineTable {
    private AffineTable() {
    }

    /** The listed entries of a table node as ints, wrapped to its width (indexes past them are never reached). */
    static int[] entries(Node.Table t, int indexWidth) {
        int[] entries = new int[Math.min(t.entries().size(), 1 << indexWidth)];
        for (int e = 0; e < entries.length; e++) {
            entries[e] = (int) ScalarModel.wrap(t.entries().get(e), t.width(), false);
        }
        return entries;
    }

    /** {m, c, s}, or null when no such constants exist with small m. */
    static int[] find(int[] table) {
        int n = table.length;
        for (int i = 1; i < n; i++) {
            if (table[i] < table[i - 1]) {
                return null;
            }
        }
        for (int s = 0; s <= 20; s++) {
            long center = n > 1 ? Math.round((double) (table[n - 1] - table[0]) / (n - 1) * (1 << s)) : 0;
            for (long m = Math.max(0, center - 512); m <= center + 512; m++) {
                // c must satisfy table[i] * 2^s <= i*m + c < (table[i] + 1) * 2^s for every i.
                long lo = Long.MIN_VALUE;
                long hi = Long.MAX_VALUE;
                for (int i = 0; i < n && lo <= hi; i++) {
                    lo = Math.max(lo, ((long) table[i] << s) - i * m);
                    hi = Math.min(hi, (((long) table[i] + 1) << s) - i * m - 1);
                }
                if (lo <= hi && Math.abs(lo) < (1 << 20) && m * n + Math.abs(lo) < (1L << 30)) {
                    return new int[] {(int) m, (int) lo, s};
                }
            }
        }
        return null;
    }
}
