package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.datapath.Pipeline;
import dev.hsig.hdl.CoreHeader;
import dev.hsig.reference.MultiplierReference;
import dev.hsig.report.Json;
import dev.hsig.report.Report;
import dev.hsig.spec.Config;
import dev.hsig.text.Plural;
import dev.hsig.timing.DelayModel;
import dev.hsig.tools.CoreArea;
import dev.hsig.tools.Nextpnr;
import dev.hsig.tools.Yosys;
import dev.hsig.verilog.ModulePrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./hsig synth}: the core against a multiplier design in three Yosys flows (iCE40, Xilinx 7-series, two-input
 * gates) and the generic one, and fmax on iCE40 HX8K after place and route.
 */
final class SynthCommand implements Command {
    private static final Set<String> VALUES = Options.union(Options.MODEL, Set.of("--pipeline", "--target-mhz",
            "--format"));

    @Override
    public String name() {
        return "synth";
    }

    @Override
    public String summary() {
        return "synthesize the core and a '*' reference for iCE40, Xilinx and gates; iCE40 fmax";
    }

    @Override
    public String help() {
        return "usage: ./hsig synth [model options] [--pipeline N | --target-mhz F] [--no-pnr] [--format text|json]\n"
                + "       ./hsig synth [model options] --implementation all [--format text|json]\n\n"
                + "Synthesizes the combinational core and a reference design written with '*' (multiplying by a\n"
                + "rounded-up reciprocal and shifting; for comparison only, not a core) with Yosys, side by side:\n"
                + "  synth_ice40    SB_LUT4, SB_CARRY, SB_MAC16\n"
                + "  synth_xilinx   LUTs (LUT1 to LUT6), CARRY4, DSP48E1 (7-series)\n"
                + "  gates          synth; abc -g AND,NAND,OR,NOR,XOR,XNOR,MUX: two-input gates, an ASIC proxy\n"
                + "                 (abc -fast for hard-swish, whose product the full script takes minutes on)\n"
                + "  synth          Yosys's generic cells\n"
                + "Where nextpnr-ice40 is installed it also places and routes the core between input and output\n"
                + "registers on an iCE40 HX8K and prints the maximum clock frequency for pipeline 0 and for the\n"
                + "deepest pipeline, or for --pipeline N, or for the stage counts --target-mhz F tries, next to the\n"
                + "target and the delay model's prediction, and says which count met the target.\n"
                + "Needs yosys (Debian: apt-get install yosys; nextpnr-ice40 for fmax).\n\n" + Options.usage()
                + "  --pipeline N      the pipelined core to place and route (default: as deep as the logic levels)\n"
                + "  --target-mhz F    place and route from the fewest stages that might meet F MHz (the delay model's\n"
                + "                    prediction, allowing for its measured error) up, stopping at the first that does\n"
                + "  --no-pnr          skip place and route (not with --pipeline or --target-mhz)\n"
                + "  --format F        text (default) or json\n"
                + "  --implementation all\n"
                + "                    instead: every implementation (shift-add, and table for inputs of up to 12\n"
                + "                    bits) side by side, iCE40 ICESTORM_LC after packing (with nextpnr-ice40),\n"
                + "                    SB_LUT4, SB_CARRY, 7-series LUT, CARRY4, MUXF7+MUXF8, DSP48E1, gates, each\n"
                + "                    beside auto's area estimate, then what auto picks per --target and what\n"
                + "                    measured smallest\n\n"
                + "example:\n  ./hsig synth --function pytorch\n  ./hsig synth --function keras --target-mhz 120\n";
    }

