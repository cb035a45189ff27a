package dev.hsig.hdl;

import dev.hsig.InvalidInputException;
import dev.hsig.text.Plural;
import java.util.Locale;

/**
 * How a core meets its surroundings: the ports, the lanes, the clock enable and reset style, around the one
 * datapath (which it wraps and never changes).
 * <ul>
 * <li>{@code plain}: combinational {@code x}/{@code y} (pipeline 0);</li>
 * <li>{@code valid}: {@code pipeline} register stages with {@code in_valid}/{@code out_valid}, an optional clock
 * enable and a choice of reset style; only control state is reset, never data;</li>
 * <li>{@code axis}: AXI4-Stream slave in, master out, with full backpressure through a skid buffer.</li>
 * </ul>
 * {@code lanes} copies of the datapath process that many words per cycle side by side.
 */
public record Interface(Kind kind, int pipeline, int lanes, boolean ce, Reset reset, boolean tlast) {
    public static final int MAX_LANES = 64;

    public enum Kind {
        PLAIN, VALID, AXIS;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reset style of the control registers: the port is {@code rst} when active high, {@code rst_n} when low. */
    public enum Reset {
        SYNC_HIGH, SYNC_LOW, ASYNC_HIGH, ASYNC_LOW;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean activeLow() {
            return this == SYNC_LOW || this == ASYNC_LOW;
        }

        public boolean async() {
            return this == ASYNC_HIGH || this == ASYNC_LOW;
        }

        public String port() {
            return activeLow() ? "rst_n" : "rst";
        }

        public static Reset parse(String text) {
            for (Reset r : values()) {
                if (r.cliName().equals(text)) {
                    return r;
                }
            }
            throw new InvalidInputException("--reset '" + text + "' is not valid: expected one of sync-high, sync-low,"
                    + " async-high, async-low");
        }
    }

    public Interface {
        if (lanes < 1 || lanes > MAX_LANES) {
            throw new InvalidInputException("--lanes '" + lanes + "' is not valid: expected an integer from 1 to "
                    + MAX_LANES);
        }
        if (kind == Kind.PLAIN && pipeline != 0) {
            throw new InvalidInputException("--interface plain is combinational: it takes --pipeline 0 (use"
                    + " --interface valid or axis for --pipeline " + pipeline + ")");
        }
        if (kind != Kind.PLAIN && pipeline < 1) {
            throw new InvalidInputException("--interface " + kind.cliName() + " needs --pipeline N with N >= 1 (register"
                    + " stages); --pipeline 0 is the plain combinational core");
        }
        if (ce && kind != Kind.VALID) {
            throw new InvalidInputException("--ce is an option of --interface valid (" + article(kind) + " core "
                    + (kind == Kind.PLAIN ? "has no registers to enable" : "stalls through tready") + ")");
        }
        if (reset != Reset.SYNC_HIGH && kind != Kind.VALID) {
            throw new InvalidInputException("--reset " + reset.cliName() + " is an option of --interface valid ("
                    + article(kind) + " core " + (kind == Kind.PLAIN ? "has no reset" : "uses aresetn, synchronous"
                    + " active low, as AXI requires") + ")");
        }
        if (tlast && kind != Kind.AXIS) {
            throw new InvalidInputException("--tlast is an option of --interface axis");
        }
    }

    private static String article(Kind kind) {
        return (kind == Kind.AXIS ? "an " : "a ") + kind.cliName();
    }

    /** Today's default for a pipeline depth: plain when 0, valid with a synchronous active-high reset otherwise. */
    public static Interface of(int pipeline) {
        return new Interface(pipeline == 0 ? Kind.PLAIN : Kind.VALID, pipeline, 1, false, Reset.SYNC_HIGH, false);
    }

    public Interface withPipeline(int n) {
        return new Interface(kind, n, lanes, ce, reset, tlast);
    }

    /** Cycles from an input to its output when nothing stalls. */
    public int latency() {
        return pipeline;
    }

    public boolean clocked() {
        return kind != Kind.PLAIN;
    }

    /** The options that reproduce this interface, after the model options. */
    public String options() {
        StringBuilder s = new StringBuilder(" --pipeline " + pipeline);
        if (kind == Kind.AXIS) {
            s.append(" --interface axis");
        }
        if (lanes > 1) {
            s.append(" --lanes ").append(lanes);
        }
        if (ce) {
            s.append(" --ce");
        }
        if (reset != Reset.SYNC_HIGH) {
            s.append(" --reset ").append(reset.cliName());
        }
        if (tlast) {
            s.append(" --tlast");
        }
        return s.toString();
    }

    /** One line for headers and summaries. */
    public String describe() {
        String lanesText = lanes > 1 ? ", " + lanes + " lanes side by side" : "";
        return switch (kind) {
            case PLAIN -> "combinational x -> y, latency 0 cycles" + lanesText;
            case VALID -> "valid pipeline, latency " + Plural.of(pipeline, "cycle") + ", one input per cycle"
                    + lanesText + (ce ? ", clock enable ce" : "") + ", " + reset.cliName().replace("-", " ")
                    + " reset " + reset.port() + " clears the valid chain";
            case AXIS -> "AXI4-Stream, latency " + Plural.of(pipeline, "cycle") + " when not stalled, one beat per cycle"
                    + lanesText + (tlast ? ", tlast" : "") + ", full backpressure, aresetn synchronous active low";
        };
    }
}
