package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.datapath.Pipeline;
import dev.hsig.hdl.CoreHeader;
import dev.hsig.reference.MultiplierReference;
import dev.hsig.spec.Config;
import dev.hsig.tools.Nextpnr;
import dev.hsig.tools.Yosys;
import dev.hsig.verilog.ModulePrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code ./hsig synth}: Yosys cell counts of the core against a multiplier design, and iCE40 fmax. */
final class SynthCommand implements Command {
    private static final Set<String> VALUES = Options.union(Options.MODEL, Set.of("--pipeline"));

    @Override
    public String name() {
        return "synth";
    }

    @Override
    public String summary() {
        return "synthesize the core and a '*' reference design in Yosys, compare cells, iCE40 fmax";
    }

    @Override
    public String help() {
        return "usage: ./hsig synth [model options] [--pipeline N] [--no-pnr]\n\n"
                + "Runs Yosys synth_ice40 and generic synth on the combinational core and on a reference design written\n"
                + "with '*' (multiplying by a rounded-up reciprocal and shifting; for comparison only, not a core), and\n"
                + "prints both cell counts and their ratio. Where nextpnr-ice40 is installed it also places and routes\n"
                + "the core between input and output registers on an iCE40 HX8K and prints the maximum clock frequency\n"
                + "for pipeline 0 and for the deepest pipeline (one logic level per stage, or --pipeline N).\n"
                + "Needs yosys (Debian: apt-get install yosys; nextpnr-ice40 for fmax).\n\n" + Options.usage()
                + "  --pipeline N      the pipelined core to place and route (default: as deep as the logic levels);\n"
                + "                    not with --no-pnr\n"
                + "  --no-pnr          skip place and route\n\n"
                + "example:\n  ./hsig synth --function pytorch\n";
    }

    @Override
    public int run(String[] args, PrintWriter out, PrintWriter err) throws IOException {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, Set.of("--no-pnr"), false);
        if (a.has("--pipeline") && a.has("--no-pnr")) {
            throw new InvalidInputException("--pipeline '" + a.value("--pipeline") + "' chooses the core to place and"
                    + " route, and --no-pnr skips place and route: give one of them");
        }
        Config config = Options.config(a);
        Datapath d = DatapathPlanner.plan(config);
        int deepest = a.has("--pipeline") ? Math.max(1, InterfaceOptions.pipeline(a, d)) : Math.max(1, Pipeline.depth(d));
        if (!Yosys.installed()) {
            throw new InvalidInputException("synth needs yosys on the PATH (Debian: apt-get install yosys)");
        }
        Warnings.print(d, err);
        String core = ModulePrinter.emit(d, "core", 0, List.of("synth"));
        String reference = MultiplierReference.verilog(config, "mul_reference");
        out.println("synth " + config.options());
        out.println("core: shift-add, " + CoreHeader.cost(d));
        out.println("reference: the same function written with '*' (reciprocal multiply and shift), for comparison only");
        out.flush();
        Yosys.Cells coreIce = Yosys.synthesize(Map.of("core.v", core), "core", "synth_ice40").orElseThrow();
        Yosys.Cells refIce = Yosys.synthesize(Map.of("ref.v", reference), "mul_reference", "synth_ice40").orElseThrow();
        Yosys.Cells coreGen = Yosys.synthesize(Map.of("core.v", core), "core", "synth").orElseThrow();
        Yosys.Cells refGen = Yosys.synthesize(Map.of("ref.v", reference), "mul_reference", "synth").orElseThrow();
        out.println(String.format(Locale.ROOT, "synth_ice40 SB_LUT4 core=%d reference=%d ratio=%.2f"
                + " (SB_CARRY core=%d reference=%d; SB_MAC16 core=%d reference=%d)",
                coreIce.count("SB_LUT4"), refIce.count("SB_LUT4"),
                (double) coreIce.count("SB_LUT4") / refIce.count("SB_LUT4"), coreIce.count("SB_CARRY"),
                refIce.count("SB_CARRY"), coreIce.count("SB_MAC16"), refIce.count("SB_MAC16")));
        out.println(String.format(Locale.ROOT, "synth cells core=%d reference=%d ratio=%.2f", coreGen.total(),
                refGen.total(), (double) coreGen.total() / refGen.total()));
        out.flush();
        if (a.has("--no-pnr")) {
            return 0;
        }
        if (!Nextpnr.nextpnrInstalled()) {
            out.println("fmax: nextpnr-ice40 not installed (Debian: apt-get install nextpnr-ice40), skipped");
            return 0;
        }
        for (int p : new int[] {0, deepest}) {
            String pipelined = ModulePrinter.emit(d, "core", p, List.of("synth"));
            double mhz = Nextpnr.fmax(Map.of("core.v", pipelined, "top.v",
                    Nextpnr.registeredTop("core", config.input().width(), config.output().width(), p > 0)));
            out.println(String.format(Locale.ROOT, "fmax iCE40-HX8K pipeline=%d latency=%d levels_per_stage=%d"
                    + " fmax_mhz=%.1f", p, p, Pipeline.levelsPerStage(d, p), mhz));
            out.flush();
        }
        return 0;
    }
}
