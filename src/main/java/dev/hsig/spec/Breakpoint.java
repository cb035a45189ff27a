package dev.hsig.spec;

import dev.hsig.arithmetic.Rational;

/**
 * Where one piece of an activation ends and the next begins. At {@code x} itself the piece on the right applies
 * when {@code toRight}, the one on the left otherwise; that matters only where the pieces do not meet, as at
 * PLAN's 19/8.
 */
public record Breakpoint(Rational x, boolean toRight) {
    public static Breakpoint at(Rational x) {
        return new Breakpoint(x, true);
    }
}
