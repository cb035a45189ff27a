package dev.hsig.report;

import dev.hsig.arithmetic.Rational;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Knees;
import dev.hsig.datapath.MeasuredError;
import dev.hsig.datapath.Node;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.verilog.Pipeline;
import dev.hsig.verilog.VerilogEmitter;
import dev.hsig.verilog.Yosys;
import java.io.IOException;
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
    public static final int[] PIPELINES = {0, 1, 2, 3};

    private Report() {
    }

    public static Map<String, Object> of(Datapath d, boolean withYosys) throws IOException {
        Config c = d.config();
        Map<String, Object> r = new LinkedHashMap<>();
        Map<String, Object> fn = new LinkedHashMap<>();
        fn.put("name", c.function().name());
        fn.put("formula", c.function().formula());
        fn.put("alpha", c.function().alpha().toString());
        fn.put("beta", c.function().beta().toString());
        fn.put("source", c.function().source());
        r.put("function", fn);
        r.put("input", format(c.input()));
        r.put("output", format(c.output()));
        Map<String, Object> rounding = new LinkedHashMap<>();
        rounding.put("mode", c.rounding().cliName());
        rounding.put("ap_fixed", c.rounding().apName());
        rounding.put("meaning", c.rounding().meaning());
        r.put("rounding", rounding);
        r.put("knees", knees(d, Knees.of(d)));
        r.put("slope", slope(d));
        r.put("error", error(d));
        List<Object> latency = new ArrayList<>();
        for (int p : PIPELINES) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("pipeline", p);
            l.put("latency_cycles", p);
            l.put("max_levels_between_registers", Pipeline.levelsPerStage(d, p));
            latency.add(l);
        }
        r.put("latency", latency);
        if (withYosys) {
            Optional<Yosys.Cells> cells = Yosys.synthesize(Map.of("core.v",
                    VerilogEmitter.emit(d, "core", 0, List.of("report"))), "core", "synth");
            r.put("yosys_cells", cells.map(x -> (Object) x.total()).orElse("yosys not installed"));
        }
        return r;
    }

    static Map<String, Object> format(QFormat f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", f.toString());
        m.put("signed", f.signed());
        m.put("width", f.width());
        m.put("fraction_bits", f.fraction());
        m.put("min", f.minValue().toDecimalString());
        m.put("max", f.maxValue().toDecimalString());
        m.put("ulp", f.ulp().toDecimalString());
        m.put("ap_fixed", f.apType());
        return m;
    }

    private static Map<String, Object> knees(Datapath d, Knees k) {
        QFormat in = d.config().input();
        QFormat out = d.config().output();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lower_x", k.lower().toDecimalString());
        m.put("upper_x", k.upper().toDecimalString());
        m.put("last_zero_raw", k.lastZero() == null ? "none in range" : (Object) k.lastZero());
        m.put("last_zero_x", k.lastZero() == null ? "none in range" : in.value(k.lastZero()).toDecimalString());
        m.put("first_max_raw", k.firstMax() == null ? "none in range" : (Object) k.firstMax());
        m.put("first_max_x", k.firstMax() == null ? "none in range" : in.value(k.firstMax()).toDecimalString());
        m.put("max_output_raw", k.max());
        m.put("max_output", out.value(k.max()).toDecimalString());
        return m;
    }

    private static Map<String, Object> slope(Datapath d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requested", d.config().function().alpha().toString());
        m.put("implemented", d.implemented().alpha().toString());
        m.put("realization", List.of(d.realization().split("; ")));
        m.put("adders", d.adders());
        m.put("comparators", d.comparators());
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proven_bound_ulps", d.errorBound().toString());
        m.put("correctly_rounded", !d.config().approximate()
                || d.implemented().alpha().equals(d.config().function().alpha()));
        MeasuredError e = MeasuredError.of(d);
        if (e == null) {
            m.put("measured_max_ulps", "not measured (inputs over " + MeasuredError.MAX_BITS + " bits)");
        } else {
            m.put("measured_max_ulps", decimal(e.maxUlps()));
            m.put("measured_at_raw", e.atRaw());
        }
        return m;
    }

    static String decimal(Rational r) {
        String s = r.toDecimalString();
        return s.contains("/") ? s + " (~" + String.format(java.util.Locale.ROOT, "%.6f", r.toDouble()) + ")" : s;
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
}
