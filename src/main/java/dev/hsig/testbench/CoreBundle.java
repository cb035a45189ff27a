package dev.hsig.testbench;

import dev.hsig.binarize.Binarizer;
import dev.hsig.c.CPrinter;
import dev.hsig.datapath.Datapath;
import dev.hsig.format.QFormat;
import dev.hsig.hdl.CoreHeader;
import dev.hsig.hdl.Hdl;
import dev.hsig.hdl.Interface;
import dev.hsig.verilog.BinarizerPrinter;
import dev.hsig.verilog.ModulePrinter;
import dev.hsig.vhdl.VhdlBinarizer;
import dev.hsig.vhdl.VhdlPrinter;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code generate} writes for one core, as text: {@code NAME.v} (or {@code NAME.vhd}) for the core
 * directory and {@code NAME_tb.v} (or {@code NAME_tb.vhd}), {@code NAME.hex}, {@code NAME.csv} for the testbench
 * directory. Vectors and expected outputs come from the model, never from the HDL.
 */
public record CoreBundle(String name, Hdl hdl, String core, String testbench, byte[] hex, byte[] csv, int vectorCount,
        boolean exhaustive) {
    /** Inputs up to this many bits get every input word as a vector by default. */
    public static final int EXHAUSTIVE_LIMIT_BITS = 20;
    public static final int DEFAULT_SAMPLED_COUNT = 10_000;
    /** Where the core directory lies as seen from the testbench directory, by default. */
    public static final String DEFAULT_CORE_PATH = "../generated-verilog/";

    /**
     * @param vectors  0 for exhaustive, otherwise the number of sampled vectors (corners plus seeded random)
     * @param corePath the core directory relative to the testbench directory, ending in '/', for the run command
     */
    public static CoreBundle build(Datapath datapath, String name, Interface iface, Hdl hdl, long vectors,
            String corePath) {
        return build(datapath, name, iface, hdl, vectors, corePath, null);
    }

    /**
     * As above, for a core whose outputs {@code binarizer} turns into one bit per lane (null for none): the
     * testbenches are the same, and the vectors hold the model's bit for each output of each lane.
     */
    public static CoreBundle build(Datapath datapath, String name, Interface iface, Hdl hdl, long vectors,
            String corePath, Binarizer binarizer) {
        QFormat in = datapath.config().input();
        QFormat p = datapath.config().output();
        boolean exhaustive = vectors == 0;
        Vectors probabilities = exhaustive ? VectorSet.exhaustive(datapath)
                : VectorSet.sampled(datapath, vectors, VectorSet.DEFAULT_SEED);
        Vectors set = binarizer == null ? probabilities : BinarizedVectors.of(probabilities, binarizer);
        QFormat out = binarizer == null ? p : BinarizedVectors.BIT;
        List<String> coreHeader = CoreHeader.lines(datapath, name, iface, hdl, "hsig core", binarizer);
        String core = binarizer != null ? (hdl == Hdl.VERILOG
                ? BinarizerPrinter.emit(datapath, name, iface, binarizer, coreHeader)
                : VhdlBinarizer.emit(datapath, name, iface, binarizer, coreHeader))
                : hdl == Hdl.VERILOG ? ModulePrinter.emit(datapath, name, iface, coreHeader)
                : VhdlPrinter.emit(datapath, name, iface, coreHeader);
        List<String> tbHeader = new ArrayList<>(CoreHeader.lines(datapath, name, iface, hdl, "Testbench for",
                binarizer));
        String file = corePath + name + hdl.extension();
        if (hdl == Hdl.VERILOG) {
            tbHeader.add("run      : iverilog -g2005 -o " + name + " " + name + "_tb.v " + file + " && vvp -n " + name);
            tbHeader.add("           (from the directory holding " + name + ".hex; Verilator: verilator --binary "
                    + name + "_tb.v " + file + " && ./obj_dir/V" + name + "_tb)");
        } else {
            tbHeader.add("run      : ghdl -a " + file + " " + name + "_tb.vhd && ghdl -e " + name + "_tb && ghdl -r "
                    + name + "_tb");
            tbHeader.add("           (from the directory holding " + name + ".hex)");
        }
        String testbench = hdl == Hdl.VERILOG ? TestbenchEmitter.emit(name, in, out, iface, set.size(), tbHeader)
                : VhdlTestbench.emit(name, in, out, iface, set.size(), tbHeader);
        List<String> vecHeader = new ArrayList<>(CoreHeader.lines(datapath, name, iface, hdl, "Vectors for",
                binarizer));
        vecHeader.add("vectors  : " + (exhaustive ? "every input word" : "corner cases then seeded random inputs (seed "
                + VectorSet.DEFAULT_SEED + ")") + ", expected outputs from the hsig model"
                + (binarizer == null ? "" : "; vector k is output k / " + iface.lanes() + " of lane k mod "
                        + iface.lanes()));
        byte[] csv = binarizer == null ? CsvWriter.bytes(in, out, set)
                : BinarizedVectors.csv(in, p, probabilities, binarizer);
        return new CoreBundle(name, hdl, core, testbench, HexWriter.bytes(vecHeader, in, out, set), csv, set.size(),
                exhaustive);
    }

    public static CoreBundle build(Datapath datapath, String name, Interface iface, long vectors, String corePath) {
        return build(datapath, name, iface, Hdl.VERILOG, vectors, corePath);
    }

    public static CoreBundle build(Datapath datapath, String name, int pipeline, long vectors) {
        return build(datapath, name, Interface.of(pipeline), vectors, DEFAULT_CORE_PATH);
    }

    /**
     * The C golden model, {@code NAME.h}: the same datapath printed as a header-only C99 / C++ function
     * {@code NAME_eval}, with the core's header comment.
     */
    public static String cModel(Datapath datapath, String name, Interface iface) {
        return cModel(datapath, name, iface, null);
    }

    /** As above, with {@code NAME_random} and {@code NAME_binarize} for a binarized core (null for none). */
    public static String cModel(Datapath datapath, String name, Interface iface, Binarizer binarizer) {
        List<String> header = CoreHeader.lines(datapath, name, iface, Hdl.VERILOG, "C model of hsig core", binarizer);
        return CPrinter.emit(datapath, name, header, binarizer == null ? ""
                : dev.hsig.c.CBinarizer.functions(name, binarizer));
    }

    /**
     * The SystemVerilog DPI-C files of a core's golden model, by file name: NAME_dpi.sv (the package), NAME_dpi.c
     * (the wrapper over NAME.h, included too) and NAME_dpi_scoreboard.sv (drives core {@code core} and checks it).
     */
    public static java.util.Map<String, String> dpi(Datapath datapath, String name, String core, Interface iface) {
        List<String> header = CoreHeader.lines(datapath, name, iface, "DPI-C model of hsig core");
        dev.hsig.format.QFormat in = datapath.config().input();
        dev.hsig.format.QFormat out = datapath.config().output();
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put(name + ".h", cModel(datapath, name, iface));
        files.put(name + "_dpi.sv", dev.hsig.dpi.DpiPrinter.svPackage(name, in, out, header));
        files.put(name + "_dpi.c", dev.hsig.dpi.DpiPrinter.cWrapper(name, header));
        files.put(name + "_dpi_scoreboard.sv", dev.hsig.dpi.DpiPrinter.scoreboard(name, core, in, out, iface, header));
        return files;
    }

    /** The golden model as one pure Python 3 module, NAME.py, with the core's header. */
    public static String pythonModel(Datapath datapath, String name, Interface iface) {
        return pythonModel(datapath, name, iface, null);
    }

    /** As above, with {@code random(n, lane)} and {@code binarize} for a binarized core (null for none). */
    public static String pythonModel(Datapath datapath, String name, Interface iface, Binarizer binarizer) {
        List<String> header = CoreHeader.lines(datapath, name, iface, Hdl.VERILOG, "Python model of hsig core",
                binarizer);
        return binarizer == null ? dev.hsig.python.PythonPrinter.emit(datapath, name, header)
                : dev.hsig.python.PythonPrinter.emit(datapath, name, header, binarizer);
    }

    /** The Verilog core's text (the field name of earlier versions). */
    public String verilog() {
        return core;
    }

    public String coreFile() {
        return name + hdl.extension();
    }

    public String testbenchFile() {
        return name + "_tb" + hdl.extension();
    }
}
