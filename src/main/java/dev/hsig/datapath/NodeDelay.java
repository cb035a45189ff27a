package dev.hsig.datapath;

import java.util.List;

/**
 * How long a node's logic takes, in tenths of a ns on an iCE40 (read from nextpnr's critical-path reports): a LUT
 * with the routing into it ~0.9 ns, a carry-chain cell ~0.1 ns; whole tenths keep the stage balancing exact. Levels
 * are not alike: a 4-bit adder or a 16-entry table is one LUT's worth, a 17-bit adder a LUT and a long chain, and a
 * wide subtraction adds the inverter in front of its chain. The pipeline balances these estimates between
 * registers; the delay model scales them per device.
 */
final class NodeDelay implements Node.Visitor<Integer> {
    static final int LUT = 9;
    static final int CARRY_BIT = 1;
    static final int SMALL_SUM_BITS = 4;

    private final List<Node> nodes;

    NodeDelay(List<Node> nodes) {
        this.nodes = nodes;
    }

    int of(int node) {
        return nodes.get(node).accept(this);
    }

    @Override
    public Integer input(Node.Input n) {
        return 0;
    }

    @Override
    public Integer sum(Node.Sum s) {
        if (s.adders() == 0) {
            return 0;
        }
        // A sum of a few bits (the remainder network's) is LUT-sized: ABC folds its inverter into the LUTs around it.
        // A wide subtraction keeps an inverter LUT in front of its chain.
        boolean inverted = s.terms().stream().anyMatch(Node.Term::negate) && s.width() > SMALL_SUM_BITS;
        return LUT + CARRY_BIT * s.adderWidth() + (inverted ? LUT : 0);
    }

    @Override
    public Integer product(Node.Product p) {
        // No hard multiplier on an HX8K: rows of adders, about one per two bits of the narrower operand, whose
        // chains overlap as chained sums do (hard-swish's 16 x 17 product: ~13 ns between registers, measured).
        int rows = Math.max(1, Math.min(nodes.get(p.a()).width(), nodes.get(p.b()).width()) / 2);
        return (rows + 1) * LUT + CARRY_BIT * p.width();
    }

    @Override
    public Integer compare(Node.Compare c) {
        // Yosys gives a comparison against a constant the full width of carry chain, an inverter LUT in front and a
        // LUT to bring the carry out: on iCE40 the slowest node of a clipped line (5.8 ns between registers for
        // hard-tanh's, where keras's 17-bit adder pair takes 4.5).
        int w = nodes.get(c.source()).width();
        if (c.signTest()) {
            return 0;
        }
        // Up to Compare.LOGIC_BITS the printers write it as plain logic: a tree of LUTs, no chain.
        return w <= Node.Compare.LOGIC_BITS ? LUT * lutLevels(w) : 3 * LUT + CARRY_BIT * w;
    }

    @Override
    public Integer table(Node.Table t) {
        return LUT * lutLevels(nodes.get(t.index()).width());
    }

    @Override
    public Integer tieToEven(Node.TieToEven t) {
        // An AND of the dropped bits (and a remainder test): a tree of 4-input LUTs.
        return LUT * lutLevels(t.shift() + (t.remainder() >= 0 ? 2 : 0));
    }

    @Override
    public Integer select(Node.Select s) {
        return LUT * s.depth();
    }

    /** Levels of 4-input LUTs for a function of {@code inputs} bits: one, then one more per three further bits. */
    private static int lutLevels(int inputs) {
        return inputs <= 4 ? 1 : 1 + (inputs - 4 + 2) / 3;
    }
}
