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
