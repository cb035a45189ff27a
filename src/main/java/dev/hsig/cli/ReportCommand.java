package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.report.Json;
import dev.hsig.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;

/** {@code ./hsig report}: everything a design review needs about one configuration, as text or JSON. */
final class ReportCommand implements Command {
    private static final Set<String> VALUES = Options.union(Options.MODEL, Set.of("--format", "--target-mhz",
            "--binarize"));

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "summarize a configuration: formats, breakpoints, regions, adders, error bound, latency, cells";
    }

    @Override
    public String help() {
        return "usage: ./hsig report [model options] [--format text|json]\n\n"
                + "Prints the function and its source, both formats spelled out, the rounding and overflow modes, the\n"
                + "breakpoints, the input regions and where each output comes from, where the output saturates or\n"
                + "wraps, the datapath as realized (steps, adders, internal widths), the proven worst-case error in\n"
                + "output ulps against the exact f(x) (and the measured one for inputs up to 16 bits), logic levels and\n"
                + "the delay model's predicted iCE40 HX8K fmax for every pipeline setting from 0 to the logic depth\n"
                + "(so it takes no --pipeline) and, when yosys is installed, the cell count of the core after 'synth'.\n"
                + "With --semantics, every input where the framework differs from correct rounding.\n\n"
                + Options.usage()
                + "  --format F        text (default) or json\n"
                + "  --target-mhz F    add the stage count the delay model chooses for F MHz (see generate)\n"
                + "  --binarize B      stochastic or deterministic: add P(+1) as an exact fraction for sample inputs,\n"
                + "                    beside the exact f(x) (see generate)\n\n"
                + "example:\n  ./hsig report --function pytorch --output UQ0.16 --format json\n";
    }

    @Override
    public int run(String[] args, PrintWriter out, PrintWriter err) throws IOException {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, Options.MODEL_FLAGS, false);
        String format = a.value("--format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new InvalidInputException("--format '" + format + "' is not valid: expected text or json");
        }
        Datapath d = DatapathPlanner.plan(BinarizeOptions.config(a, Options.config(a)));
        Warnings.print(d, err);
        Map<String, Object> report = Report.of(d, true);
        if (a.has("--target-mhz")) {
            int stages = InterfaceOptions.stagesFor(a.value("--target-mhz"), d);
            Report.addTarget(report, d, InterfaceOptions.targetMhz(a.value("--target-mhz")), stages);
        }
        if (a.has("--binarize")) {
            dev.hsig.binarize.Binarizer b = dev.hsig.binarize.Binarizer.of(dev.hsig.binarize.Binarizer.Mode.parse(
                    a.value("--binarize")), dev.hsig.binarize.Binarizer.DEFAULT_SEED, d.config().function(),
                    d.config().input(), d.config().output(), 1);
            report.put("binarize", dev.hsig.report.BinarizeReport.of(d, b));
        }
        out.print(format.equals("json") ? Json.write(report) : Report.text(report));
        return 0;
    }
}
