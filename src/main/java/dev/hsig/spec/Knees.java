package dev.hsig.spec;

import dev.hsig.arithmetic.Rational;
import dev.hsig.format.QFormat;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the pieces of a function meet, read from its shape and mapped onto an input format: the exact breakpoint,
 * the last input word on its left side and the first on its right (null where the input range does not reach),
 * and whether the two pieces meet there.
 */
public final class Knees {
    /** One breakpoint: its exact x, and the raw words on either side of it. */
    public record Knee(Rational x, Long lastBefore, Long firstAfter, boolean continuous) {
    }

    private Knees() {
    }

    public static List<Knee> of(Activation f, QFormat in) {
        Shape shape = f.shape();
        List<Knee> out = new ArrayList<>();
        for (int i = 0; i < shape.breakpoints().size(); i++) {
            Breakpoint b = shape.breakpoints().get(i);
            Rational scaled = in.rawOf(b.x());
            // The first raw word the right-hand piece owns: at the breakpoint when it belongs to the right.
            BigInteger first = b.toRight() ? scaled.ceil() : scaled.floor().add(BigInteger.ONE);
            BigInteger last = first.subtract(BigInteger.ONE);
            boolean continuous = shape.pieces().get(i).at(b.x()).equals(shape.pieces().get(i + 1).at(b.x()));
            // Clamped to the input range: every word is left of a breakpoint above the range, and so on.
            BigInteger min = BigInteger.valueOf(in.minRaw());
            BigInteger max = BigInteger.valueOf(in.maxRaw());
            out.add(new Knee(b.x(), inRange(last.min(max), in), inRange(first.max(min), in), continuous));
        }
        return out;
    }

    private static Long inRange(BigInteger raw, QFormat in) {
        return raw.compareTo(BigInteger.valueOf(in.minRaw())) >= 0 && raw.compareTo(BigInteger.valueOf(in.maxRaw())) <= 0
                ? raw.longValueExact() : null;
    }
}
