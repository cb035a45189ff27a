package dev.hsig.datapath;

import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.spec.Polynomial;

/**
 * A run of raw input words {@code [from, to]} whose outputs come from one source.
 *
 * @param why what puts these inputs here, for reports: a piece of the function, or saturation
 */
public record Region(long from, long to, Value value, String why) {
    /** Where a region's output comes from. */
    public sealed interface Value {
    }

    /** Every input of the region gives this raw output word. */
    public record Constant(long raw) implements Value {
    }

    /**
     * The output is {@code mode(t(X))} for the raw input X, t being the function in output ulps; {@code mode} is
     * sign-free (the planner splits a region where t changes sign when the requested mode depends on the sign).
     */
    public record Computed(Polynomial t, RoundingMode mode) implements Value {
    }

    public long size() {
        return to - from + 1;
    }
}
