package dev.hsig.arithmetic;

import static dev.hsig.arithmetic.RoundingModeTest.viaBigDecimal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The properties of RoundingModeTest, apart so that each engine's run has a class (and a surefire report) of its own. */
class RoundingModeProperties {
    @Property(tries = 2000)
    void matchesJavaBigDecimal(@ForAll RoundingMode mode, @ForAll @IntRange(min = -4000, max = 4000) int p,
            @ForAll @IntRange(min = 0, max = 5) int twos, @ForAll @IntRange(min = 0, max = 2) int fives) {
        int q = (1 << twos) * (int) Math.pow(5, fives);
        assertEquals(viaBigDecimal(mode, p, q), mode.round(Rational.of(p, q)), mode + " of " + p + "/" + q);
    }
}
