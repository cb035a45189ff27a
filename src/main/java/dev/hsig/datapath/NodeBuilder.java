package dev.hsig.datapath;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Integers;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The growing node list of a datapath under construction, with the checks every node needs: unique wire names,
 * exact widths from value ranges, and the word limit of the model. Identical nodes are made once and shared.
 */
final class NodeBuilder {
    /** Internal words are evaluated in 64-bit longs by the model; 62 bits leaves room for the sign and a carry. */
    static final int MAX_INTERNAL_WIDTH = 62;

    private final List<Node> nodes = new ArrayList<>();
    private final List<String> realization = new ArrayList<>();
    private final List<Datapath.Quotient> quotients = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<Object, Integer> shared = new HashMap<>();
    private final boolean approximate;

    NodeBuilder(boolean approximate) {
        this.approximate = approximate;
    }

    List<Node> nodes() {
        return nodes;
    }

    Node node(int i) {
        return nodes.get(i);
    }

    List<String> realization() {
        return realization;
    }

    void note(String step) {
        realization.add(step);
    }

    List<Datapath.Quotient> quotients() {
        return quotients;
    }

    void quotient(Datapath.Quotient q) {
        quotients.add(q);
    }

    /** {@code base}, or {@code base_2}, {@code base_3}, ... when a wire of that name exists. */
    String unique(String base) {
        String name = base;
        for (int k = 2; names.contains(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    int add(Node node) {
        if (!names.add(node.name())) {
            throw new IllegalStateException("two wires named " + node.name());
        }
        nodes.add(node);
        return nodes.size() - 1;
    }

    /** The node made earlier under {@code key}, or a new one from {@code make}. */
    int shared(Object key, java.util.function.IntSupplier make) {
        Integer i = shared.get(key);
        if (i != null) {
            return i;
        }
        int made = make.getAsInt();
        shared.put(key, made);
        return made;
    }

    /** The node made earlier under {@code key}, if any. */
    java.util.OptionalInt sharedIndex(Object key) {
        Integer i = shared.get(key);
        return i == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(i);
    }

    /** A signed sum holding exact values in [low, high]. */
    int exact(String name, List<Node.Term> terms, long constant, BigInteger low, BigInteger high, String comment) {
        return add(new Node.Sum(unique(name), signedWidth(low, high), true, terms, constant, comment));
    }

    /** The narrowest two's complement width holding [low, high], within the word limit. */
    int signedWidth(BigInteger low, BigInteger high) {
        int w = Integers.signedWidth(low, high);
        if (w > MAX_INTERNAL_WIDTH) {
            throw tooWide("values up to " + high.max(low.abs()));
        }
        return w;
    }

    /** A constant that a node holds, checked against the word limit. */
    long fits(BigInteger v, String what) {
        if (v.bitLength() >= MAX_INTERNAL_WIDTH) {
            throw tooWide(what + " " + v);
        }
        return v.longValueExact();
    }

    InvalidInputException tooWide(String what) {
        return new InvalidInputException("this configuration needs internal words wider than " + MAX_INTERNAL_WIDTH
                + " bits (" + what + "): " + (approximate ? "use a smaller --terms, " : "use ")
                + "narrower formats or constants with smaller denominators");
    }
}
