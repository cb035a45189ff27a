package dev.hsig.testbench;

import dev.hsig.datapath.Datapath;
import dev.hsig.format.QFormat;
import dev.hsig.verilog.CoreHeader;
import dev.hsig.verilog.VerilogEmitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code generate} writes for one core, as text: {@code NAME.v} for the Verilog directory and
 * {@code NAME_tb.v}, {@code NAME.hex}, {@code NAME.csv} for the testbench directory. Vectors and expected
 * outputs come from the model, never from the HDL.
 */
public record CoreBundle(String name, String verilog, String testbench, byte[] hex, byte[] csv, int vectorCount,
        boolean exhaustive) {
    /** Inputs up to this many bits get every input word as a vector by default. */
    public static final int EXHAUSTIVE_LIMIT_BITS = 20;
    public static final int DEFAULT_SAMPLED_COUNT = 10_000;

    /**
     * @param vectors 0 for exhaustive, otherwise the number of sampled vectors (corners plus seeded random)
     */
    public static CoreBundle build(Datapath datapath, String name, int pipeline, long vectors) {
        QFormat in = datapath.config().input();
        QFormat out = datapath.config().output();
        boolean exhaustive = vectors == 0;
        Vectors set = exhaustive ? VectorSet.exhaustive(datapath)
                : VectorSet.sampled(datapath, vectors, VectorSet.DEFAULT_SEED);
        String verilog = VerilogEmitter.emit(datapath, name, pipeline,
                CoreHeader.lines(datapath, name, pipeline, "Hard-sigmoid core"));
        List<String> tbHeader = new ArrayList<>(CoreHeader.lines(datapath, name, pipeline, "Testbench for"));
        tbHeader.add("run    : iverilog -g2005 -o " + name + " " + name + "_tb.v ../generated-verilog/" + name
                + ".v && vvp -n " + name);
        tbHeader.add("         (from the directory holding " + name + ".hex; Verilator: verilator --binary "
                + name + "_tb.v ../generated-verilog/" + name + ".v)");
        String testbench = TestbenchEmitter.emit(name, in, out, pipeline, set.size(), tbHeader);
        List<String> vecHeader = new ArrayList<>(CoreHeader.lines(datapath, name, pipeline, "Vectors for"));
        vecHeader.add("vectors: " + (exhaustive ? "every input word" : "corner cases then seeded random inputs (seed "
                + VectorSet.DEFAULT_SEED + ")") + ", expected outputs from the hsig model");
        return new CoreBundle(name, verilog, testbench, HexWriter.bytes(vecHeader, in, out, set),
                CsvWriter.bytes(in, out, set), set.size(), exhaustive);
    }
}
