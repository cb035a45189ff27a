package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The datapath's rounding (a bias in the offset, then floor; ties to even clears the LSB) equals the modes. */
class RoundingBiasProperties {
    @Property(tries = 5000)
    void biasThenFloorRoundsLikeTheMode(@ForAll RoundingMode mode, @ForAll @IntRange(min = 0, max = 200000) int n,
            @ForAll @IntRange(min = 1, max = 6) int k, @ForAll @IntRange(min = 0, max = 3) int dIndex) {
        long d = new long[] {1, 3, 5, 7}[dIndex];
        long unit = d << k;
        long biased = n + DatapathPlanner.roundingBias(mode, BigInteger.valueOf(d), k).longValueExact();
        long y = Math.floorDiv(biased, unit);
        if (mode.forNonNegative() == RoundingMode.NEAREST_EVEN && Math.floorMod(biased, unit) == 0) {
            y &= ~1L; // the TieToEven node
        }
        assertEquals(mode.round(Rational.of(n, unit)).longValueExact(), y, mode + " of " + n + "/" + unit);
    }
}
