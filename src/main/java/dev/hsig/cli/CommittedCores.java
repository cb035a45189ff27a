package dev.hsig.cli;

import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;
import java.util.ArrayList;
import java.util.List;

/**
 * The cores committed in {@code generated-verilog/} and {@code testbenches/}: every preset at Q4.12 -&gt; UQ1.15,
 * nearest-even, combinational and pipelined. A test regenerates them and fails on any difference.
 */
public final class CommittedCores {
    public static final int PIPELINE = 2;
    public static final QFormat INPUT = QFormat.parse("Q4.12");
    public static final QFormat OUTPUT = QFormat.parse("UQ1.15");

    public record Core(Config config, String name, int pipeline) {
    }

    private CommittedCores() {
    }

    public static List<Core> all() {
        List<Core> cores = new ArrayList<>();
        for (HardSigmoid f : HardSigmoid.PRESETS) {
            Config c = Config.of(f, INPUT, OUTPUT, RoundingMode.DEFAULT);
            for (int p : new int[] {0, PIPELINE}) {
                cores.add(new Core(c, CoreName.defaultName(c, p), p));
            }
        }
        return cores;
    }
}
