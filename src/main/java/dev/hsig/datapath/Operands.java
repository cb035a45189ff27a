package dev.hsig.datapath;

import java.util.ArrayList;
import java.util.List;

/** The nodes a node reads: the one list the pipeline, the printers and the kernels all use. */
public final class Operands implements Node.Visitor<List<Integer>> {
    private static final Operands INSTANCE = new Operands();

    private Operands() {
    }

    public static List<Integer> of(Node node) {
        return node.accept(INSTANCE);
    }

    @Override
    public List<Integer> input(Node.Input n) {
        return List.of();
    }

    @Override
    public List<Integer> sum(Node.Sum n) {
        return n.terms().stream().map(Node.Term::source).toList();
    }

    @Override
    public List<Integer> product(Node.Product n) {
        return List.of(n.a(), n.b());
    }

    @Override
    public List<Integer> compare(Node.Compare n) {
        return List.of(n.source());
    }

    @Override
    public List<Integer> table(Node.Table n) {
        return List.of(n.index());
    }

    @Override
    public List<Integer> tieToEven(Node.TieToEven n) {
        return n.remainder() >= 0 ? List.of(n.source(), n.remainder()) : List.of(n.source());
    }

    @Override
    public List<Integer> select(Node.Select n) {
        List<Integer> out = new ArrayList<>();
        n.choice().operands(out);
        return out;
    }
}
