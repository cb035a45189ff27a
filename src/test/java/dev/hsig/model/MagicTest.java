package dev.hsig.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Division by a constant as a multiply and a shift: exact on the whole range it is given, and within the word. */
class MagicTest {
    @Property(tries = 400)
    void theMultiplyAndShiftIsTheFloorOnTheWholeRange(@ForAll @IntRange(min = 2, max = 100_000) int divisor,
            @ForAll @IntRange(min = 0, max = 1 << 22) int max) {
        long[] magic = Magic.of(divisor, max, 31);
        if (magic == null) {
            return;
        }
        assertTrue(max * magic[0] < (1L << 31), "the product leaves the int word");
        SplittableRandom random = new SplittableRandom(divisor * 31L + max);
        for (int i = 0; i < 3000; i++) {
            long n = i < 1000 ? Math.min(i, max) : i < 2000 ? Math.max(0, max - (i - 1000)) : random.nextLong(max + 1L);
            assertEquals(n / divisor, (n * magic[0]) >> magic[1], n + " / " + divisor);
        }
    }

    /** keras's and pytorch's dividers at Q4.12: N below 20480 by 5, below 24576 by 3. */
    @Test
    void thePresetsDividers() {
        assertArrayEquals(new long[] {26215, 17}, Magic.of(5, 20479, 31));
        assertArrayEquals(new long[] {10923, 15}, Magic.of(3, 24575, 31));
        for (long n = 0; n < 20480; n++) {
            assertEquals(n / 5, (n * 26215) >> 17);
        }
        assertEquals(null, Magic.of(5, Integer.MAX_VALUE, 31), "no shift keeps 2^31 * m within an int");
    }
}
