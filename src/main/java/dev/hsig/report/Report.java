package dev.hsig.report;

import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.Rational;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.ErrorBound;
import dev.hsig.datapath.Node;
import dev.hsig.datapath.Pipeline;
import dev.hsig.datapath.Region;
import dev.hsig.datapath.Regions;
import dev.hsig.format.QFormat;
import dev.hsig.hdl.CoreHeader;
import dev.hsig.timing.DelayModel;
import dev.hsig.model.MeasuredError;
import dev.hsig.spec.Config;
import dev.hsig.spec.Knees;
import dev.hsig.tools.Yosys;
import dev.hsig.verilog.ModulePrinter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A design-review summary of one configuration, built once as an ordered tree of facts and printed either as
 * aligned text or as JSON, so the two can never disagree.
 */
public final class Report {
    private static final String DEVICE_KEY = "ice40_hx8k";

    /**
     * The stage count {@code --target-mhz} chose, with the delay model's prediction, added to a report.
     */
    public static void addTarget(Map<String, Object> report, Datapath d, double targetMhz, int stages) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("device", DelayModel.ICE40_HX8K.device());
        t.put("target_mhz", round1(targetMhz));
        t.put("stages", stages);
        t.put("max_levels_between_registers", Pipeline.levelsPerStage(d, stages));
        t.put("slowest_stage_logic_ns", Pipeline.stageDelayNs(d, stages));
        t.put("predicted_fmax_mhz", round1(DelayModel.ICE40_HX8K.predictedMhz(d, stages)));
        report.put("target", t);
    }

    /** A figure to one decimal, as reports and synth print MHz. */
    public static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private Report() {
    }

    public static Map<String, Object> of(Datapath d, boolean withYosys) throws IOException {
        Config c = d.config();
        Map<String, Object> r = new LinkedHashMap<>();
        Map<String, Object> fn = new LinkedHashMap<>();
        fn.put("name", c.function().name());
        fn.put("formula", c.function().equation());
        fn.put("source", c.function().source());
        c.function().line().ifPresent(l -> {
            fn.put("alpha", l.alpha().toString());
            fn.put("beta", l.beta().toString());
            fn.put("lo", l.lo().toString());
            fn.put("hi", l.hi().toString());
        });
        r.put("function", fn);
        r.put("input", format(c.input()));
        r.put("output", format(c.output()));
        Map<String, Object> rounding = new LinkedHashMap<>();
        rounding.put("mode", c.rounding().cliName());
        rounding.put("ap_fixed", c.rounding().apName());
        rounding.put("meaning", c.rounding().meaning());
        r.put("rounding", rounding);
        Map<String, Object> overflow = new LinkedHashMap<>();
        overflow.put("mode", c.overflow().cliName());
        overflow.put("ap_fixed", c.overflow().apName());
        overflow.put("meaning", c.overflow().meaning());
        r.put("overflow", overflow);
        r.put("breakpoints", breakpoints(d));
        r.put("regions", regions(d));
        boolean wraps = c.overflow() == Overflow.WRAP;
        r.put("saturation", spans(c.input(), d.regions().saturated(), wraps ? "never (overflow wrap)"
                : "none: every rounded f(x) is representable"));
        r.put("wrap", spans(c.input(), d.regions().wrapped(), wraps
                ? "none: no rounded f(x) leaves the output range" : "never (overflow saturate)"));
        r.put("datapath", datapath(d));
        r.put("error", error(d));
        if (c.semantics() != dev.hsig.framework.Semantics.EXACT) {
            r.put("semantics", semantics(d));
        }
        List<Object> latency = new ArrayList<>();
        for (int p = 0; p <= Math.max(1, Pipeline.depth(d)); p++) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("pipeline", p);
            l.put("latency_cycles", p);
            l.put("max_levels_between_registers", Pipeline.levelsPerStage(d, p));
            l.put("slowest_stage_logic_ns", Pipeline.stageDelayNs(d, p));
            l.put("predicted_fmax_mhz_" + DEVICE_KEY, round1(DelayModel.ICE40_HX8K.predictedMhz(d, p)));
            latency.add(l);
        }
        r.put("latency", latency);
        if (withYosys) {
            Optional<Yosys.Cells> cells = Yosys.synthesize(Map.of("core.v",
                    ModulePrinter.emit(d, "core", 0, List.of("report"))), "core", "synth");
            r.put("yosys_cells", cells.map(x -> (Object) x.total()).orElse("yosys not installed"));
            r.put("yosys_cells_flow", "Yosys synth (its generic cells) of the combinational core; ./hsig synth gives"
                    + " the iCE40, 7-series and gate counts");
        }
        return r;
    }

    static Map<String, Object> format(QFormat f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", f.toString());
        m.put("signed", f.signed());
        m.put("width", f.width());
        if (f.isAffine()) {
            m.put("scale", f.affine().describeScale());
            m.put("zero_point", f.zero());
        } else {
            m.put("fraction_bits", f.fraction());
        }
        m.put("min", f.minValue().toDecimalString());
        m.put("max", f.maxValue().toDecimalString());
        m.put("ulp", f.ulp().toDecimalString());
        if (!f.isAffine()) {
            m.put("ap_fixed", f.apType());
        }
        return m;
    }

    private static Object breakpoints(Datapath d) {
        List<Object> out = new ArrayList<>();
        for (Knees.Knee k : Knees.of(d.config().function(), d.config().input())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("x", k.x().toDecimalString());
            m.put("last_raw_left", k.lastBefore() == null ? "none in range" : (Object) k.lastBefore());
            m.put("first_raw_right", k.firstAfter() == null ? "none in range" : (Object) k.firstAfter());
            m.put("continuous", k.continuous());
            out.add(m);
        }
        return out.isEmpty() ? "none" : out;
    }

    private static List<Object> regions(Datapath d) {
        QFormat in = d.config().input();
        QFormat out = d.config().output();
        List<Object> list = new ArrayList<>();
        for (Region region : d.regions().regions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from_raw", region.from());
            m.put("to_raw", region.to());
            m.put("x", "[" + in.value(region.from()).toDecimalString() + ", " + in.value(region.to()).toDecimalString()
                    + "]");
            m.put("output", region.value() instanceof Region.Constant k ? "constant " + k.raw() + " ("
                    + out.value(k.raw()).toDecimalString() + ")" : computed((Region.Computed) region.value()));
            list.add(m);
        }
        return list;
    }

    private static String computed(Region.Computed c) {
        String t = c.t().text().replace("x", "X") + " (output ulps, raw X)" + (c.offset() == 0 ? ""
                : ", plus the zero point's " + c.offset() + " after rounding");
        return c.t().denominator().equals(java.math.BigInteger.ONE) ? "computed exactly: " + t
                : "computed: " + t + ", rounded " + c.mode();
    }

    private static Object spans(QFormat in, List<Regions.Span> spans, String none) {
        if (spans.isEmpty()) {
            return none;
        }
        List<Object> list = new ArrayList<>();
        for (Regions.Span s : spans) {
            list.add("raw " + s.from() + " .. " + s.to() + " (x " + in.value(s.from()).toDecimalString() + " .. "
                    + in.value(s.to()).toDecimalString() + "): " + s.what());
        }
        return list;
    }

    private static Map<String, Object> datapath(Datapath d) {
        Map<String, Object> m = new LinkedHashMap<>();
        d.config().function().line().ifPresent(l -> {
            m.put("slope_requested", l.alpha().toString());
            m.put("slope_implemented", d.implemented().line().orElseThrow().alpha().toString());
        });
        m.put("implementation", d.build().implementation().cliName());
        m.put("implementation_why", d.build().why());
        m.put("realization", d.realization());
        m.put("cost", CoreHeader.cost(d));
        m.put("adders", d.adders());
        m.put("comparators", d.comparators());
        m.put("multipliers", d.multipliers());
        m.put("widest_word_bits", d.maxWidth());
        m.put("logic_levels", Pipeline.depth(d));
        Map<String, Object> widths = new LinkedHashMap<>();
        for (Node n : d.nodes()) {
            widths.put(n.name(), n.width());
        }
        m.put("internal_widths", widths);
        return m;
    }

    private static Map<String, Object> error(Datapath d) {
        ErrorBound bound = d.errorBound();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proven_bound", bound.toString() + " against the exact f(x)");
        m.put("proven_bound_ulps", number(bound.ulps(), true));
        m.put("where_representable_ulps", number(bound.representable(), true));
        m.put("correctly_rounded", !d.config().approximate()
                || d.implemented().line().orElseThrow().alpha().equals(d.config().function().line().orElseThrow().alpha()));
        MeasuredError e = MeasuredError.of(d);
        if (e == null) {
            m.put("measured_max_ulps", "not measured (inputs over " + MeasuredError.MAX_BITS + " bits)");
        } else {
            m.put("measured_max_ulps", number(e.maxUlps(), false));
            m.put("measured_at_raw", e.atRaw());
        }
        return m;
    }

    /** {ulps: 0.6666667, exact: "2/3", strict: false}: a number for scripts and the exact value beside it. */
    static Map<String, Object> number(Rational r, boolean bound) {
        Map<String, Object> m = new LinkedHashMap<>();
        BigDecimal approx = new BigDecimal(r.num()).divide(new BigDecimal(r.den()), new MathContext(7,
                bound ? java.math.RoundingMode.CEILING : java.math.RoundingMode.HALF_EVEN));
        m.put("ulps", approx.stripTrailingZeros().scale() < 0 ? approx.setScale(0) : approx.stripTrailingZeros());
        m.put("exact", r.toString());
        if (bound) {
            m.put("strict", false);
        }
        return m;
    }

    /** The same tree as aligned, indented text. */
    public static String text(Map<String, Object> report) {
        StringBuilder s = new StringBuilder();
        text(s, report, "");
        return s.toString();
    }

    private static void text(StringBuilder s, Map<?, ?> m, String indent) {
        int keyWidth = m.keySet().stream().mapToInt(k -> k.toString().length()).max().orElse(0);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = indent + String.format("%-" + keyWidth + "s", e.getKey());
            Object v = e.getValue();
            if (v instanceof Map<?, ?> sub) {
                s.append(key.stripTrailing()).append(":\n");
                text(s, sub, indent + "  ");
            } else if (v instanceof List<?> list) {
                s.append(key.stripTrailing()).append(":\n");
                for (Object item : list) {
                    if (item instanceof Map<?, ?> row) {
                        List<String> parts = new ArrayList<>();
                        row.forEach((a, b) -> parts.add(a + "=" + b));
                        s.append(indent).append("  - ").append(String.join(", ", parts)).append('\n');
                    } else {
                        s.append(indent).append("  - ").append(item).append('\n');
                    }
                }
            } else {
                s.append(key).append(" : ").append(v).append('\n');
            }
        }
    }

    /** The framework, and every input where it differs from correct rounding, with both values. */
    private static Map<String, Object> semantics(Datapath d) {
        Config c = d.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.semantics().cliName());
        m.put("meaning", c.semantics().meaning());
        List<dev.hsig.framework.Frameworks.Difference> diff = dev.hsig.framework.Frameworks.differences(c,
                dev.hsig.framework.Frameworks.outputs(c));
        m.put("differs_from_correct_rounding", diff.size() + " of " + c.input().count() + " inputs");
        List<Object> list = new ArrayList<>();
        for (dev.hsig.framework.Frameworks.Difference x : diff) {
            list.add("x_raw=" + x.xRaw() + " (x " + c.input().value(x.xRaw()).toDecimalString() + "): "
                    + c.semantics().cliName() + " y_raw=" + x.framework() + ", correctly rounded y_raw=" + x.exact()
                    + " (exact f(x) = " + c.output().rawOf(c.function().at(c.input().value(x.xRaw()))).toDouble()
                    + " raw)");
        }
        m.put("differences", list.isEmpty() ? "none" : list);
        return m;
    }
}
