package dev.hsig.datapath;

import dev.hsig.format.QFormat;
import java.util.List;
import java.util.Map;

/**
 * The output mux: comparators on the raw input at the region boundaries, arranged as a balanced tree of two-way
 * choices. Where one side of a split is all constants the flag selects that side, so the hard sigmoid reads
 * {@code below ? 0 : above ? cap : linear}.
 */
final class SelectPlanner {
    private final NodeBuilder b;
    private final int xs;
    private final QFormat in;
    private final QFormat out;
    private final List<Region> regions;
    private final Map<Region.Value, Integer> values;

    private SelectPlanner(NodeBuilder b, int xs, QFormat in, QFormat out, List<Region> regions,
            Map<Region.Value, Integer> values) {
        this.b = b;
        this.xs = xs;
        this.in = in;
        this.out = out;
        this.regions = regions;
        this.values = values;
    }

    static Choice plan(NodeBuilder b, int xs, QFormat in, QFormat out, List<Region> regions,
            Map<Region.Value, Integer> values) {
        return new SelectPlanner(b, xs, in, out, regions, values).tree(0, regions.size() - 1);
    }

    private Choice tree(int i, int j) {
        if (i == j) {
            Region.Value v = regions.get(i).value();
            return v instanceof Region.Constant c ? Choice.Leaf.constant(c.raw()) : Choice.Leaf.of(values.get(v));
        }
        int s = i + (j - i - 1) / 2; // split after region s: balanced, the smaller half on the left
        Choice left = tree(i, s);
        Choice right = tree(s + 1, j);
        long first = regions.get(s + 1).from();
        long last = regions.get(s).to();
        if (allConstant(i, s)) {
            String name = i == 0 && s == 0 ? "below" : "lt" + (s + 1);
            int flag = compare(name, true, first, "x < " + in.value(first).toDecimalString() + describe(left));
            return new Choice.Branch(flag, left, right);
        }
        String name = j == regions.size() - 1 && s + 1 == j ? "above" : "gt" + s;
        int flag = compare(name, false, last, "x > " + in.value(last).toDecimalString() + describe(right));
        return new Choice.Branch(flag, right, left);
    }

    private boolean allConstant(int i, int j) {
        for (int k = i; k <= j; k++) {
            if (!(regions.get(k).value() instanceof Region.Constant)) {
                return false;
            }
        }
        return true;
    }

    private String describe(Choice c) {
        if (c instanceof Choice.Leaf leaf) {
            return leaf.isConstant() ? ": output " + out.value(leaf.constant()).toDecimalString()
                    : ": the value " + b.node(leaf.node()).name();
        }
        return "";
    }

    /**
     * x &lt; K is the sign of N = x - K where the datapath computes that offset anyway, exact over the whole input
     * (ValuePlanner): Yosys then shares one carry chain, where a comparator on x would build its own (keras at
     * Q4.12: 104 SB_LUT4 instead of 119).
     */
    private int compare(String name, boolean less, long constant, String comment) {
        java.util.OptionalInt offset = less ? b.sharedIndex(ValuePlanner.offsetKey(-constant))
                : java.util.OptionalInt.empty();
        if (offset.isPresent()) {
            int n = offset.getAsInt();
            return b.shared(List.of("compare", less, constant), () -> {
                b.note("x < " + in.value(constant).toDecimalString() + " is the sign of N, kept exact over every input:"
                        + " no comparator of its own");
                return b.add(new Node.Compare(b.unique(name), n, true, 0, comment + " (the sign of "
                        + b.node(n).name() + ")"));
            });
        }
        return b.shared(List.of("compare", less, constant), () -> b.add(new Node.Compare(b.unique(name), xs, less,
                constant, comment)));
    }
}
