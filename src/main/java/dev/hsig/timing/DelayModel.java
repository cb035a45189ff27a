package dev.hsig.timing;

import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Pipeline;
import java.util.OptionalInt;

/**
 * A delay model of one device for frequency-directed pipelining, as FloPoCo's {@code frequency=}: the clock period
 * a stage needs grows with the logic levels between its registers, {@code base + perLevel * levels}, and never
 * drops below {@code floor}, the period of the registered wrapper itself (routing into and out of the core).
 * The constants are fitted to nextpnr place-and-route results; the README gives the data and the fit's error.
 */
public record DelayModel(String device, double baseNs, double perLevelNs, double floorNs) {
    /**
     * iCE40 HX8K: a least-squares fit to nextpnr-ice40 (Debian 12, seed 1) on 46 cores, keras, pytorch,
     * qkeras-smooth, courbariaux, hard-tanh, PLAN, hls4ml and ReLU6 at Q4.12 with every stage count from 0 to their
     * depth, each between input and output registers. Measured periods: 14.1 to 17.3 ns at 9 levels, 9.0 to 10.8
     * at 4 to 6, 4.3 to 8.8 at 1 to 3, never below 4.30 (232.7 MHz). The fit predicts fmax within -33% to +37%,
     * median +1%: a guide for the first choice, which {@code ./hsig synth --target-mhz} then checks.
     */
    public static final DelayModel ICE40_HX8K = new DelayModel("iCE40-HX8K", 3.97, 1.24, 4.30);

    /** The period a stage of {@code levels} logic levels needs, in ns. */
    public double periodNs(int levels) {
        return Math.max(floorNs, baseNs + perLevelNs * levels);
    }

    public double predictedMhz(int levels) {
        return 1000.0 / periodNs(levels);
    }

    /** The predicted fmax of the datapath cut into {@code registers} stages. */
    public double predictedMhz(Datapath d, int registers) {
        return predictedMhz(Pipeline.levelsPerStage(d, registers));
    }

    /** The fewest stages predicted to meet {@code mhz}, or empty when even one level per stage is too slow. */
    public OptionalInt stagesFor(Datapath d, double mhz) {
        int depth = Math.max(1, Pipeline.depth(d));
        for (int p = 0; p <= depth; p++) {
            if (predictedMhz(d, p) >= mhz) {
                return OptionalInt.of(p);
            }
        }
        return OptionalInt.empty();
    }

    /** The stage count with the best predicted fmax (the fewest stages among equals). */
    public int bestStages(Datapath d) {
        int depth = Math.max(1, Pipeline.depth(d));
        int best = 0;
        for (int p = 1; p <= depth; p++) {
            if (predictedMhz(d, p) > predictedMhz(d, best)) {
                best = p;
            }
        }
        return best;
    }
}
