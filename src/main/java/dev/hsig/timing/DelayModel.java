package dev.hsig.timing;

import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Pipeline;
import java.util.OptionalInt;

/**
 * A delay model of one device for frequency-directed pipelining, as FloPoCo's {@code frequency=}: the clock period
 * a stage needs grows with the estimated delay of the logic between its registers ({@link Pipeline#stageDelayNs},
 * LUTs and carry-chain bits weighed), {@code base + scale * delay}, and never drops below {@code floor}, the period
 * of the registered wrapper itself (routing into and out of the core). The constants are fitted to nextpnr
 * place-and-route results; the README gives the data and the fit's error.
 */
public record DelayModel(String device, double baseNs, double scale, double floorNs) {
    /**
     * iCE40 HX8K: a least-squares fit to nextpnr-ice40 0.4 (Debian 12, seed 1) on 49 cores, keras, pytorch,
     * qkeras-smooth, courbariaux, hard-tanh, PLAN, hls4ml, ReLU6 and quarter at Q4.12 with every stage count from 0
     * to their depth, each between input and output registers. Measured periods run from 4.33 ns (the floor, 231
     * MHz) to 15.0 ns. The fit predicts fmax within -27% to +37% of the measured figure, median +1%: a guide,
     * which {@code ./hsig synth --target-mhz} checks by placing and routing (see {@link #MAX_MEASURED_OVER_PREDICTED}).
     */
    public static final DelayModel ICE40_HX8K = new DelayModel("iCE40-HX8K", 0.63, 1.23, 4.33);

    /**
     * The most a measured fmax exceeded this model's prediction in the calibration (1.37 times, rounded up): a
     * stage count predicted below target / 1.4 will not meet the target, so place and route need not try it.
     * Where the model errs, it is on the side of caution for adder chains and of optimism for comparators.
     */
    public static final double MAX_MEASURED_OVER_PREDICTED = 1.4;

    /** The fewest stages that might meet {@code mhz} allowing for the model's error, or empty when none may. */
    public OptionalInt firstWorthPlacing(Datapath d, double mhz) {
        return stagesFor(d, mhz / MAX_MEASURED_OVER_PREDICTED);
    }

    /** The period a stage needs whose logic is estimated at {@code stageDelayNs}, in ns. */
    public double periodNs(double stageDelayNs) {
        return Math.max(floorNs, baseNs + scale * stageDelayNs);
    }

    public double predictedMhz(double stageDelayNs) {
        return 1000.0 / periodNs(stageDelayNs);
    }

    /** The predicted fmax of the datapath cut into {@code registers} stages. */
    public double predictedMhz(Datapath d, int registers) {
        return predictedMhz(Pipeline.stageDelayNs(d, registers));
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
