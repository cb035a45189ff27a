package dev.hsig.datapath;

import dev.hsig.area.Implementation;
import dev.hsig.spec.Activation;
import dev.hsig.spec.Config;
import java.util.List;

/**
 * The immutable description of a core: nodes in evaluation order, the last one the output. The models
 * ({@code dev.hsig.model}) evaluate it and the printers ({@code dev.hsig.verilog}, {@code dev.hsig.vhdl},
 * {@code dev.hsig.c}) print it; none of them adds arithmetic of its own.
 */
public final class Datapath {
    private final Config config;
    private final Activation implemented;
    private final List<Node> nodes;
    private final Regions regions;
    private final List<String> realization;
    private final ErrorBound errorBound;
    private final List<Quotient> quotients;
    private final Build build;

    /**
     * How the core is built and why: {@code implementation} is never {@code AUTO} here, and {@code why} says what
     * chose it (the option, or auto's estimates), for the header, the summary and the report.
     */
    public record Build(Implementation implementation, String why) {
    }

    /**
     * A proven fact about a divider, which an evaluator may use to compute the same output in fewer operations:
     * for every input where the output depends on it, {@code numerator} is in [0, numeratorMax] and node
     * {@code node} is floor(numerator / divisor) or one less, and everything that reads it gives the same output for
     * either value (the remainder that follows corrects it). So the exact floor(numerator / divisor) may stand in
     * for the node's value there.
     */
    public record Quotient(int node, int numerator, long divisor, long numeratorMax) {
    }

    /**
     * @param config      what the user asked for
     * @param implemented the function the hardware computes exactly: the requested one, or with {@code --terms}
     *                    its slope rounded to that many signed digits
     * @param regions     the input regions and where each output comes from
     * @param realization how the values are computed, step by step, for reports and the HDL header
     * @param errorBound  the proven worst-case error against the exact requested function
     * @param quotients   the dividers' quotient nodes and what is proven about them
     * @param build       the implementation these nodes are, and what chose it
     */
    public Datapath(Config config, Activation implemented, List<Node> nodes, Regions regions, List<String> realization,
            ErrorBound errorBound, List<Quotient> quotients, Build build) {
        this.config = config;
        this.implemented = implemented;
        this.nodes = List.copyOf(nodes);
        this.regions = regions;
        this.realization = List.copyOf(realization);
        this.errorBound = errorBound;
        this.quotients = List.copyOf(quotients);
        this.build = build;
    }

    public Config config() {
        return config;
    }

    public Activation implemented() {
        return implemented;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Regions regions() {
        return regions;
    }

    public List<String> realization() {
        return realization;
    }

    public ErrorBound errorBound() {
        return errorBound;
    }

    /** The dividers' quotient nodes, with what is proven about them. */
    public List<Quotient> quotients() {
        return quotients;
    }

    /**
     * The same datapath with other nodes, for tests that corrupt one on purpose. What was proven about the old
     * nodes is dropped, so no evaluator takes a shortcut past the corruption.
     */
    public Datapath withNodes(List<Node> other) {
        return new Datapath(config, implemented, other, regions, realization, errorBound, List.of(), build);
    }

    public Build build() {
        return build;
    }

    public int adders() {
        return nodes.stream().mapToInt(Node::adders).sum();
    }

    /**
     * Adder bits: the bits the adders compute (see {@link Node.Sum#adderWidth}), the figure that tracks area (LUTs)
     * better than a count of adders, since more terms make wider words.
     */
    public long adderBits() {
        return nodes.stream().mapToLong(n -> n instanceof Node.Sum s ? s.adderWidth() : 0).sum();
    }

    public long comparators() {
        // A sign test is a wire off an adder that is counted already.
        return nodes.stream().filter(n -> n instanceof Node.Compare c && !c.signTest()).count();
    }

    /** Variable-by-variable multipliers: hard-swish's one, none elsewhere. */
    public long multipliers() {
        return nodes.stream().filter(n -> n instanceof Node.Product).count();
    }

    /** The widest internal wire, in bits. */
    public int maxWidth() {
        return nodes.stream().mapToInt(Node::width).max().orElse(0);
    }

    /** Whether every input gives the same output. */
    public boolean constant() {
        return regions.regions().size() == 1 && regions.regions().get(0).value() instanceof Region.Constant;
    }

    @Override
    public String toString() {
        return "Datapath[" + config.options() + ": " + String.join("; ", realization) + "]";
    }
}
