package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.hdl.Interface;
import dev.hsig.framework.Frameworks;
import dev.hsig.framework.Semantics;
import dev.hsig.reference.SpecChecker;
import dev.hsig.reference.TableChecker;
import dev.hsig.spec.Config;
import dev.hsig.text.Plural;
import dev.hsig.tools.ExternalTool;
import dev.hsig.tools.ModulePorts;
import dev.hsig.tools.Prover;
import dev.hsig.tools.Yosys;
import dev.hsig.verilog.ModulePrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ./hsig prove}: a SAT proof that a core equals the specification on every input. */
final class ProveCommand implements Command {
    private static final Set<String> VALUES = Options.union(Options.MODEL, Set.of("--pipeline", "--verilog", "--top",
            "--timeout"));
    private static final Pattern MODULE = Pattern.compile("(?m)^\\s*module\\s+([A-Za-z_][A-Za-z0-9_$]*)");

    @Override
    public String name() {
        return "prove";
    }

    @Override
    public String summary() {
        return "prove with Yosys SAT that a core equals the specification for every input";
    }

    @Override
    public String help() {
        return "usage: ./hsig prove [model options] [--pipeline N] [--verilog FILE [--top MODULE]] [--timeout S]\n\n"
                + "Proves with Yosys's SAT solver, for all 2^W inputs at once (W up to 32), that a core's output is the\n"
                + "specification's: the core hsig generates for the options, or the Verilog FILE (which may be\n"
                + "hand-edited; MODULE defaults to its first module). The core is checked against a checker that hsig\n"
                + "writes from the specification alone, independently of the datapath: on each piece of the function\n"
                + "m = a2*x*x + a1*x + a0 is L times the exact f(x) * 2^F, and y is right when m/L rounds to it as the\n"
                + "mode defines (comparisons of m with L*y, ties as the mode says), saturated or wrapped.\n"
                + "The module's ports are checked first: x and y a whole number of lanes of the formats (each lane is\n"
                + "proved), a clock only with --pipeline, the valid interface (clk, rst or rst_n, optional ce, in_valid,\n"
                + "x, out_valid, y) for a clocked core; AXI4-Stream cores and unknown ports are refused.\n"
                + "A pipelined core (--pipeline N) is proved with a sequential SAT run over N + 2 cycles (Yosys sat\n"
                + "-seq): it is reset in the first cycle, out_valid must equal in_valid N cycles earlier in every cycle,\n"
                + "and an input taken and held must come out right N cycles later when in_valid was high with it\n"
                + "(async resets proved as sync, ce held high).\n\n"
                + "Prints 'proved: NAME equals FUNCTION for all 2^W inputs (S s)' and exits 0, or\n"
                + "'counterexample: x_raw=... (value) core y_raw=... expected y_raw=...' (on lane L) or\n"
                + "'counterexample: out_valid is ...' and exits 1.\n"
                + "Needs yosys (Debian: apt-get install yosys).\n\n" + Options.usage()
                + "  --pipeline N      the core's register stages (default 0)\n"
                + "  --verilog FILE    prove this file instead of the generated core\n"
                + "  --top MODULE      the module to prove in FILE\n"
                + "  --timeout S       give Yosys at most S seconds (1 to 86400, default 3600); past them: no verdict,\n"
                + "                    one error line, exit 2\n"
                + "A progress line on stderr names what is being proved before the solver starts.\n\n"
                + "example:\n  ./hsig prove --input Q16.16 --output UQ1.31 --function pytorch\n";
    }

