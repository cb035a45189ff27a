package dev.hsig.datapath;

import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;
import java.util.List;

/**
 * The immutable description of a core: nodes in evaluation order, the last one the output port. The model
 * ({@link #evaluate}) and the Verilog emitter both walk {@link #nodes()}.
 *
 * @param config       what the user asked for
 * @param implemented  the function the hardware computes exactly: the requested one, or with {@code --terms}
 *                     its slope rounded to that many signed digits
 * @param linearLow    the lowest raw input handled by the linear path (below it the output is 0)
 * @param linearHigh   the highest raw input handled by the linear path (above it the output is the cap)
 * @param realization  how the slope was realized, in words, for reports and the Verilog header
 * @param errorBound   the proven worst-case error against the exact requested function
 */
public record Datapath(Config config, HardSigmoid implemented, List<Node> nodes, long linearLow, long linearHigh,
        String realization, ErrorBound errorBound) {

    public Datapath {
        nodes = List.copyOf(nodes);
    }

    public Node.Input input() {
        return (Node.Input) nodes.get(0);
    }

    public Node output() {
        return nodes.get(nodes.size() - 1);
    }

    /** Values of every node for one raw input word; the last entry is the output raw word. */
    public long[] evaluateAll(long xRaw) {
        long[] v = new long[nodes.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = NodeEvaluator.evaluate(nodes.get(i), v, xRaw);
        }
        return v;
    }

    /** The output raw word for one input raw word: the bit-accurate model of the generated hardware. */
    public long evaluate(long xRaw) {
        if (!config.input().contains(xRaw)) {
            throw new IllegalArgumentException("raw input " + xRaw + " is outside " + config.input());
        }
        long[] v = evaluateAll(xRaw);
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
}
