package dev.hsig.datapath;

import dev.hsig.format.QFormat;
import dev.hsig.spec.ExactReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the table implementation: one constant table indexed by the input word's bits, whose entries are the exact
 * reference's output words ({@link ExactReference}, rational arithmetic that knows nothing of any datapath). The
 * evaluators and printers treat it as any other {@link Node.Table}, so the table core is modelled, printed,
 * simulated and proven exactly as the shift-add core is.
 */
final class TablePlanner {
    private TablePlanner() {
    }

    /** The nodes: x, its bits as an unsigned index (for a signed input), the table, the output. */
    static NodeBuilder build(ExactReference reference) {
        return build(reference.input(), reference.output(), reference::outputRaw, "the exact f(x) rounded "
                + reference.rounding().cliName() + ", from the exact rational reference");
    }

    /** A table of any reference's output words: the exact one, or a framework's ({@code source} says which). */
    static NodeBuilder build(QFormat in, QFormat out, java.util.function.LongUnaryOperator outputRaw, String source) {
        NodeBuilder b = new NodeBuilder(false);
        int index = b.add(new Node.Input("x", in.width(), in.signed(), "raw input, " + in));
        if (in.signed()) {
            index = b.add(new Node.Sum("xbits", in.width(), false, List.of(Node.Term.of(index)), 0,
                    "x's bits as the unsigned table index"));
        }
        List<Long> entries = new ArrayList<>((int) in.count());
        for (long bits = 0; bits < in.count(); bits++) {
            entries.add(out.toBits(outputRaw.applyAsLong(in.fromBits(bits))));
        }
        int table = b.add(new Node.Table("ytab", out.width(), index, entries, "f(x) for every input word, "
                + out + " bits"));
        b.add(new Node.Select("y", out.width(), out.signed(), Choice.Leaf.of(table), "raw output, " + out));
        b.note("y = table(x): " + entries.size() + " entries, each " + source);
        return b;
    }
}
