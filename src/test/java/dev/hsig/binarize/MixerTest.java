package dev.hsig.binarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class MixerTest {
    @Test
    void everyMixIsABijectionAtEveryWidth() {
        for (int bits = 1; bits <= 20; bits++) {
            for (int lane = 0; lane < 3; lane++) {
                Mixer m = new Binarizer(Binarizer.Mode.STOCHASTIC, 11, bits, 3).mixer(lane);
                BitSet seen = new BitSet(1 << bits);
                for (long c = 0; c < 1L << bits; c++) {
                    long w = m.apply(c);
                    assertTrue(w >= 0 && w < 1L << bits, "an F-bit word: " + w);
                    seen.set((int) w);
                }
                assertEquals(1 << bits, seen.cardinality(), bits + " bits, lane " + lane + ": every word once");
            }
        }
    }

    /** Chris Wellons's lowbias32, as published, on Java ints (which wrap modulo 2^32). */
    private static int lowbias32(int x) {
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        x *= 0x846ca68b;
        x ^= x >>> 16;
        return x;
    }

    @Test
    void atThirtyTwoBitsWithZeroKeysItIsLowbias32ThenOneMoreRound() {
        Mixer m = Mixer.of(32, 0, 0);
        Mixer hash = new Mixer(32, m.steps().subList(0, 7));
        for (int x : new int[] {0, 1, 2, 3, 0x12345678, 0x7fffffff, 0x80000000, 0xffffffff, 0xdeadbeef}) {
            int h = lowbias32(x);
            assertEquals(Integer.toUnsignedLong(h), hash.apply(Integer.toUnsignedLong(x)), Integer.toHexString(x));
            int more = h * 0x7feb352d;
            more ^= more >>> 15;
            assertEquals(Integer.toUnsignedLong(more), m.apply(Integer.toUnsignedLong(x)), Integer.toHexString(x));
        }
    }

    @Test
    void stepsThatAreNoBijectionAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Step.Multiply(6));
        assertThrows(IllegalArgumentException.class, () -> new Step.XorShift(0));
    }

    @Test
    void theSeedAndTheLaneChangeTheStream() {
        Binarizer a = new Binarizer(Binarizer.Mode.STOCHASTIC, 1, 12, 2);
        Binarizer b = new Binarizer(Binarizer.Mode.STOCHASTIC, 2, 12, 2);
        int sameSeed = 0;
        int sameLane = 0;
        for (long n = 0; n < 4096; n++) {
            sameSeed += a.random(n, 0) == b.random(n, 0) ? 1 : 0;
            sameLane += a.random(n, 0) == a.random(n, 1) ? 1 : 0;
        }
        // Two unrelated permutations of 4096 words agree in about one place; allow a few.
        assertTrue(sameSeed < 8, "seeds 1 and 2 agree at " + sameSeed + " outputs");
        assertTrue(sameLane < 8, "lanes 0 and 1 agree at " + sameLane + " outputs");
    }
}