    @Override
    public int run(String[] args, PrintWriter out, PrintWriter err) throws IOException {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, Options.MODEL_FLAGS, false);
        if (a.has("--top") && !a.has("--verilog")) {
            throw new InvalidInputException("--top '" + a.value("--top") + "' names a module of --verilog FILE; give"
                    + " --verilog too");
        }
        Config config = Options.config(a);
        long timeout = a.integer("--timeout", 3600, 1, 86400);
        Datapath d = DatapathPlanner.plan(config);
        int pipeline = InterfaceOptions.pipeline(a, d);
        String top;
        String core;
        if (a.has("--verilog")) {
            Path file = Path.of(a.value("--verilog"));
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("--verilog '" + file + "' is not valid: " + (Files.isDirectory(file)
                        ? "it is a directory, not a Verilog file" : "no such file"));
            }
            core = Files.readString(file);
            Matcher m = MODULE.matcher(core);
            if (!a.has("--top") && !m.find()) {
                throw new InvalidInputException("--verilog '" + file + "' is not valid: it declares no module");
            }
            top = a.has("--top") ? a.value("--top") : m.group(1);
            if (!core.matches("(?s).*\\bmodule\\s+" + Pattern.quote(top) + "\\b.*")) {
                throw new InvalidInputException("--top '" + top + "' is not valid: " + file + " has no module of that name");
            }
        } else {
            top = CoreName.defaultName(config, Interface.of(pipeline));
            core = ModulePrinter.emit(d, top, pipeline, List.of("core under proof"));
        }
        if (!Yosys.installed()) {
            throw new InvalidInputException("prove needs yosys on the PATH (Debian: apt-get install yosys)");
        }
        QFormat in = config.input();
        QFormat outFormat = config.output();
        Prover.Result r;
        Prover.Harness harness;
        try {
            // The ports first: a core connected at the wrong width, or with lanes, a clock or a protocol the proof
            // does not drive, would otherwise be "proved" on the bits Yosys silently kept or gave bogus answers.
            harness = Prover.Harness.of(ModulePorts.of(core, top), in.width(), outFormat.width(), pipeline);
            err.println("prove: " + top + ", 2^" + in.width() + " inputs" + (harness.lanes() > 1 ? " on each of "
                    + harness.lanes() + " lanes" : "") + (pipeline > 0 ? ", " + Plural.of(pipeline + 2, "cycle")
                    + " from reset" : "") + ", Yosys SAT" + (a.has("--timeout") ? ", at most " + timeout + " s" : "")
                    + " ...");
            err.flush();
            r = Prover.prove(core, top, checker(config), in.width(), outFormat.width(), harness, timeout);
        } catch (ExternalTool.TimedOut e) {
            throw new InvalidInputException("no verdict: the proof did not finish within --timeout " + timeout
                    + " s (give it longer, or prove a narrower format)");
        } catch (IOException e) {
            throw new InvalidInputException(e.getMessage());
        }
        String lanes = harness.lanes() > 1 ? " on each of its " + harness.lanes() + " lanes" : "";
        if (r.proved()) {
            String valid = pipeline > 0 ? ", out_valid exactly " + Plural.of(pipeline, "cycle") + " after in_valid"
                    : "";
            out.println(String.format(Locale.ROOT, "proved: %s equals %s for all 2^%d inputs%s%s (%.1f s)", top,
                    config.semantics() == Semantics.EXACT ? config.function().equation() : config.function().name()
                            + " as " + config.semantics().cliName() + " computes it", in.width(), lanes, valid,
                    r.seconds()));
            return 0;
        }
        if (r.validWrong()) {
            out.println("counterexample: out_valid is " + (r.outValid() ? 1 : 0) + " in cycle " + r.cycle()
                    + " after reset, but in_valid was " + (r.outValid() ? 0 : 1) + " " + Plural.of(pipeline, "cycle")
                    + " earlier" + (r.cycle() < pipeline ? " (before that, nothing was valid)" : "")
                    + ": out_valid must follow in_valid by exactly " + Plural.of(pipeline, "cycle") + " (--pipeline "
                    + pipeline + ")");
            return 1;
        }
        long x = in.fromBits(r.xBits().longValue());
        long y = outFormat.fromBits(r.yBits().longValue());
        Rational xv = in.value(x);
        out.println("counterexample: x_raw=" + x + " (" + xv.toDecimalString() + ") core y_raw=" + y
                + " expected y_raw=" + expected(config, x) + (harness.lanes() > 1 ? " on lane "
                        + r.lane() : "") + (pipeline > 0 ? ", " + Plural.of(pipeline, "cycle") + " after the input"
                                : ""));
        return 1;
    }

    /** The specification the core is proven against: the exact function's checker, or the framework's table. */
    private static String checker(Config config) {
        if (config.semantics() == Semantics.EXACT) {
            return SpecChecker.verilog(config, "hsig_spec_check");
        }
        long[] y = Frameworks.outputs(config);
        long min = config.input().minRaw();
        return TableChecker.verilog(config.input(), config.output(), x -> y[(int) (x - min)], config.function().name()
                + " as --semantics " + config.semantics().cliName() + " computes it", "hsig_spec_check");
    }

    private static long expected(Config config, long x) {
        return config.semantics() == Semantics.EXACT ? config.exactReference().outputRaw(x)
                : Frameworks.outputs(config)[(int) (x - config.input().minRaw())];
    }
}
