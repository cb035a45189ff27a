package dev.hsig.spec;

import dev.hsig.arithmetic.Rational;
import java.util.Optional;

/**
 * The function a core computes, exactly: its name, where it comes from, its formula and its {@link Shape}. Every
 * layer asks this value (the planner, the references, the knees, the vectors, the plot) and none re-derives it.
 *
 * @param line       the clipped line when the function is one (the only kind {@code --terms} can approximate)
 * @param parameters the options that make it, after {@code --function NAME} (empty for a preset)
 */
public record Activation(String name, String source, String formula, Shape shape, Optional<ClippedLine> line,
        String parameters) {

    public static Activation clippedLine(String name, String source, ClippedLine line, String parameters) {
        return new Activation(name, source, line.formula(), line.shape(), Optional.of(line), parameters);
    }

    /** The exact value at x. */
    public Rational at(Rational x) {
        return shape.at(x);
    }

    /** {@code y = clip(1/5*x + 1/2, 0, 1)}. */
    public String equation() {
        return "y = " + formula;
    }

    /** The same function with the slope of its line replaced ({@code --terms}); only for clipped lines. */
    public Activation withSlope(Rational slope, String note) {
        ClippedLine l = line.orElseThrow().withSlope(slope);
        return new Activation(name, source + "; " + note, l.formula(), l.shape(), Optional.of(l), parameters);
    }
}
