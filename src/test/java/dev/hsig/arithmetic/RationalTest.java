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

class RationalTest {
    @Test
    void decimalsAreExact() {
        assertEquals(Rational.of(1, 5), Rational.parse("0.2"));
        assertEquals(Rational.parse("1/5"), Rational.parse("0.2"));
        assertEquals(Rational.of(-3, 2000), Rational.parse("-1.5e-3"));
        assertEquals(Rational.of(1, 6), Rational.parse("2/12"));
        assertEquals(Rational.of(5, 1), Rational.parse("+5"));
        assertEquals(Rational.HALF, Rational.parse(".5"));
    }

    @Test
    void decimalStringsAreExactWhenFinite() {
        assertEquals("0.000030517578125", Rational.pow2(-15).toDecimalString());
        assertEquals("-2.5", Rational.of(-5, 2).toDecimalString());
        assertEquals("1/3", Rational.of(1, 3).toDecimalString());
        assertEquals("0.7", Rational.of(7, 10).toDecimalString());
        assertEquals("12", Rational.of(12).toDecimalString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1/0", "0x10", "1.2.3", "--1", "1/-3", "1e999", "nan", "1 / ", "."})
    void rejectsMalformedNumbers(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Rational.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }
}
