package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.report.TransferPlot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;

/** {@code ./hsig plot}: the transfer curve and the error as an SVG, written all at once. */
final class PlotCommand implements Command {
    private static final Set<String> VALUES = Options.union(Options.MODEL, Set.of("--out"));

    @Override
    public String name() {
        return "plot";
    }

    @Override
    public String summary() {
        return "draw the transfer curve and the error in ulps as an SVG";
    }

    @Override
    public String help() {
        return "usage: ./hsig plot [model options] --out FILE.svg\n\n"
                + "Writes an SVG (no dependencies) with three panels: the hardware's transfer curve over the exact\n"
                + "function across the input range, a zoom on 25 input words of a computed region where the steps\n"
                + "show, and the error against the exact f(x) in output ulps with the proven bound; breakpoints marked.\n\n"
                + Options.usage() + "  --out FILE.svg    where to write the plot (required)\n\n"
                + "example:\n  ./hsig plot --function keras --out keras.svg\n";
    }

    @Override
    public int run(String[] args, PrintWriter out, PrintWriter err) throws IOException {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, Options.MODEL_FLAGS, false);
        String file = a.value("--out");
        if (file == null) {
            throw new InvalidInputException("plot needs --out FILE.svg");
        }
        if (!file.endsWith(".svg")) {
            throw new InvalidInputException("--out '" + file + "' is not valid: the file name must end in .svg");
        }
        Datapath d = DatapathPlanner.plan(Options.config(a));
        String svg = TransferPlot.svg(d);
        AtomicFiles files = new AtomicFiles();
        files.add(Path.of(file), svg);
        files.commit();
        Warnings.print(d, err);
        out.println("wrote " + file);
        return 0;
    }
}
