package dev.hsig.cli;

import java.io.IOException;
import java.io.PrintWriter;

/** One subcommand of the command line. */
interface Command {
    String name();

    /** One line for the overview. */
    String summary();

    /** Usage with every option, its allowed values and default, and a worked example. */
    String help();

    /**
     * Runs it: results on {@code out}, warnings (one line each, {@code hsig: warning: ...}) on {@code err}; returns
     * the exit status (0, or 1 for a found difference such as a proof's counterexample). Bad input throws.
     */
    int run(String[] args, PrintWriter out, PrintWriter err) throws IOException;
}
