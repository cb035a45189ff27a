package dev.hsig.testbench;

import dev.hsig.datapath.Datapath;
import dev.hsig.format.QFormat;
import dev.hsig.hdl.CoreHeader;
import dev.hsig.hdl.Interface;
import dev.hsig.verilog.ModulePrinter;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code generate} writes for one core, as text: {@code NAME.v} for the core directory and
 * {@code NAME_tb.v}, {@code NAME.hex}, {@code NAME.csv} for the testbench directory. Vectors and expected
 * outputs come from the model, never from the HDL.
 */
public record CoreBundle(String name, String verilog, String testbench, byte[] hex, byte[] csv, int vectorCount,
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
    public static CoreBundle build(Datapath datapath, String name, Interface iface, long vectors, String corePath) {
        QFormat in = datapath.config().input();
        QFormat out = datapath.config().output();
        boolean exhaustive = vectors == 0;
        Vectors set = exhaustive ? VectorSet.exhaustive(datapath)
                : VectorSet.sampled(datapath, vectors, VectorSet.DEFAULT_SEED);
        String verilog = ModulePrinter.emit(datapath, name, iface, CoreHeader.lines(datapath, name, iface, "hsig core"));
        List<String> tbHeader = new ArrayList<>(CoreHeader.lines(datapath, name, iface, "Testbench for"));
        tbHeader.add("run      : iverilog -g2005 -o " + name + " " + name + "_tb.v " + corePath + name + ".v && vvp -n "
                + name);
        tbHeader.add("           (from the directory holding " + name + ".hex; Verilator: verilator --binary "
                + name + "_tb.v " + corePath + name + ".v && ./obj_dir/V" + name + "_tb)");
        String testbench = TestbenchEmitter.emit(name, in, out, iface, set.size(), tbHeader);
        List<String> vecHeader = new ArrayList<>(CoreHeader.lines(datapath, name, iface, "Vectors for"));
        vecHeader.add("vectors  : " + (exhaustive ? "every input word" : "corner cases then seeded random inputs (seed "
                + VectorSet.DEFAULT_SEED + ")") + ", expected outputs from the hsig model");
        return new CoreBundle(name, verilog, testbench, HexWriter.bytes(vecHeader, in, out, set),
                CsvWriter.bytes(in, out, set), set.size(), exhaustive);
    }

    public static CoreBundle build(Datapath datapath, String name, int pipeline, long vectors) {
        return build(datapath, name, Interface.of(pipeline), vectors, DEFAULT_CORE_PATH);
    }
}
