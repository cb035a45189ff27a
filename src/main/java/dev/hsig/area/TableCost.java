package dev.hsig.area;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The LUTs a constant table takes, counted on its truth tables the way a LUT mapper decomposes a function: an output
 * bit that depends on at most k of the index bits (its support) is one k-input LUT, or none when it is constant or
 * a plain index bit; a wider one is split on the highest bit it depends on into two halves, each counted the same
 * way, joined by a 2:1 mux. Equal functions are counted once over all output bits, as a mapper shares them. So a
 * clipped function's saturated regions cost nothing, and an output bit that is an input bit under a few
 * comparisons (hard-tanh's) is one LUT.
 */
record TableCost(long leaves, long muxes, long selectedBits) {
    /**
     * @param entries the table, index 0 first
     * @param k       the LUT's inputs
     */
    static TableCost of(List<Long> entries, int indexWidth, int outputWidth, int k) {
        int size = 1 << indexWidth;
        // The clip values are the words a clipped function takes most often (each over a saturated region); a word
        // that occurs once is no region. The bit patterns say nothing of order, so frequency is the test.
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < size; i++) {
            counts.merge(i < entries.size() ? entries.get(i) : 0L, 1, Integer::sum);
        }
        List<Map.Entry<Long, Integer>> often = counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(2).toList();
        long low = often.isEmpty() ? -1 : often.get(0).getKey();
        long high = often.size() < 2 ? -1 : often.get(1).getKey();
        // Where the table is neither clip value: a clipped function's computed region.
        boolean[] inside = new boolean[size];
        long[] atLow = new long[Math.max(1, size / 64)];
        long[] atHigh = new long[atLow.length];
        for (int i = 0; i < size; i++) {
            long e = i < entries.size() ? entries.get(i) : 0;
            inside[i] = e != low && e != high;
            if (e == low) {
                atLow[i >>> 6] |= 1L << (i & 63);
            } else if (e == high) {
                atHigh[i >>> 6] |= 1L << (i & 63);
            }
        }
        Counter counter = new Counter(indexWidth, k);
        long selected = 0;
        for (int bit = 0; bit < outputWidth; bit++) {
            long[] f = new long[atLow.length];
            for (int i = 0; i < entries.size() && i < size; i++) {
                if (((entries.get(i) >>> bit) & 1) != 0) {
                    f[i >>> 6] |= 1L << (i & 63);
                }
            }
            if (!counter.isConstant(f) && counter.literalWhere(f, inside)) {
                // An index bit wherever the output is not clipped: one LUT choosing between it and the clip values
                // on two flags that every such bit shares (hard-tanh's and courbariaux's bits).
                selected++;
            } else {
                counter.count(f);
            }
        }
        if (selected > 0) {
            counter.count(atLow);
            counter.count(atHigh);
        }
        return new TableCost(counter.leaves, counter.muxes, selected);
    }

    /** Truth tables over n index bits, as bit sets of 2^n bits; each distinct one is counted once. */
    private static final class Counter {
        private final int n;
        private final int k;
        private final Map<Key, Boolean> seen = new HashMap<>();
        private long leaves;
        private long muxes;

        Counter(int n, int k) {
            this.n = n;
            this.k = k;
        }

        void count(long[] f) {
            Key key = new Key(f);
            if (seen.containsKey(key)) {
                return;
            }
            seen.put(key, Boolean.TRUE);
            int support = 0;
            int top = -1;
            for (int v = 0; v < n; v++) {
                if (dependsOn(f, v)) {
                    support++;
                    top = v;
                }
            }
            if (support == 0 || (support == 1 && isLiteral(f, top))) {
                return;
            }
            if (support <= k) {
                leaves++;
                return;
            }
            muxes++;
            count(cofactor(f, top, false));
            count(cofactor(f, top, true));
        }

        boolean isConstant(long[] f) {
            for (int i = 1; i < 1 << n; i++) {
                if (get(f, i) != get(f, 0)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether f equals one index bit, or its complement, at every index where {@code where} holds. */
        boolean literalWhere(long[] f, boolean[] where) {
            for (int v = 0; v < n; v++) {
                for (boolean inverted : new boolean[] {false, true}) {
                    boolean all = true;
                    boolean any = false;
                    for (int i = 0; i < 1 << n && all; i++) {
                        if (where[i]) {
                            any = true;
                            all = get(f, i) == (((i >>> v) & 1) != 0) != inverted;
                        }
                    }
                    if (all && any) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean get(long[] f, int i) {
            return ((f[i >>> 6] >>> (i & 63)) & 1) != 0;
        }

        private boolean dependsOn(long[] f, int v) {
            for (int i = 0; i < 1 << n; i++) {
                if ((i & (1 << v)) == 0 && get(f, i) != get(f, i | (1 << v))) {
                    return true;
                }
            }
            return false;
        }

        private boolean isLiteral(long[] f, int v) {
            for (int i = 0; i < 1 << n; i++) {
                if (get(f, i) != ((i & (1 << v)) != 0)) {
                    return false;
                }
            }
            return true;
        }

        /** f with index bit v held at {@code value}: a function of the other bits. */
        private long[] cofactor(long[] f, int v, boolean value) {
            long[] g = new long[f.length];
            for (int i = 0; i < 1 << n; i++) {
                int j = value ? i | (1 << v) : i & ~(1 << v);
                if (get(f, j)) {
                    g[i >>> 6] |= 1L << (i & 63);
                }
            }
            return g;
        }
    }

    private record Key(long[] bits) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(other.bits, bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }
    }
}
