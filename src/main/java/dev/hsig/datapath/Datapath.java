package dev.hsig.datapath;

import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;
import java.util.List;

/**
 * The immutable description of a core: nodes in evaluation order, the last one the output port. The model
 * ({@link #evaluate}) and the Verilog emitter both walk {@link #nodes()}.
 */
public final class Datapath {
    private final Config config;
    private final HardSigmoid implemented;
    private final List<Node> nodes;
    private final long linearLow;
    private final long linearHigh;
    private final String realization;
    private final ErrorBound errorBound;
    private final ScalarProgram program;

    /**
     * @param config       what the user asked for
     * @param implemented  the function the hardware computes exactly: the requested one, or with {@code --terms}
     *                     its slope rounded to that many signed digits
     * @param linearLow    the lowest raw input handled by the linear path (below it the output is 0)
     * @param linearHigh   the highest raw input handled by the linear path (above it the output is the cap)
     * @param realization  how the slope was realized, in words, for reports and the Verilog header
     * @param errorBound   the proven worst-case error against the exact requested function
     */
    public Datapath(Config config, HardSigmoid implemented, List<Node> nodes, long linearLow, long linearHigh,
            String realization, ErrorBound errorBound) {
        this.config = config;
        this.implemented = implemented;
        this.nodes = List.copyOf(nodes);
        this.linearLow = linearLow;
        this.linearHigh = linearHigh;
        this.realization = realization;
        this.errorBound = errorBound;
        this.program = new ScalarProgram(this.nodes);
    }

    public Config config() {
        return config;
    }

    public HardSigmoid implemented() {
        return implemented;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public long linearLow() {
        return linearLow;
    }

    public long linearHigh() {
        return linearHigh;
    }

    public String realization() {
        return realization;
    }

    public ErrorBound errorBound() {
        return errorBound;
    }

    /**
     * Values of every node (every wire of the generated Verilog) for one raw input word, in node order; the last
     * entry is the output raw word. For debugging a core against a waveform.
     */
    public long[] evaluateAll(long xRaw) {
        return program.run(xRaw);
    }

    /** The output raw word for one input raw word: the bit-accurate model of the generated hardware. */
    public long evaluate(long xRaw) {
        if (xRaw < config.input().minRaw() || xRaw > config.input().maxRaw()) {
            throw new IllegalArgumentException("raw input " + xRaw + " is outside " + config.input());
        }
        long[] v = program.run(xRaw);
        return v[v.length - 1];
    }

    public int adders() {
        return nodes.stream().mapToInt(Node::adders).sum();
    }

    public long comparators() {
        return nodes.stream().filter(n -> n instanceof Node.Compare).count();
    }

    /** The widest internal wire, in bits. */
    public int maxWidth() {
        return nodes.stream().mapToInt(Node::width).max().orElse(0);
    }

    @Override
    public String toString() {
        return "Datapath[" + config.options() + ": " + realization + "]";
    }
}
