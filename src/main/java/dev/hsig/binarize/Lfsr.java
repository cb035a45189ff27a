package dev.hsig.binarize;

/**
 * The usual hardware random source, for comparison: a maximal-length Galois LFSR of F bits, whose state is read as
 * the random word. Its period is 2^F - 1 and it never takes the value 0, so r &lt; p_raw holds on p_raw - 1 of its
 * words: P(+1) = (p_raw - 1) / (2^F - 1), not p_raw / 2^F. The feedback polynomial is the first maximal one in
 * numeric order, found by running each candidate through its period, so no table of taps is trusted.
 */
public record Lfsr(int bits, long taps) {
    /** Widths whose maximal polynomial is found by search in well under a second. */
    public static final int MAX_SEARCH_BITS = 24;

    public static Lfsr maximal(int bits) {
        if (bits < 2 || bits > MAX_SEARCH_BITS) {
            throw new IllegalArgumentException("LFSR search at " + bits + " bits");
        }
        long top = 1L << (bits - 1);
        for (long t = top | 1; t < 2 * top; t += 2) {
            Lfsr candidate = new Lfsr(bits, t);
            if (candidate.period() == (1L << bits) - 1) {
                return candidate;
            }
        }
        throw new IllegalStateException("no maximal LFSR of " + bits + " bits");
    }

    /** The state after one right-shifting Galois step. */
    public long next(long state) {
        return (state & 1) != 0 ? (state >>> 1) ^ taps : state >>> 1;
    }

    /** Steps from state 1 back to state 1, or 2^F when it does not return within 2^F - 1 steps. */
    long period() {
        long s = 1;
        long limit = (1L << bits) - 1;
        for (long n = 1; n <= limit; n++) {
            s = next(s);
            if (s == 1) {
                return n;
            }
        }
        return 1L << bits;
    }
}
