package dev.hsig.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QFormatTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Q4.12; true; 16; 12; -32768; 32767",
        "UQ1.15; false; 16; 15; 0; 65535",
        "ap_fixed<16,4>; true; 16; 12; -32768; 32767",
        "ap_ufixed<16,1>; false; 16; 15; 0; 65535",
        "UQ0.16; false; 16; 16; 0; 65535",
        "Q1.0; true; 1; 0; -1; 0",
        "Q32.0; true; 32; 0; -2147483648; 2147483647",
        "UQ0.32; false; 32; 32; 0; 4294967295",
        "q3.5; true; 8; 5; -128; 127"})
    void parsesEveryNotation(String text, boolean signed, int width, int fraction, long min, long max) {
        QFormat f = QFormat.parse(text);
        assertEquals(signed, f.signed());
        assertEquals(width, f.width());
        assertEquals(fraction, f.fraction());
        assertEquals(min, f.minRaw());
        assertEquals(max, f.maxRaw());
    }

    @Test
    void theSignBitCountsInQNotationLikeApFixed() {
        assertEquals(QFormat.parse("ap_fixed<16,4>"), QFormat.parse("Q4.12"));
        assertEquals("-8", QFormat.parse("Q4.12").minValue().toDecimalString());
        assertEquals("7.999755859375", QFormat.parse("Q4.12").maxValue().toDecimalString());
    }

    @Test
    void toStringRoundTrips() {
        for (String s : new String[] {"Q4.12", "UQ1.15", "UQ0.8", "Q1.31"}) {
            assertEquals(s, QFormat.parse(s).toString());
            assertEquals(QFormat.parse(s), QFormat.parse(QFormat.parse(s).apType()));
        }
    }

    @Test
    void describeSaysEverything() {
        assertEquals("Q4.12 (signed two's complement, 16 bits, 12 fractional; range [-8, 7.999755859375],"
                + " ulp 2^-12 = 0.000244140625; ap_fixed<16,4>)", QFormat.parse("Q4.12").describe());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Q0.16; m counts the sign bit",
        "Q4.29; width and must be 1 to 32",
        "UQ0.0; width and must be 1 to 32",
        "ap_fixed<16,20>; integer bits I must be 1 to W",
        "ap_fixed<33,4>; width W must be 1 to 32",
        "ap_fixed<8,0>; integer bits I must be 1 to W",
        "ap_ufixed<8,-1>; integer bits I must be 0 to W",
        "Q4; expected Qm.n",
        "fixed<16,4>; expected Qm.n",
        "ap_fixed<16,4; expected Qm.n",
        "''; expected Qm.n"})
    void rejectsWithAMessageNamingTheValue(String text, String fragment) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QFormat.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
