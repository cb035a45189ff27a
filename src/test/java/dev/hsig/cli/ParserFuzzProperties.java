package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import dev.hsig.format.TypeSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random strings never make the parsers fail with anything but the documented one-line error naming the input,
 * and whatever they accept prints back to the same value.
 */
class ParserFuzzProperties {
    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> chars = Arbitraries.strings().withChars("QUqu0123456789.,<>/-+eE_apfixedu \t")
                .ofMaxLength(20);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(20);
        Arbitrary<String> nearMiss = Arbitraries.of("Q", "UQ", "ap_fixed<", "ap_ufixed<", "1/", "0.", "-", "1e",
                "ap_fixed<16,6,", "ap_ufixed<8,0,AP_")
                .flatMap(p -> Arbitraries.strings().withChars("0123456789.,>/-e ATRNDSCOVPWZ_").ofMaxLength(10)
                        .map(s -> p + s));
        return Arbitraries.oneOf(chars, any, nearMiss);
    }

    @Property(tries = 3000)
    void formatParserAcceptsRoundTripsOrNamesTheInput(@ForAll("noise") String s) {
        try {
            QFormat f = QFormat.parse(s);
            assertTrue(f.width() >= 1 && f.width() <= 32);
            assertEquals(f, QFormat.parse(f.toString()), "prints back: " + f);
            assertEquals(f, QFormat.parse(f.apType()), "ap_fixed form: " + f.apType());
        } catch (InvalidInputException expected) {
            assertTrue(expected.getMessage().contains("'" + s + "'"), expected.getMessage());
        }
    }

    @Property(tries = 3000)
    void outputTypeParserAcceptsOrNamesTheInput(@ForAll("noise") String s) {
        try {
            TypeSpec t = TypeSpec.parse(s);
            assertEquals(t.format(), QFormat.parse(t.format().toString()));
        } catch (InvalidInputException expected) {
            assertTrue(expected.getMessage().contains("'" + s + "'"), expected.getMessage());
        }
    }

    @Property(tries = 3000)
    void rationalParserAcceptsRoundTripsOrNamesTheInput(@ForAll("noise") String s) {
        try {
            Rational r = Rational.parse(s);
            assertEquals(r, Rational.parse(r.toString()), "prints back: " + r);
        } catch (InvalidInputException expected) {
            assertTrue(expected.getMessage().contains("'" + s + "'"), expected.getMessage());
        }
    }

    @Property(tries = 300)
    void theCommandLineExitsZeroOrTwoNeverOne(@ForAll("noise") String input, @ForAll("noise") String value) {
        Cli.Result r = Cli.run("eval", "--input", input, "--output", "UQ1.7", value);
        assertTrue(r.status() == 0 || r.status() == 2, "status " + r.status() + ": " + r.err());
        assertTrue(r.err().lines().count() <= 1, r.err());
    }
}
