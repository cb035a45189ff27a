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

    /** PRESENT's S-box as printed in Bogdanov et al., "PRESENT: An Ultra-Lightweight Block Cipher", CHES 2007. */
    private static final int[] PRESENT_SBOX = {0xC, 0x5, 0x6, 0xB, 0x9, 0x0, 0xA, 0xD, 0x3, 0xE, 0xF, 0x8, 0x4, 0x7, 0x1,
        0x2};

    @Test
    void atSixteenBitsTheNetworkIsPresentsRoundStructure() {
        // PRESENT's bit permutation scaled to 16 bits: P(i) = 4i mod 15, P(15) = 15.
        java.util.List<Integer> spread = Mixer.spread(16);
        for (int i = 0; i < 16; i++) {
            assertEquals(i == 15 ? 15 : 4 * i % 15, spread.get(i), "bit " + i);
        }
        Mixer m = new Binarizer(Binarizer.Mode.STOCHASTIC, 9, 16, 1).mixer(0);
        assertEquals(2 * Mixer.rounds(16), m.steps().size(), "rounds of substitute and spread, the last without, then"
                + " a key");
        for (long x : new long[] {0, 1, 0x1234, 0xFFFF, 0x8000, 0xBEEF}) {
            long v = x;
            for (Step step : m.steps()) {
                if (step instanceof Step.Substitute sub) {
                    long k = v ^ sub.key();
                    v = 0;
                    for (int nibble = 0; nibble < 4; nibble++) {
                        v |= (long) PRESENT_SBOX[(int) (k >>> (4 * nibble)) & 15] << (4 * nibble);
                    }
                } else if (step instanceof Step.Permute) {
                    long out = 0;
                    for (int i = 0; i < 16; i++) {
                        out |= ((v >>> i) & 1) << (i == 15 ? 15 : 4 * i % 15);
                    }
                    v = out;
                } else if (step instanceof Step.Xor xor) {
                    v ^= xor.k();
                }
            }
            assertEquals(v, m.apply(x), Long.toHexString(x));
        }
    }

    @Test
    void stepsThatAreNoBijectionAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Step.Permute(java.util.List.of(0, 0, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Step.Table(java.util.List.of(0L, 2L)));
        assertThrows(IllegalArgumentException.class, () -> new Step.Table(java.util.List.of(0L, 1L, 1L, 2L)));
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
