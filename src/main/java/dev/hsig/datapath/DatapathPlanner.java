package dev.hsig.datapath;

import dev.hsig.InvalidInputException;
import dev.hsig.area.AreaEstimate;
import dev.hsig.area.Implementation;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.framework.Frameworks;
import dev.hsig.framework.Semantics;
import dev.hsig.spec.Activation;
import dev.hsig.spec.Config;
import dev.hsig.spec.ExactReference;
import dev.hsig.spec.SlopeApproximation;
import dev.hsig.text.Plural;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Designs the datapath for a configuration. The shift-add core is planned in three steps with one job each:
 * {@link Regions} cuts the input range into regions with a constant or a computed output (segment selection);
 * {@link ValuePlanner} computes each distinct polynomial exactly (constant multiplication, {@link ReciprocalPlan
 * reciprocal choice}, {@link Rounder rounding}); {@link SelectPlanner} puts comparators on the raw input and the
 * output mux on top. The table core is one table of the exact reference ({@link TablePlanner}). {@code auto} plans
 * both where a table is allowed and keeps the smaller by the target's area estimate.
 */
public final class DatapathPlanner {
    private DatapathPlanner() {
    }

    public static Datapath plan(Config config) {
        Implementation asked = config.implementation();
        QFormat in = config.input();
        boolean tableAllowed = in.width() <= Implementation.MAX_TABLE_INPUT_BITS;
        if (asked == Implementation.TABLE && !tableAllowed) {
            throw new InvalidInputException("--implementation table is not valid for the " + in.width() + "-bit input "
                    + in + ": a table is built for inputs of up to " + Implementation.MAX_TABLE_INPUT_BITS + " bits ("
                    + (1 << Implementation.MAX_TABLE_INPUT_BITS) + " entries); use shift-add or auto");
        }
        Spec spec = Spec.of(config);
        if (config.semantics() != Semantics.EXACT) {
            return framework(spec, asked);
        }
        return switch (asked) {
            case SHIFT_ADD -> spec.datapath(shiftAdd(spec), new Datapath.Build(asked,
                    "asked for (--implementation shift-add)"));
            case TABLE -> spec.datapath(table(spec), new Datapath.Build(asked, "asked for (--implementation table)"));
            case HYBRID -> spec.datapath(hybrid(spec), new Datapath.Build(asked, "asked for (--implementation hybrid)"));
            case AUTO -> auto(spec, tableAllowed);
        };
    }

    /** The smallest build by the target's estimate, among those that can be built here. */
    private static Datapath auto(Spec spec, boolean tableAllowed) {
        Config config = spec.config();
        java.util.Map<Implementation, NodeBuilder> built = new java.util.LinkedHashMap<>();
        String notShiftAdd = null;
        InvalidInputException tooWide = null;
        try {
            built.put(Implementation.SHIFT_ADD, shiftAdd(spec));
        } catch (InvalidInputException e) {
            // Too wide for the shift-add words, but a table of the same function needs none of them.
            tooWide = e;
            notShiftAdd = e.getMessage().replaceFirst(": use .*$", "");
        }
        if (tableAllowed) {
            built.put(Implementation.TABLE, table(spec));
        }
        try {
            built.put(Implementation.HYBRID, hybrid(spec));
        } catch (InvalidInputException notApplicable) {
            // No computed region, or one too wide for a table: the other builds compete alone.
        }
        if (built.isEmpty()) {
            throw tooWide;
        }
        if (built.size() == 1) {
            Implementation only = built.keySet().iterator().next();
            String why = only == Implementation.SHIFT_ADD ? "auto: a table is built only for inputs of up to "
                    + Implementation.MAX_TABLE_INPUT_BITS + " bits" : "auto: the shift-add core cannot be built: "
                    + notShiftAdd;
            return spec.datapath(built.get(only), new Datapath.Build(only, why));
        }
        java.util.Map<Implementation, List<Node>> nodes = new java.util.LinkedHashMap<>();
        built.forEach((k, v) -> nodes.put(k, v.nodes()));
        Datapath.Build chosen = AreaEstimate.choose(nodes, config.target());
        if (notShiftAdd != null) {
            chosen = new Datapath.Build(chosen.implementation(), chosen.why() + "; the shift-add core cannot be built: "
                    + notShiftAdd);
        }
        return spec.datapath(built.get(chosen.implementation()), chosen);
    }

    private static NodeBuilder hybrid(Spec spec) {
        Config c = spec.config();
        return HybridPlanner.build(new ExactReference(spec.implemented(), c.input(), c.output(), c.rounding(),
                c.overflow()), spec.regions());
    }

    /** What both builds share, derived once: the function implemented, its regions and the proven bound. */
    private record Spec(Config config, Activation implemented, Regions regions, ErrorBound bound) {
        static Spec of(Config config) {
            Activation implemented = config.approximate() ? SlopeApproximation.apply(config.function(),
                    config.terms()) : config.function();
            Regions regions = Regions.of(implemented, config.input(), config.output(), config.rounding(),
                    config.overflow());
            return new Spec(config, implemented, regions, ErrorBounds.of(config, implemented, regions));
        }