    @Override
    public int run(String[] args, PrintWriter out, PrintWriter err) throws IOException {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, Options.union(Options.MODEL_FLAGS, Set.of("--no-pnr")), false);
        for (String o : new String[] {"--pipeline", "--target-mhz"}) {
            if (a.has(o) && a.has("--no-pnr")) {
                throw new InvalidInputException(o + " '" + a.value(o) + "' chooses the core to place and route, and"
                        + " --no-pnr skips place and route: give one of them");
            }
        }
        String format = a.value("--format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new InvalidInputException("--format '" + format + "' is not valid: expected text or json");
        }
        if (a.has("--implementation") && !a.value("--implementation").equals("all")) {
            try {
                dev.hsig.area.Implementation.parse(a.value("--implementation"));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.getMessage() + ", or all (synth only: every one side by side)");
            }
        }
        if ("all".equals(a.value("--implementation", ""))) {
            for (String o : new String[] {"--pipeline", "--target-mhz"}) {
                if (a.has(o)) {
                    throw new InvalidInputException(o + " '" + a.value(o) + "' is not allowed with --implementation"
                            + " all, which compares the combinational cores' area");
                }
            }
            if (!Yosys.installed()) {
                throw new InvalidInputException("synth needs yosys on the PATH (Debian: apt-get install yosys)");
            }
            Map<String, Object> comparison = ImplementationComparison.of(Options.config(a, Set.of("--implementation",
                    "--target")));
            if (format.equals("json")) {
                out.print(Json.write(comparison));
            } else {
                ImplementationComparison.lines(comparison).forEach(out::println);
            }
            return 0;
        }
        Config config = Options.config(a);
        Datapath d = DatapathPlanner.plan(config);
        boolean target = a.has("--target-mhz");
        int depth = Math.max(1, Pipeline.depth(d));
        int deepest = a.has("--pipeline") || target ? InterfaceOptions.pipelineOrTarget(a, d) : depth;
        double targetMhz = target ? InterfaceOptions.targetMhz(a.value("--target-mhz")) : 0;
        if (!Yosys.installed()) {
            throw new InvalidInputException("synth needs yosys on the PATH (Debian: apt-get install yosys)");
        }
        Warnings.print(d, err);
        boolean json = format.equals("json");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("options", config.options());
        result.put("core", d.build().implementation().cliName() + ", " + CoreHeader.cost(d));
        result.put("reference", "the same function written with '*' (reciprocal multiply and shift), for comparison"
                + " only");
        if (!json) {
            out.println("synth " + config.options());
            out.println("core: " + result.get("core"));
            out.println("reference: " + result.get("reference"));
            out.flush();
        }
        Map<String, String> core = Map.of("core.v", ModulePrinter.emit(d, "core", 0, List.of("synth")));
        Map<String, String> reference = Map.of("ref.v", MultiplierReference.verilog(config, "mul_reference"));
        Yosys.Flow gates = d.multipliers() > 0 ? Yosys.Flow.GATES_FAST : Yosys.Flow.GATES;
        for (Yosys.Flow flow : List.of(Yosys.Flow.ICE40, Yosys.Flow.XILINX, Yosys.Flow.GENERIC, gates)) {
            Yosys.Cells c = Yosys.synthesize(core, "core", flow).orElseThrow();
            Yosys.Cells r = Yosys.synthesize(reference, "mul_reference", flow).orElseThrow();
            Map<String, Object> counts = counts(flow, c, r);
            result.put(key(flow), counts);
            if (!json) {
                out.println(line(flow, counts));
                out.flush();
            }
        }
        List<Object> fmax = new ArrayList<>();
        result.put("fmax", fmax);
        if (!a.has("--no-pnr") && !Nextpnr.nextpnrInstalled()) {
            result.put("fmax_skipped", "nextpnr-ice40 not installed (Debian: apt-get install nextpnr-ice40)");
            if (!json) {
                out.println("fmax: " + result.get("fmax_skipped") + ", skipped");
            }
        } else if (!a.has("--no-pnr")) {
            // With a target, place and route from the fewest stages that might meet it (the model's choice, or
            // fewer where the model has erred on the side of caution) up, and stop at the first that does.
            int[] stages = target ? java.util.stream.IntStream.rangeClosed(deepest, depth).toArray()
                    : new int[] {0, deepest};
            Map<String, Object> last = null;
            for (int p : stages) {
                String pipelined = ModulePrinter.emit(d, "core", p, List.of("synth"));
                double mhz = Nextpnr.fmax(Map.of("core.v", pipelined, "top.v",
                        Nextpnr.registeredTop("core", config.input().width(), config.output().width(), p > 0)));
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("device", DelayModel.ICE40_HX8K.device());
                f.put("pipeline", p);
                f.put("latency", p);
                f.put("levels_per_stage", Pipeline.levelsPerStage(d, p));
                if (target) {
                    f.put("target_mhz", targetMhz);
                }
                f.put("predicted_mhz", Report.round1(DelayModel.ICE40_HX8K.predictedMhz(d, p)));
                f.put("fmax_mhz", Report.round1(mhz));
                if (target) {
                    f.put("met", mhz >= targetMhz);
                }
                fmax.add(f);
                last = f;
                if (!json) {
                    StringBuilder l = new StringBuilder("fmax");
                    f.forEach((k, v) -> l.append(k.equals("device") ? " " + v : " " + k + "=" + v));
                    out.println(l);
                    out.flush();
                }
                if (target && mhz >= targetMhz) {
                    break;
                }
            }
            if (target) {
                boolean met = (boolean) last.get("met");
                int chosen = (int) last.get("pipeline");
                String summary = met ? String.format(Locale.ROOT, "%.1f MHz met with %s (generate it with"
                        + " --pipeline %d)", targetMhz, Plural.of(chosen, "stage"), chosen)
                        : String.format(Locale.ROOT, "%.1f MHz not met by any stage count from %d to %d", targetMhz,
                        deepest, depth);
                // Scripts read numbers: the target, whether it was met, and with how many stages (null if not).
                Map<String, Object> outcome = new LinkedHashMap<>();
                outcome.put("target_mhz", targetMhz);
                outcome.put("met", met);
                outcome.put("stages", met ? chosen : null);
                result.put("target", outcome);
                if (!json) {
                    out.println("target: " + summary);
                }
            }
        }
        if (json) {
            out.print(Json.write(result));
        }
        return 0;
    }

    private static String key(Yosys.Flow flow) {
        return switch (flow) {
            case ICE40 -> "synth_ice40";
            case XILINX -> "synth_xilinx";
            case GATES, GATES_FAST -> "gates";
            case GENERIC -> "synth";
        };
    }

    /** The headline figure of a flow, then the cell types worth seeing beside it, core and reference each. */
    private static Map<String, Object> counts(Yosys.Flow flow, Yosys.Cells c, Yosys.Cells r) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (flow) {
            case ICE40 -> {
                pair(m, "SB_LUT4", c.count("SB_LUT4"), r.count("SB_LUT4"));
                pair(m, "SB_CARRY", c.count("SB_CARRY"), r.count("SB_CARRY"));
                pair(m, "SB_MAC16", c.count("SB_MAC16"), r.count("SB_MAC16"));
            }
            case XILINX -> {
                pair(m, "LUT", CoreArea.luts(c), CoreArea.luts(r));
                pair(m, "LUT6", c.count("LUT6"), r.count("LUT6"));
                pair(m, "CARRY4", c.count("CARRY4"), r.count("CARRY4"));
                pair(m, "DSP48E1", c.count("DSP48E1"), r.count("DSP48E1"));
            }
            case GATES, GATES_FAST -> pair(m, "gates", c.total(), r.total());
            case GENERIC -> pair(m, "cells", c.total(), r.total());
        }
        return m;
    }


    private static void pair(Map<String, Object> m, String name, long core, long reference) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("core", core);
        p.put("reference", reference);
        if (m.isEmpty()) {
            p.put("ratio", reference == 0 ? null : Math.round(100.0 * core / reference) / 100.0);
        }
        m.put(name, p);
    }

    /** {@code synth_ice40 SB_LUT4 core=119 reference=425 ratio=0.28 (SB_CARRY core=95 reference=82; ...)}. */
    @SuppressWarnings("unchecked")
    private static String line(Yosys.Flow flow, Map<String, Object> counts) {
        StringBuilder l = new StringBuilder(key(flow));
        List<String> rest = new ArrayList<>();
        for (Map.Entry<String, Object> e : counts.entrySet()) {
            Map<String, Object> p = (Map<String, Object>) e.getValue();
            String text = (e.getKey().equals(key(flow)) ? "" : e.getKey() + " ") + "core=" + p.get("core")
                    + " reference=" + p.get("reference");
            if (p.containsKey("ratio")) {
                l.append(' ').append(text).append(String.format(Locale.ROOT, " ratio=%s", p.get("ratio") == null
                        ? "n/a" : String.format(Locale.ROOT, "%.2f", (double) p.get("ratio"))));
            } else {
                rest.add(text);
            }
        }
        if (flow == Yosys.Flow.GATES || flow == Yosys.Flow.GATES_FAST) {
            l.append(flow == Yosys.Flow.GATES ? " (abc -g AND,NAND,OR,NOR,XOR,XNOR,MUX)"
                    : " (abc -fast -g AND,NAND,OR,NOR,XOR,XNOR,MUX: the full script is too slow on the product)");
        }
        return rest.isEmpty() ? l.toString() : l + " (" + String.join("; ", rest) + ")";
    }
}
