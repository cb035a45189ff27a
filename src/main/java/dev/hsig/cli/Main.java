package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.Version;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code hsig} command line. Bad input: one line {@code hsig: error: ...} on stderr and exit status 2;
 * an internal failure: one line and exit status 1; never a stack trace.
 */
public final class Main {
    private static final Map<String, Command> COMMANDS = new TreeMap<>();

    static {
        for (Command c : new Command[] {new VectorsCommand(), new EvalCommand(), new GenerateCommand(), new ReportCommand(),
            new PlotCommand(), new BenchCommand(), new SynthCommand(), new ProveCommand(), new RandomCommand()}) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one invocation, writing its normal output to {@code out}, errors to {@code err}; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
                out.print(overview());
                return 0;
            }
            if (args[0].equals("--version")) {
                out.println("hsig " + Version.VERSION);
                return 0;
            }
            Command command = COMMANDS.get(args[0]);
            if (command == null) {
                throw new InvalidInputException("unknown command '" + args[0] + "': expected one of "
                        + String.join(", ", COMMANDS.keySet()) + " (see ./hsig --help)");
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            if (rest.contains("--help") || rest.contains("-h")) {
                out.print(command.help());
                return 0;
            }
            return command.run(args, out, err);
        } catch (InvalidInputException e) {
            out.flush();
            err.println("hsig: error: " + printable(e.getMessage()));
            return 2;
        } catch (UncheckedIOException e) {
            out.flush();
            err.println("hsig: error: " + oneLine(e.getCause()));
            return 1;
        } catch (RuntimeException | IOException | Error e) {
            out.flush();
            err.println("hsig: internal error: " + oneLine(e));
            return 1;
        }
    }

    /** Control characters in an echoed value are shown escaped, so an error is always exactly one line. */
    static String printable(String message) {
        StringBuilder s = new StringBuilder();
        for (char c : message.toCharArray()) {
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
        return printable(m);
    }

    static String overview() {
        StringBuilder s = new StringBuilder("""
                hsig %s: correctly rounded shift-add cores for hard activations (hard sigmoid, hard tanh, ReLU6,
                hard swish, PLAN, clipped lines and piecewise-linear curves) in Verilog and VHDL, with their model

                usage: ./hsig COMMAND [options]      ./hsig COMMAND --help (or -h) for a command's options

                commands:
                """.formatted(Version.VERSION));
        for (Command c : COMMANDS.values()) {
            s.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        }
        s.append("""

                  --help, -h  this text
                  --version   the version

                example:
                  ./hsig generate --input Q4.12 --output UQ1.15 --function keras --name k
                """);
        return s.toString();
    }
}
