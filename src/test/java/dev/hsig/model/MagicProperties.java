package dev.hsig.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The properties of MagicTest, apart so that each engine's run has a class (and a surefire report) of its own. */
class MagicProperties {
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
}
