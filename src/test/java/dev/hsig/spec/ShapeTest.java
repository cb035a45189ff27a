package dev.hsig.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact specification of each function, checked against values worked out by hand from its definition. */
class ShapeTest {
    static Rational r(String s) {
        return Rational.parse(s);
    }

    @Test
    void planIsThePapersDefinitionOnAbsoluteValues() {
        Activation plan = Functions.plan();
        // On a = |x|: 1 (a >= 5), a/32 + 27/32 (19/8 <= a < 5), a/8 + 5/8 (1 <= a < 19/8), a/4 + 1/2 (a < 1).
        assertEquals(r("1/2"), plan.at(r("0")));
        assertEquals(r("5/8"), plan.at(r("1/2")));
        assertEquals(r("3/4"), plan.at(r("1")));
        assertEquals(r("235/256"), plan.at(r("19/8")), "19/8 belongs to the upper segment: 19/256 + 27/32");
        assertEquals(r("19/8").divide(r("8")).add(r("5/8")), plan.at(r("19/8").subtract(r("1/4096"))).add(r("1/32768")),
                "just below 19/8 the middle segment applies");
        assertEquals(r("31/32"), plan.at(r("4")));
        assertEquals(r("1"), plan.at(r("5")));
        assertEquals(r("1"), plan.at(r("100")));
        // y(-x) = 1 - y(x), at every kind of point, the breakpoints included.
        for (String x : new String[] {"0", "1/3", "1", "2", "19/8", "3", "5", "7"}) {
            assertEquals(Rational.ONE.subtract(plan.at(r(x))), plan.at(r(x).negate()), "symmetry at " + x);
        }
        assertFalse(plan.shape().continuous(), "the paper's segments do not meet at 19/8");
        // At 19/8 the middle segment ends at 236/256 and the upper one starts at 235/256: PLAN steps down there.
        assertFalse(plan.shape().nondecreasing());
        assertTrue(Presets.get("keras").function().shape().nondecreasing());
    }

    @Test
    void hardSwishIsXTimesClippedXPlusThreeOverSix() {
        Activation hs = Functions.hardSwish();
        for (String x : new String[] {"-8", "-3", "-5/2", "-3/2", "-1", "0", "1/2", "2", "3", "4", "7"}) {
            Rational v = r(x);
            Rational clipped = v.add(r("3")).max(Rational.ZERO).min(r("6"));
            assertEquals(v.multiply(clipped).divide(r("6")), hs.at(v), "hard-swish at " + x);
        }
        assertEquals(r("-3/8"), hs.at(r("-3/2")), "the minimum");
        assertTrue(hs.shape().continuous());
        assertFalse(hs.shape().nondecreasing(), "hard-swish falls from 0 to -3/8 between -3 and -3/2");
    }

    @Test
    void clippedLinesClipWhereTheyShould() {
        Activation tanh = Presets.get("hard-tanh").function();
        Activation relu6 = Presets.get("relu6").function();
        for (String x : new String[] {"-9", "-1", "-1/2", "0", "3/4", "1", "5", "6", "8"}) {
            Rational v = r(x);
            assertEquals(v.max(r("-1")).min(r("1")), tanh.at(v), "hard-tanh at " + x);
            assertEquals(v.max(r("0")).min(r("6")), relu6.at(v), "relu6 at " + x);
        }
        Activation falling = Functions.custom(r("-2"), r("1"), r("-1"), r("3"));
        assertEquals(r("3"), falling.at(r("-5")));
        assertEquals(r("1"), falling.at(r("0")));
        assertEquals(r("-1"), falling.at(r("5")));
        assertFalse(falling.shape().nondecreasing());
        assertEquals("clip(-2*x + 1, -1, 3)", falling.formula());
        assertEquals("clip(1/5*x - 3, 0, 1)", Functions.custom(r("1/5"), r("-3"), r("0"), r("1")).formula());
    }

    @Test
    void pwlGoesThroughItsKnotsAndIsFlatOutside() {
        Activation f = Functions.pwl("-2:0, -1/2:1/3, 1:-0.25, 3:2");
        assertEquals(r("0"), f.at(r("-5")));
        assertEquals(r("0"), f.at(r("-2")));
        assertEquals(r("1/3"), f.at(r("-1/2")));
        assertEquals(r("-1/4"), f.at(r("1")));
        assertEquals(r("2"), f.at(r("3")));
        assertEquals(r("2"), f.at(r("30")));
        // Half-way between knots, half-way between their values.
        assertEquals(r("1/6"), f.at(r("-5/4")));
        assertEquals(r("7/8"), f.at(r("2")));
        assertTrue(f.shape().continuous());
        assertEquals("pwl(-2:0,-1/2:1/3,1:-1/4,3:2)", f.formula());
    }

    @Test
    void badKnotListsGetOneClearLine() {
        assertTrue(message(() -> Functions.pwl("0:1")).contains("at least 2 knots"));
        assertTrue(message(() -> Functions.pwl("")).contains("at least 2 knots"));
        assertTrue(message(() -> Functions.pwl("0:1,0:2")).contains("strictly increasing, but 0 is followed by 0"));
        assertTrue(message(() -> Functions.pwl("0:1,1:x")).contains("'x' is not an exact number"));
        assertTrue(message(() -> Functions.pwl("0:1,1")).contains("knot '1' is not of the form x:y"));
        assertTrue(message(() -> Functions.pwl("0:1,,2:3")).contains("knot '' is not of the form x:y"));
    }

    private static String message(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    /** rawRange and pieceAt agree on every raw word of small formats, ownership at breakpoints included. */
    @Test
    void rawRangesHoldExactlyTheWordsOfTheirPiece() {
        for (Activation f : List.of(Functions.plan(), Functions.hardSwish(), Presets.get("keras").function(),
                Functions.pwl("-1:0,0:1,1/3:0"))) {
            for (QFormat in : List.of(QFormat.parse("Q4.4"), QFormat.parse("UQ3.5"), QFormat.parse("Q3.0"),
                    QFormat.parse("Q2.6"))) {
                Shape s = f.shape();
                for (long x = in.minRaw(); x <= in.maxRaw(); x++) {
                    int piece = s.pieceAt(in.value(x));
                    for (int i = 0; i < s.pieces().size(); i++) {
                        long[] range = s.rawRange(i, in);
                        boolean inside = x >= range[0] && x <= range[1];
                        assertEquals(i == piece, inside, f.name() + " " + in + " x=" + x + " piece " + i);
                    }
                }
            }
        }
    }

    @Test
    void breakpointsMustIncrease() {
        assertThrows(InvalidInputException.class, () -> new Shape(List.of(Polynomial.constant(Rational.ZERO),
                Polynomial.constant(Rational.ONE), Polynomial.constant(Rational.ZERO)),
                List.of(Breakpoint.at(Rational.ONE), Breakpoint.at(Rational.ONE))));
    }

    @Test
    void polynomialsPrintAsPeopleWriteThem() {
        assertEquals("1/6*x^2 + 1/2*x", Functions.hardSwish().shape().pieces().get(1).text());
        assertEquals("x - 3", Polynomial.line(Rational.ONE, r("-3")).text());
        assertEquals("-x", Polynomial.line(Rational.ONE.negate(), Rational.ZERO).text());
        assertEquals("0", Polynomial.constant(Rational.ZERO).text());
        assertEquals("-1/2", Polynomial.constant(r("-1/2")).text());
    }
}
