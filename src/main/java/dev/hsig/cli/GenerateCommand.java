package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.binarize.Binarizer;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.hdl.CoreHeader;
import dev.hsig.hdl.Hdl;
import dev.hsig.hdl.Interface;
import dev.hsig.spec.Config;
import dev.hsig.testbench.CoreBundle;
import dev.hsig.testbench.VectorSet;
import dev.hsig.text.Plural;
import dev.hsig.timing.DelayModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code ./hsig generate}: the core, its self-checking testbench and its vector files. */
final class GenerateCommand implements Command {
    static final String DEFAULT_CORE_DIR = "generated-verilog";
    static final String DEFAULT_TESTBENCH_DIR = "testbenches";
    static final long MAX_VECTORS = 1L << VectorSet.MAX_EXHAUSTIVE_BITS;
    private static final Set<String> VALUES = Options.union(Options.union(Options.union(Options.MODEL,
            InterfaceOptions.VALUES), BinarizeOptions.VALUES), Set.of("--name", "--verilog-dir", "--core-dir", "--testbench-dir", "--vectors", "--hdl"));
    private static final Set<String> FLAGS = Options.union(Options.union(InterfaceOptions.FLAGS, Options.MODEL_FLAGS),
            Set.of("--all", "--c-model", "--python-model", "--dpi"));

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write a core, its self-checking testbench and vectors";
    }

    @Override
    public String help() {
        return "usage: ./hsig generate [model options] [interface options] [--hdl verilog|vhdl] [--name NAME]\n"
                + "                       [--core-dir DIR] [--testbench-dir DIR] [--vectors exhaustive|N] [--c-model]\n"
                + "                       [--python-model] [--dpi]\n"
                + "       ./hsig generate --all\n\n"
                + "Writes DIR/NAME.v (Verilog-2001; NAME.vhd, VHDL-93, with --hdl vhdl) and, in the testbench\n"
                + "directory, NAME_tb.v (NAME_tb.vhd), NAME.hex ($readmemh, textio) and NAME.csv (the same vectors as\n"
                + "./hsig vectors). Files appear all at once or not at all.\n\n"
                + Options.usage() + InterfaceOptions.usage() + BinarizeOptions.usage()
                + "  --hdl L           verilog (default) or vhdl: the same datapath, printed in that language\n"
                + "  --name NAME       module and file name, an identifier (default: encodes function, formats\n"
                + "                    and options, such as hsig_keras_q4_12_to_uq1_15)\n"
                + "  --core-dir DIR    where NAME.v goes (default " + DEFAULT_CORE_DIR + "; --verilog-dir is the same)\n"
                + "  --testbench-dir DIR   where NAME_tb.v, NAME.hex, NAME.csv go (default " + DEFAULT_TESTBENCH_DIR
                + ")\n"
                + "  --vectors V       exhaustive, or N corner-case plus seeded random vectors, 1 to " + MAX_VECTORS
                + "\n                    (default: exhaustive for inputs up to " + CoreBundle.EXHAUSTIVE_LIMIT_BITS
                + " bits, else " + CoreBundle.DEFAULT_SAMPLED_COUNT + ")\n"
                + "  --c-model         also write NAME.h into the testbench directory: the golden model as a header-only\n"
                + "                    C99 / C++ function, int64_t NAME_eval(int64_t x_raw), from the same datapath\n"
                + "  --python-model    also write NAME.py into the testbench directory: the golden model as one pure\n"
                + "                    Python 3 module (eval, eval_bits, exact values as Fraction), for cocotb\n"
                + "  --dpi             also write NAME_dpi.sv (a package importing the C model by DPI-C), NAME_dpi.c,\n"
                + "                    NAME.h and NAME_dpi_scoreboard.sv (checks the core against the model) into the\n"
                + "                    testbench directory, for a SystemVerilog or UVM testbench (Verilog cores)\n"
                + "  --all             regenerate the committed cores: every preset at " + CommittedCores.INPUT
                + " to its own\n                    output format, combinational and pipelined ("
                + CommittedCores.PIPELINE + " stages); keras also as\n"
                + "                    AXI4-Stream (4 lanes) and VHDL; each with its testbench, vectors and C model,\n"
                + "                    and keras's Python and DPI-C models and Verilator harness, into the default\n"
                + "                    directories\n\n"
                + "example:\n"
                + "  ./hsig generate --input Q4.12 --output UQ1.15 --function keras --name k\n"
                + "  cd testbenches && iverilog -g2005 -o k k_tb.v ../generated-verilog/k.v && vvp -n k\n";
    }

    @Override
    public int run(String[] args, PrintWriter out, PrintWriter err) throws IOException {
        Arguments a = Arguments.parse(name(), args, 1, VALUES, FLAGS, false);
        if (a.has("--all")) {
            for (String o : Options.union(VALUES, Options.union(InterfaceOptions.FLAGS, Set.of("--c-model",
                    "--python-model", "--dpi")))) {
                if (a.has(o)) {
                    throw new InvalidInputException("--all regenerates the committed cores with fixed settings;"
                            + " it does not take " + o);
                }
            }
            AtomicFiles files = new AtomicFiles();
            CommittedCores.files().forEach(files::add);
            files.commit();
            out.println("wrote " + files.paths().size() + " files for " + CommittedCores.all().size()
                    + " cores into " + DEFAULT_CORE_DIR + "/ and " + DEFAULT_TESTBENCH_DIR + "/");
            return 0;
        }
        if (a.has("--verilog-dir") && a.has("--core-dir")) {
            throw new InvalidInputException("--verilog-dir and --core-dir are the same option: give one of them");
        }
        Config config = BinarizeOptions.config(a, Options.config(a));
        long vectors = vectorCount(a.value("--vectors"), config);
        Datapath datapath = DatapathPlanner.plan(config);
        Interface iface = InterfaceOptions.of(a, datapath);
        Binarizer binarizer = BinarizeOptions.of(a, config, iface);
        Hdl hdl = Hdl.parse(a.value("--hdl", "verilog"));
        String name = a.has("--name") ? CoreName.validate(a.value("--name"))
                : CoreName.defaultName(config, iface) + BinarizeOptions.nameSuffix(binarizer)
                        + (hdl == Hdl.VHDL ? "_vhdl" : "");
        Path coreDir = directory(a, a.has("--core-dir") ? "--core-dir" : "--verilog-dir", DEFAULT_CORE_DIR);
        Path testbenchDir = directory(a, "--testbench-dir", DEFAULT_TESTBENCH_DIR);
        if (binarizer != null) {
            if (a.has("--dpi")) {
                throw new InvalidInputException("--dpi is not valid with --binarize: its scoreboard checks p, not the"
                        + " bits; --c-model (NAME_binarize), --python-model (binarize) and the Java API (Core.bit) model"
                        + " the bits");
            }
        }
        CoreBundle bundle = CoreBundle.build(datapath, name, iface, hdl, vectors, relative(testbenchDir, coreDir),
                binarizer);
        AtomicFiles files = new AtomicFiles();
        files.add(coreDir.resolve(bundle.coreFile()), bundle.core());
        files.add(testbenchDir.resolve(bundle.testbenchFile()), bundle.testbench());
        files.add(testbenchDir.resolve(name + ".hex"), bundle.hex());
        files.add(testbenchDir.resolve(name + ".csv"), bundle.csv());
        if (a.has("--c-model")) {
            files.add(testbenchDir.resolve(name + ".h"), CoreBundle.cModel(datapath, name, iface, binarizer));
        }
        if (a.has("--dpi")) {
            if (hdl != Hdl.VERILOG) {
                throw new InvalidInputException("--dpi is not valid with --hdl vhdl: the scoreboard instantiates the"
                        + " Verilog core (the DPI-C package itself works with any core)");
            }
            CoreBundle.dpi(datapath, name, name, iface).forEach((file, text) -> {
                if (!(file.equals(name + ".h") && a.has("--c-model"))) {
                    files.add(testbenchDir.resolve(file), text);
                }
            });
        }
        if (a.has("--python-model")) {
            files.add(testbenchDir.resolve(name + ".py"), CoreBundle.pythonModel(datapath,
                    dev.hsig.python.PythonPrinter.moduleName(name), iface, binarizer));
        }
        files.commit();
        Warnings.print(datapath, err);
        for (String line : summary(datapath, name, iface, bundle)) {
            out.println(line);
        }
        if (binarizer != null) {
            out.println("  binarized " + binarizer.mode().cliName() + ": one bit per lane, 1 for +1"
                    + (binarizer.stochastic() ? ", P(+1) = p_raw / 2^" + binarizer.bits() + " exactly over each period of 2^"
                            + binarizer.bits() + " outputs, seed " + binarizer.seed() : ", when p >= 1/2"));
        }
        if (a.has("--target-mhz")) {
            DelayModel model = DelayModel.ICE40_HX8K;
            out.println(String.format(Locale.ROOT, "  --target-mhz %s on %s: %s, predicted %.1f MHz by the delay model"
                    + " (./hsig synth --target-mhz places and routes it)", a.value("--target-mhz").trim(),
                    model.device(), Plural.of(iface.pipeline(), "stage"), model.predictedMhz(datapath,
                    iface.pipeline())));
        }
        for (Path p : files.paths()) {
            out.println("  wrote " + p);
        }
        return 0;
    }

    static List<String> summary(Datapath d, String name, Interface iface, CoreBundle bundle) {
        Config c = d.config();
        List<String> lines = new ArrayList<>();
        lines.add(name + ": " + c.function().equation() + ", " + c.input() + " -> " + c.output() + ", "
                + c.rounding().cliName() + (c.overflow() == dev.hsig.arithmetic.Overflow.WRAP ? ", overflow wrap" : "")
                + (c.approximate() ? ", --terms " + c.terms() : ""));
        lines.add("  built as " + CoreHeader.build(d));
        lines.add("  " + CoreHeader.cost(d) + ", widest word " + d.maxWidth() + " bits, latency "
                + Plural.of(iface.latency(), "cycle") + ", error " + d.errorBound() + ", "
                + Plural.of(bundle.vectorCount(), "vector") + (bundle.exhaustive() ? " (exhaustive)" : ""));
        return lines;
    }

    /** The core directory as seen from the testbench directory, for the run command in the testbench header. */
    static String relative(Path testbenchDir, Path coreDir) {
        Path rel = testbenchDir.toAbsolutePath().normalize().relativize(coreDir.toAbsolutePath().normalize());
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "" : s + "/";
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
            if (n > config.input().count() && n <= MAX_VECTORS) {
                // More than there are input words: the rest could only repeat them.
                throw new InvalidInputException("--vectors '" + text + "' is more than the " + config.input().count()
                        + " words of the input " + config.input() + ": give at most " + config.input().count()
                        + ", or exhaustive");
            }
            if (n >= 1 && n <= MAX_VECTORS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("--vectors '" + text + "' is not valid: expected exhaustive or a count from 1 to "
                + MAX_VECTORS);
    }
}
