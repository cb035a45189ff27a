package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Pipeline;
import dev.hsig.hdl.Interface;
import dev.hsig.timing.DelayModel;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/** {@code --pipeline}, {@code --interface}, {@code --lanes}, {@code --ce}, {@code --reset}, {@code --tlast}. */
final class InterfaceOptions {
    static final Set<String> VALUES = Set.of("--pipeline", "--interface", "--lanes", "--reset", "--target-mhz");
    static final Set<String> FLAGS = Set.of("--ce", "--tlast");

    private InterfaceOptions() {
    }

    static String usage() {
        return """
                  --pipeline N      0 for a combinational core (default), or 1 to the core's logic depth (or max):
                                    register stages, latency N cycles, one input per cycle
                  --target-mhz F    instead of --pipeline: the fewest stages that the %s delay model
                                    predicts will meet F MHz (README, "Frequency-directed pipelining")
                  --interface I     plain (pipeline 0), valid (pipeline >= 1: clk, reset, in_valid, out_valid;
                                    the default with a pipeline) or axis (AXI4-Stream, pipeline >= 1: aclk,
                                    aresetn, s_axis_* in, m_axis_* out, full backpressure through a skid buffer,
                                    lanes in byte-aligned slots)
                  --lanes L         1 to %d datapaths side by side; x and y carry L words (default 1)
                  --ce              valid only: input ce; every register holds while it is low
                  --reset R         valid only: sync-high (default, port rst), sync-low, async-high, async-low
                                    (active-low ports are rst_n); only control state is reset, never data
                  --tlast           axis only: s_axis_tlast and m_axis_tlast, carried with their beat
                """.formatted(DelayModel.ICE40_HX8K.device(), Interface.MAX_LANES);
    }

    /** The pipeline depth: an integer from 0 to the core's logic levels, or max, or what --target-mhz needs. */
    static int pipeline(Arguments a, Datapath d) {
        int depth = Math.max(1, Pipeline.depth(d));
        if (a.has("--target-mhz")) {
            if (a.has("--pipeline")) {
                throw new InvalidInputException("--pipeline '" + a.value("--pipeline") + "' and --target-mhz '"
                        + a.value("--target-mhz") + "' both choose the stage count: give one of them");
            }
            return stagesFor(a.value("--target-mhz"), d);
        }
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

    /**
     * For synth, which places and routes: --pipeline N, or with --target-mhz the fewest stages that might meet the
     * target allowing for the delay model's measured error, or one line when not even those may.
     */
    static int pipelineOrTarget(Arguments a, Datapath d) {
        if (!a.has("--target-mhz") || a.has("--pipeline")) {
            return pipeline(a, d);
        }
        DelayModel model = DelayModel.ICE40_HX8K;
        return stages(a.value("--target-mhz"), d, mhz -> model.firstWorthPlacing(d, mhz), String.format(Locale.ROOT,
                ", and no core measured more than %.1f times its prediction", DelayModel.MAX_MEASURED_OVER_PREDICTED));
    }

    /** A --target-mhz value: a frequency from 1 to 2000 MHz, or one line saying what is allowed. */
    static double targetMhz(String text) {
        double mhz;
        try {
            mhz = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            mhz = Double.NaN;
        }
        if (!(mhz >= 1 && mhz <= 2000)) {
            throw new InvalidInputException("--target-mhz '" + text + "' is not valid: expected a frequency in MHz from"
                    + " 1 to 2000");
        }
        return mhz;
    }

    /** The fewest stages predicted to meet the target, or one line saying it cannot be met and what can. */
    static int stagesFor(String text, Datapath d) {
        DelayModel model = DelayModel.ICE40_HX8K;
        int best = model.bestStages(d);
        return stages(text, d, mhz -> model.stagesFor(d, mhz), String.format(Locale.ROOT,
                " (the slowest ~%.1f ns of logic); ./hsig synth --target-mhz places and routes to find out",
                Pipeline.stageDelayNs(d, best)));
    }

    private static int stages(String text, Datapath d, java.util.function.DoubleFunction<OptionalInt> choice,
            String why) {
        OptionalInt stages = choice.apply(targetMhz(text));
        if (stages.isEmpty()) {
            DelayModel model = DelayModel.ICE40_HX8K;
            int best = model.bestStages(d);
            throw new InvalidInputException(String.format(Locale.ROOT, "--target-mhz '%s' cannot be met on %s: the"
                    + " delay model predicts at best %.1f MHz, with %d stage%s", text, model.device(),
                    model.predictedMhz(d, best), best, best == 1 ? "" : "s") + why);
        }
        return stages.getAsInt();
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
