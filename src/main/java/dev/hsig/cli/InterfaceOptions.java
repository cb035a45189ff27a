package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Pipeline;
import dev.hsig.hdl.Interface;
import java.util.Set;

/** {@code --pipeline}, {@code --interface}, {@code --lanes}, {@code --ce}, {@code --reset}, {@code --tlast}. */
final class InterfaceOptions {
    static final Set<String> VALUES = Set.of("--pipeline", "--interface", "--lanes", "--reset");
    static final Set<String> FLAGS = Set.of("--ce", "--tlast");

    private InterfaceOptions() {
    }

    static String usage() {
        return """
                  --pipeline N      0 for a combinational core (default), or 1 to the core's logic depth (or max):
                                    register stages, latency N cycles, one input per cycle
                  --interface I     plain (pipeline 0), valid (pipeline >= 1: clk, reset, in_valid, out_valid;
                                    the default with a pipeline) or axis (AXI4-Stream, pipeline >= 1: aclk,
                                    aresetn, s_axis_* in, m_axis_* out, full backpressure through a skid buffer,
                                    lanes in byte-aligned slots)
                  --lanes L         1 to %d datapaths side by side; x and y carry L words (default 1)
                  --ce              valid only: input ce; every register holds while it is low
                  --reset R         valid only: sync-high (default, port rst), sync-low, async-high, async-low
                                    (active-low ports are rst_n); only control state is reset, never data
                  --tlast           axis only: s_axis_tlast and m_axis_tlast, carried with their beat
                """.formatted(Interface.MAX_LANES);
    }

    /** The pipeline depth: an integer from 0 to the core's logic levels, or max. */
    static int pipeline(Arguments a, Datapath d) {
        int depth = Math.max(1, Pipeline.depth(d));
        String text = a.value("--pipeline", "0").trim();
        if (text.equals("max")) {
            return depth;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= depth) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("--pipeline '" + text + "' is not valid: expected an integer from 0 to " + depth
                + " (this core has " + depth + " logic level" + (depth == 1 ? "" : "s") + ", so more stages would be"
                + " empty), or max");
    }

    static Interface of(Arguments a, Datapath d) {
        int pipeline = pipeline(a, d);
        String kindText = a.value("--interface", pipeline == 0 ? "plain" : "valid");
        Interface.Kind kind = switch (kindText) {
            case "plain" -> Interface.Kind.PLAIN;
            case "valid" -> Interface.Kind.VALID;
            case "axis" -> Interface.Kind.AXIS;
            default -> throw new InvalidInputException("--interface '" + kindText + "' is not valid: expected plain,"
                    + " valid or axis");
        };
        int lanes = (int) a.integer("--lanes", 1, 1, Interface.MAX_LANES);
        Interface.Reset reset = a.has("--reset") ? Interface.Reset.parse(a.value("--reset")) : Interface.Reset.SYNC_HIGH;
        return new Interface(kind, pipeline, lanes, a.has("--ce"), reset, a.has("--tlast"));
    }
}