        Datapath datapath(NodeBuilder b, Datapath.Build build) {
            return new Datapath(config, implemented, b.nodes(), regions, b.realization(), bound, b.quotients(), build);
        }
    }

    /**
     * A framework's semantics: a table of its outputs, computed by the transcribed kernel, or the correctly rounded
     * shift-add core patched where the framework differs, whichever the area estimate finds smaller under auto; the
     * error bound is measured against the exact function on every input (the framework's rounding is not hsig's to
     * prove).
     */
    private static Datapath framework(Spec spec, Implementation asked) {
        Config c = spec.config();
        String name = c.semantics().cliName();
        long[] y = Frameworks.outputs(c);
        QFormat in = c.input();
        List<Frameworks.Difference> differ = Frameworks.differences(c, y);
        String differs = differ.isEmpty() ? "equal to the correctly rounded function on every input" : differ.size()
                + " of " + y.length + " inputs differ from the correctly rounded function (./hsig report lists them)";
        ErrorBound bound = measured(spec, y);
        NodeBuilder table = TablePlanner.build(in, c.output(), x -> y[(int) (x - in.minRaw())],
                c.semantics().meaning() + " (--semantics " + name + ")");
        table.note(differs);
        NodeBuilder patched = null;
        String why = "";
        if (differ.size() > MAX_PATCHED) {
            why = differ.size() + " inputs differ, more than the " + MAX_PATCHED + " a patched core takes";
        } else {
            try {
                patched = patched(spec, differ);
                patched.note(differs);
            } catch (InvalidInputException e) {
                why = "the shift-add core cannot be built: " + e.getMessage().replaceFirst(": use .*$", "");
            }
        }
        Datapath.Build build;
        NodeBuilder chosen;
        if (asked == Implementation.SHIFT_ADD) {
            if (patched == null) {
                throw new InvalidInputException("--implementation shift-add is not valid with --semantics " + name
                        + " here: " + why + " (use table or auto)");
            }
            chosen = patched;
            build = new Datapath.Build(Implementation.SHIFT_ADD, "asked for (--implementation shift-add): the"
                    + " correctly rounded core, patched on the " + Plural.of(differ.size(), "input") + " where " + name
                    + " differs");
        } else if (asked == Implementation.TABLE || patched == null) {
            chosen = table;
            build = new Datapath.Build(Implementation.TABLE, "--semantics " + name + ": a table of the framework's"
                    + " outputs" + (asked == Implementation.TABLE ? " (--implementation table)" : "; " + why));
        } else {
            Datapath.Build est = AreaEstimate.choose(java.util.Map.of(Implementation.SHIFT_ADD, patched.nodes(),
                    Implementation.TABLE, table.nodes()), c.target());
            chosen = est.implementation() == Implementation.TABLE ? table : patched;
            build = new Datapath.Build(est.implementation(), est.why() + (est.implementation()
                    != Implementation.SHIFT_ADD ? "" : differ.isEmpty() ? " (the correctly rounded core: " + name
                            + " equals it on every input)" : " (the correctly rounded core, patched on "
                            + Plural.of(differ.size(), "input") + ")"));
        }
        return new Datapath(c, spec.implemented(), chosen.nodes(), spec.regions(), chosen.realization(), bound,
                chosen.quotients(), build);
    }

    /** The most inputs a patched core overrides: each costs two comparators and a mux level per doubling. */
    static final int MAX_PATCHED = 16;

    /**
     * The correctly rounded shift-add core with the framework's word at each input where it differs: a balanced
     * search over those inputs (x &lt; k, x &gt; k) selects either the override or the correctly rounded output.
     */
    private static NodeBuilder patched(Spec spec, List<Frameworks.Difference> differ) {
        Config c = spec.config();
        QFormat in = c.input();
        QFormat out = c.output();
        NodeBuilder b = shiftAdd(spec, differ.isEmpty() ? "y" : "y_exact");
        if (differ.isEmpty()) {
            return b;
        }
        int base = b.nodes().size() - 1;
        int xs = in.signed() ? 0 : 1; // shiftAdd's signed view of x: the input itself, or x_s
        Choice choice = patch(b, xs, in, differ, 0, differ.size() - 1, Choice.Leaf.of(base));
        b.note("patched: at " + differ.size() + " input" + (differ.size() == 1 ? "" : "s") + " the framework's word"
                + " replaces the correctly rounded one (" + c.semantics().cliName() + ")");
        b.add(new Node.Select("y", out.width(), out.signed(), choice, "raw output, " + out + ", as "
                + c.semantics().cliName() + " computes it"));
        return b;
    }

