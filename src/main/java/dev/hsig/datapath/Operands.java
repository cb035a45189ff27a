package dev.hsig.datapath;

import java.util.ArrayList;
import java.util.List;

/** The nodes a node reads: the one list the pipeline, the Verilog emitter and the Java kernel all use. */
public final class Operands {
    private Operands() {
    }

    public static List<Integer> of(Node node) {
        List<Integer> out = new ArrayList<>();
        if (node instanceof Node.Sum s) {
            s.terms().forEach(t -> out.add(t.source()));
        } else if (node instanceof Node.Compare c) {
            out.add(c.source());
        } else if (node instanceof Node.Table t) {
            out.add(t.index());
        } else if (node instanceof Node.TieToEven t) {
            out.add(t.source());
            if (t.remainder() >= 0) {
                out.add(t.remainder());
            }
        } else if (node instanceof Node.OutputSelect o) {
            for (int i : new int[] {o.below(), o.above(), o.linear()}) {
                if (i >= 0) {
                    out.add(i);
                }
            }
        }
        return out;
    }
}
