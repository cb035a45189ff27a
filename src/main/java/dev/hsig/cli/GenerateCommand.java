package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.function.Config;
import dev.hsig.testbench.CoreBundle;
import dev.hsig.testbench.VectorSet;
import dev.hsig.format.Plural;
import dev.hsig.verilog.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code ./hsig generate}: the Verilog core, its self-checking testbench and its vector files. */
final class GenerateCommand implements Command {
    static final String DEFAULT_VERILOG_DIR = "generated-verilog";
    static final String DEFAULT_TESTBENCH_DIR = "testbenches";
    private static final Set<String> VALUES = VectorsCommand.union(ModelOptions.NAMES,
            Set.of("--pipeline", "--name", "--verilog-dir", "--testbench-dir", "--vectors"));

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write a Verilog core, its self-checking testbench and vectors";
    }

    @Override
    public String help() {
        return "usage: ./hsig generate [model options] [--pipeline N] [--name NAME] [--verilog-dir DIR]\n"
                + "                       [--testbench-dir DIR] [--vectors exhaustive|N]\n"
                + "       ./hsig generate --all\n\n"
                + "Writes DIR/NAME.v (Verilog-2001) and, in the testbench directory, NAME_tb.v, NAME.hex ($readmemh)\n"
                + "and NAME.csv (the same vectors as ./hsig vectors). Files appear all at once or not at all.\n\n"
                + ModelOptions.usage()
                + "  --pipeline N      0 for a combinational core (default), or 1 to " + Pipeline.MAX_REGISTERS
                + " register stages:\n"
                + "                    latency N cycles, one input per cycle, ports clk, rst, in_valid, out_valid\n"
                + "  --name NAME       module and file name, a Verilog identifier (default: encodes function,\n"
                + "                    formats and options, such as hsig_keras_q4_12_to_uq1_15)\n"
                + "  --verilog-dir DIR     where NAME.v goes (default " + DEFAULT_VERILOG_DIR + ")\n"
                + "  --testbench-dir DIR   where NAME_tb.v, NAME.hex, NAME.csv go (default " + DEFAULT_TESTBENCH_DIR
                + ")\n"
                + "  --vectors V       exhaustive, or N corner-case plus seeded random vectors (default: exhaustive\n"
                + "                    for inputs up to " + CoreBundle.EXHAUSTIVE_LIMIT_BITS + " bits, else "
                + CoreBundle.DEFAULT_SAMPLED_COUNT + ")\n"
                + "  --all             regenerate the committed cores: every preset at Q4.12 -> UQ1.15, combinational\n"
                + "                    and pipelined (" + CommittedCores.PIPELINE + " stages), into the default directories\n\n"
                + "example:\n"
                + "  ./hsig generate --input Q4.12 --output UQ1.15 --function keras --name k\n"
                + "  cd testbenches && iverilog -g2005 -o k k_tb.v ../generated-verilog/k.v && vvp -n k\n";
    }

    @Override
    public void run(String[] args, PrintWriter out) throws IOException {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, Set.of("--all"), false);
        if (a.has("--all")) {
            for (String o : VALUES) {
                if (a.has(o)) {
                    throw new InvalidInputException("--all regenerates the committed cores with fixed settings;"
                            + " it does not take " + o);
                }
            }
            AtomicFiles files = new AtomicFiles();
            CommittedCores.files().forEach(files::add);
            files.commit();
            out.println("wrote " + files.paths().size() + " files for " + CommittedCores.all().size()
                    + " cores into " + DEFAULT_VERILOG_DIR + "/ and " + DEFAULT_TESTBENCH_DIR + "/");
            return;
        }
        Config config = ModelOptions.config(a);
        int pipeline = (int) a.integer("--pipeline", 0, 0, Pipeline.MAX_REGISTERS);
        String name = a.has("--name") ? CoreName.validate(a.value("--name")) : CoreName.defaultName(config, pipeline);
        long vectors = vectorCount(a.value("--vectors"), config);
        Path verilogDir = directory(a, "--verilog-dir", DEFAULT_VERILOG_DIR);
        Path testbenchDir = directory(a, "--testbench-dir", DEFAULT_TESTBENCH_DIR);
        AtomicFiles files = new AtomicFiles();
        stage(files, config, name, pipeline, vectors, verilogDir, testbenchDir, out);
        files.commit();
        for (Path p : files.paths()) {
            out.println("  wrote " + p);
        }
    }

    private static void stage(AtomicFiles files, Config config, String name, int pipeline, long vectors,
            Path verilogDir, Path testbenchDir, PrintWriter out) {
        Datapath datapath = DatapathPlanner.plan(config);
        CoreBundle bundle = CoreBundle.build(datapath, name, pipeline, vectors);
        files.add(verilogDir.resolve(name + ".v"), bundle.verilog());
        files.add(testbenchDir.resolve(name + "_tb.v"), bundle.testbench());
        files.add(testbenchDir.resolve(name + ".hex"), bundle.hex());
        files.add(testbenchDir.resolve(name + ".csv"), bundle.csv());
        out.println(name + ": " + config.function().formula() + ", " + config.input() + " -> " + config.output() + ", "
                + config.rounding().cliName() + (config.approximate() ? ", --terms " + config.terms() : ""));
        out.println("  " + Plural.of(datapath.adders(), "adder") + ", " + Plural.of(datapath.comparators(), "comparator")
                + ", widest word "
                + datapath.maxWidth() + " bits, latency " + pipeline + (pipeline == 1 ? " cycle" : " cycles")
                + ", error " + datapath.errorBound() + ", " + bundle.vectorCount() + " vectors"
                + (bundle.exhaustive() ? " (exhaustive)" : ""));
    }

    private static Path directory(Arguments a, String option, String defaultDir) {
        String text = a.value(option, defaultDir);
        if (text.isBlank() || text.indexOf('\0') >= 0) {
            throw new InvalidInputException(option + " '" + text + "' is not valid: expected a directory path");
        }
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException(option + " '" + text + "' is not valid: expected a directory path");
        }
    }

    /** 0 means exhaustive. */
    static long vectorCount(String text, Config config) {
        int bits = config.input().width();
        if (text == null) {
            return bits <= CoreBundle.EXHAUSTIVE_LIMIT_BITS ? 0 : CoreBundle.DEFAULT_SAMPLED_COUNT;
        }
        if (text.equals("exhaustive")) {
            if (bits > VectorSet.MAX_EXHAUSTIVE_BITS) {
                throw new InvalidInputException("--vectors exhaustive with a " + bits + "-bit input would write 2^" + bits
                        + " vectors: allowed for inputs up to " + VectorSet.MAX_EXHAUSTIVE_BITS
                        + " bits; give a count instead");
            }
            return 0;
        }
        try {
            long n = Long.parseLong(text);
            if (n >= 1 && n <= (1 << 24)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("--vectors '" + text + "' is not valid: expected exhaustive or a count from 1 to "
                + (1 << 24));
    }

}