    private static Choice patch(NodeBuilder b, int xs, QFormat in, List<Frameworks.Difference> d, int lo, int hi,
            Choice base) {
        if (lo > hi) {
            return base;
        }
        int mid = (lo + hi) >>> 1;
        long k = d.get(mid).xRaw();
        String at = in.value(k).toDecimalString();
        int below = b.shared(List.of("compare", true, k), () -> b.add(new Node.Compare(b.unique("lt_p" + mid), xs,
                true, k, "x < " + at)));
        int above = b.shared(List.of("compare", false, k), () -> b.add(new Node.Compare(b.unique("gt_p" + mid), xs,
                false, k, "x > " + at)));
        Choice equal = Choice.Leaf.constant(d.get(mid).framework());
        return new Choice.Branch(below, patch(b, xs, in, d, lo, mid - 1, base), new Choice.Branch(above,
                patch(b, xs, in, d, mid + 1, hi, base), equal));
    }

    /** The largest |y - f(x)| in output ulps over every input, and over those whose rounded f(x) is representable. */
    private static ErrorBound measured(Spec spec, long[] y) {
        Config c = spec.config();
        QFormat in = c.input();
        QFormat out = c.output();
        ExactReference exact = c.exactReference();
        java.math.BigInteger min = java.math.BigInteger.valueOf(out.minRaw());
        java.math.BigInteger max = java.math.BigInteger.valueOf(out.maxRaw());
        dev.hsig.arithmetic.Rational all = dev.hsig.arithmetic.Rational.ZERO;
        dev.hsig.arithmetic.Rational representable = dev.hsig.arithmetic.Rational.ZERO;
        for (int i = 0; i < y.length; i++) {
            long x = in.minRaw() + i;
            dev.hsig.arithmetic.Rational t = exact.scaledExact(x).add(dev.hsig.arithmetic.Rational.of(out.zero()));
            dev.hsig.arithmetic.Rational e = dev.hsig.arithmetic.Rational.of(y[i]).subtract(t).abs();
            all = all.max(e);
            java.math.BigInteger r = c.rounding().round(exact.scaledExact(x)).add(java.math.BigInteger.valueOf(
                    out.zero()));
            if (r.compareTo(min) >= 0 && r.compareTo(max) <= 0) {
                representable = representable.max(e);
            }
        }
        return new ErrorBound(all, representable, all.equals(representable) ? "" : "measured on every input,"
                + " saturation included");
    }

    private static NodeBuilder table(Spec spec) {
        Config c = spec.config();
        return TablePlanner.build(new ExactReference(spec.implemented(), c.input(), c.output(), c.rounding(),
                c.overflow()));
    }

    private static NodeBuilder shiftAdd(Spec spec) {
        return shiftAdd(spec, "y");
    }

    /** The shift-add core, its output select named {@code output} (a patched core selects over it again). */
    private static NodeBuilder shiftAdd(Spec spec, String output) {
        Config config = spec.config();
        QFormat in = config.input();
        QFormat out = config.output();
        Regions regions = spec.regions();
        NodeBuilder b = new NodeBuilder(config.approximate());
        int input = b.add(new Node.Input("x", in.width(), in.signed(), "raw input, " + in));
        int xs = input;
        if (!in.signed()) {
            xs = b.add(new Node.Sum("x_s", in.width() + 1, true, List.of(Node.Term.of(input)), 0, "x as a signed value"));
        }
        Map<Region.Value, Integer> values = new LinkedHashMap<>();
        ValuePlanner planner = new ValuePlanner(b, out.width(), in.minRaw(), in.maxRaw());
        long computedValues = regions.regions().stream().map(Region::value).filter(v -> v instanceof Region.Computed)
                .distinct().count();
        for (Region r : regions.regions()) {
            if (r.value() instanceof Region.Computed c && !values.containsKey(c)) {
                // The value is built for the span of every region that uses it.
                long lo = regions.regions().stream().filter(o -> o.value().equals(c)).mapToLong(Region::from).min()
                        .orElseThrow();
                long hi = regions.regions().stream().filter(o -> o.value().equals(c)).mapToLong(Region::to).max()
                        .orElseThrow();
                if (computedValues > 1) {
                    b.note("for x in [" + in.value(lo).toDecimalString() + ", " + in.value(hi).toDecimalString() + "]:"
                            + " t = " + c.t().text().replace("x", "X") + " (raw X, output ulps), rounded " + c.mode());
                }
                RoundingMode asked = config.rounding();
                if (c.mode() != asked.forNonNegative() && c.mode() != asked.forNegative()) {
                    b.note(c.t().denominator().equals(java.math.BigInteger.ONE) ? "t is an integer on every input:"
                            + " nothing to round" : asked + " needs no tie logic: t's values are multiples of 1/"
                            + c.t().denominator() + ", never half-way, so it rounds as " + c.mode());
                }
                values.put(c, planner.build(c, xs, lo, hi));
            }
        }
        if (values.isEmpty()) {
            b.note("no computed value: every input gives a constant");
        }
        Choice choice = SelectPlanner.plan(b, xs, in, out, regions.regions(), values);
        b.add(new Node.Select(output, out.width(), out.signed(), choice, output.equals("y") ? "raw output, " + out
                : "the correctly rounded output"));
        return b;
    }
}
