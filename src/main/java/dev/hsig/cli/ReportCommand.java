package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.report.Json;
import dev.hsig.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;

/** {@code ./hsig report}: everything a design review needs about one configuration, as text or JSON. */
final class ReportCommand implements Command {
    private static final Set<String> VALUES = VectorsCommand.union(ModelOptions.NAMES, Set.of("--format"));

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "summarize a configuration: formats, knees, slope, adders, error bound, latency, cells";
    }

    @Override
    public String help() {
        return "usage: ./hsig report [model options] [--format text|json]\n\n"
                + "Prints the function and its source, both formats spelled out, the knees, the slope as realized\n"
                + "(steps, adders, internal widths), the proven worst-case error in output ulps (and the measured one\n"
                + "for inputs up to 16 bits), logic levels per pipeline setting and, when yosys is installed, the cell\n"
                + "count of the generated core after 'synth'.\n\n" + ModelOptions.usage()
                + "  --format F        text (default) or json\n\n"
                + "example:\n  ./hsig report --function pytorch --output UQ0.16 --format json\n";
    }

    @Override
    public void run(String[] args, PrintWriter out) throws IOException {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, Set.of(), false);
        String format = a.value("--format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new InvalidInputException("--format '" + format + "' is not valid: expected text or json");
        }
        Map<String, Object> report = Report.of(DatapathPlanner.plan(ModelOptions.config(a)), true);
        out.print(format.equals("json") ? Json.write(report) : Report.text(report));
    }
}
