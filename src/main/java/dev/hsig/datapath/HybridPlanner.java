package dev.hsig.datapath;

import dev.hsig.InvalidInputException;
import dev.hsig.area.Implementation;
import dev.hsig.format.QFormat;
import dev.hsig.spec.ExactReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hybrid build: the shift-add core's region comparators and saturation constants, with one table for the
 * computed part in place of its arithmetic. The table is indexed by the low k bits of x, the fewest that tell the
 * words of the computed span apart, so it needs no adder; its entries are the exact reference's outputs over the
 * aligned window of 2^k words from the span's first word (those past the span are never selected, and hold the
 * function's own value there, a saturation constant mostly, which the mapper merges).
 */
final class HybridPlanner {
    private HybridPlanner() {
    }

    static NodeBuilder build(ExactReference reference, Regions regions) {
        QFormat in = reference.input();
        QFormat out = reference.output();
        List<Region> all = regions.regions();
        int first = -1;
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).value() instanceof Region.Computed) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            throw new InvalidInputException("--implementation hybrid is not valid here: every input gives a"
                    + " constant, so there is no computed region to tabulate (use shift-add or auto)");
        }
        long lo = all.get(first).from();
        long hi = all.get(last).to();
        int k = 64 - Long.numberOfLeadingZeros(hi - lo); // 2^k >= hi - lo + 1
        if (k >= in.width() || k > Implementation.MAX_TABLE_INPUT_BITS) {
            throw new InvalidInputException("--implementation hybrid is not valid here: the computed region spans "
                    + (hi - lo + 1) + " input words, " + (k >= in.width() ? "the whole input's width" : "more than a "
                            + (1 << Implementation.MAX_TABLE_INPUT_BITS) + "-entry table") + " (use shift-add, table or"
                    + " auto)");
        }
        NodeBuilder b = new NodeBuilder(false);
        // The comparators read x itself, signed or not: there is no adder here that needs a signed operand.
        int input = b.add(new Node.Input("x", in.width(), in.signed(), "raw input, " + in));
        int xs = input;
        int index = b.add(new Node.Sum("xlow", k, false, List.of(Node.Term.of(input)), 0, "the low " + k + " bits of x,"
                + " which tell the computed inputs apart"));
        List<Long> entries = new ArrayList<>(1 << k);
        long mask = (1L << k) - 1;
        for (long i = 0; i <= mask; i++) {
            long x = Math.min(in.maxRaw(), lo + ((i - lo) & mask));
            entries.add(out.toBits(reference.outputRaw(x)));
        }
        int table = b.add(new Node.Table("ytab", out.width(), index, entries, "f(x) for x in ["
                + in.value(lo).toDecimalString() + ", " + in.value(hi).toDecimalString() + "], by x's low " + k
                + " bits"));
        // The computed span becomes one arm; the constants outside it keep their comparators.
        List<Region> arms = new ArrayList<>(all.subList(0, first));
        Region.Value key = all.get(first).value(); // stands for the table in the select's lookup
        arms.add(new Region(lo, hi, key, "the table"));
        arms.addAll(all.subList(last + 1, all.size()));
        Choice choice = SelectPlanner.plan(b, xs, in, out, arms, Map.of(key, table));
        b.add(new Node.Select("y", out.width(), out.signed(), choice, "raw output, " + out));
        b.note("hybrid: the comparators of the shift-add core, and for x in [" + in.value(lo).toDecimalString() + ", "
                + in.value(hi).toDecimalString() + "] (" + (hi - lo + 1) + " words) a " + (1 << k) + "-entry table of"
                + " the exact f(x) rounded " + reference.rounding().cliName() + ", indexed by x's low " + k + " bits");
        return b;
    }
}
