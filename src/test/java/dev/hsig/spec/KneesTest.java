package dev.hsig.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The knees directly, against a brute-force walk over every raw word: which piece each word falls in. */
class KneesTest {
    @Test
    void eachKneeNamesTheLastWordLeftAndTheFirstWordRightOfItsBreakpoint() {
        for (Activation f : List.of(Functions.plan(), Functions.hardSwish(), Presets.get("keras").function(),
                Presets.get("hard-tanh").function(), Functions.pwl("-1/3:0,0:1,1/3:0"))) {
            for (QFormat in : List.of(QFormat.parse("Q4.4"), QFormat.parse("UQ3.5"), QFormat.parse("Q3.0"),
                    QFormat.parse("Q2.6"), QFormat.parse("Q1.7"))) {
                List<Knees.Knee> knees = Knees.of(f, in);
                Shape s = f.shape();
                assertEquals(s.breakpoints().size(), knees.size());
                for (int i = 0; i < knees.size(); i++) {
                    Knees.Knee k = knees.get(i);
                    Long last = null;
                    Long first = null;
                    for (long x = in.minRaw(); x <= in.maxRaw(); x++) {
                        // Left of breakpoint i means in piece i or before it.
                        if (s.pieceAt(in.value(x)) <= i) {
                            last = x;
                        } else if (first == null) {
                            first = x;
                        }
                    }
                    String at = f.name() + " " + in + " breakpoint " + k.x();
                    assertEquals(last, k.lastBefore(), at);
                    assertEquals(first, k.firstAfter(), at);
                    Rational x = s.breakpoints().get(i).x();
                    assertEquals(s.pieces().get(i).at(x).equals(s.pieces().get(i + 1).at(x)), k.continuous(), at);
                }
            }
        }
    }

    @Test
    void kneesOutsideTheRangeHaveNoWordOnTheFarSide() {
        Knees.Knee upper = Knees.of(Functions.plan(), QFormat.parse("Q2.6")).get(5);
        assertEquals(Rational.of(5), upper.x());
        assertEquals(Long.valueOf(127), upper.lastBefore());
        assertNull(upper.firstAfter());
        Knees.Knee lower = Knees.of(Functions.plan(), QFormat.parse("UQ2.6")).get(0);
        assertNull(lower.lastBefore());
        assertEquals(Long.valueOf(0), lower.firstAfter());
    }
}
