package dev.hsig.binarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The exact probability: over any 2^F consecutive outputs of a lane, +1 comes exactly p_raw times. */
class BinarizerProperties {
    @Property(tries = 120)
    void everyPeriodHoldsExactlyPRawOnes(@ForAll @IntRange(min = 1, max = 16) int bits,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed, @ForAll @IntRange(min = 0, max = 7) int lane,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long firstOutput,
            @ForAll @LongRange(min = 0, max = 1L << 16) long pSeed) {
        Binarizer b = new Binarizer(Binarizer.Mode.STOCHASTIC, seed, bits, 8);
        long period = 1L << bits;
        long[] ps = {0, 1, period / 2, period - 1, period, pSeed % (period + 1)};
        for (long p : ps) {
            long ones = 0;
            for (long n = firstOutput; n < firstOutput + period; n++) {
                ones += b.bit(p, n, lane);
            }
            assertEquals(p, ones, bits + " bits, p_raw " + p + ", outputs from " + firstOutput);
        }
    }

    @Property(tries = 100)
    void theBatchFormGivesTheScalarBits(@ForAll @IntRange(min = 1, max = 16) int bits,
            @ForAll @LongRange(min = 0, max = 1000) long seed, @ForAll @LongRange(min = 0, max = 1L << 40) long first) {
        Binarizer b = new Binarizer(Binarizer.Mode.STOCHASTIC, seed, bits, 2);
        long[] p = new long[64];
        for (int i = 0; i < p.length; i++) {
            p[i] = (i * 2654435761L) % ((1L << bits) + 1);
        }
        int[] batch = b.bits(p, first, 1);
        for (int i = 0; i < p.length; i++) {
            assertEquals(b.bit(p[i], first + i, 1), batch[i], "output " + (first + i));
        }
    }

    /** No lane is another shifted in time: checked at every shift, on the full period. */
    @Property(tries = 25)
    void lanesAreNotShiftedCopies(@ForAll @IntRange(min = 4, max = 12) int bits,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        Binarizer b = new Binarizer(Binarizer.Mode.STOCHASTIC, seed, bits, 4);
        int n = 1 << bits;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                for (int shift = 0; shift < n; shift++) {
                    boolean same = true;
                    for (int t = 0; t < n && same; t++) {
                        same = b.random(t, j) == b.random((t + shift) % n, i);
                    }
                    assertFalse(same, "lane " + j + " is lane " + i + " shifted by " + shift);
                }
            }
        }
    }
}
