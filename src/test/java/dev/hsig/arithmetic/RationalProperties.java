package dev.hsig.arithmetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.InvalidInputException;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The properties of RationalTest, apart so that each engine's run has a class (and a surefire report) of its own. */
class RationalProperties {
    @Property
    void toStringRoundTrips(@ForAll @LongRange(min = -1000000, max = 1000000) long p,
            @ForAll @LongRange(min = 1, max = 100000) long q) {
        Rational r = Rational.of(p, q);
        assertEquals(r, Rational.parse(r.toString()));
        String d = r.toDecimalString();
        assertEquals(r, Rational.parse(d));
    }

    @Property
    void floorAndCeilBracketTheValue(@ForAll @LongRange(min = -100000, max = 100000) long p,
            @ForAll @IntRange(min = 1, max = 1000) int q) {
        Rational r = Rational.of(p, q);
        BigInteger floor = r.floor();
        assertEquals(BigInteger.valueOf(Math.floorDiv(p, q)), floor);
        assertEquals(BigInteger.valueOf(-Math.floorDiv(-p, q)), r.ceil());
    }
}
