package dev.hsig.cli;

import dev.hsig.area.AreaEstimate;
import dev.hsig.area.Implementation;
import dev.hsig.area.Target;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.hdl.CoreHeader;
import dev.hsig.spec.Config;
import dev.hsig.tools.CoreArea;
import dev.hsig.verilog.ModulePrinter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./hsig synth --implementation all}: every implementation of one configuration synthesized side by side
 * (iCE40 logic cells after packing, 7-series LUTs, two-input gates), each beside the area estimate that
 * {@code auto} decides by, and for each target which one auto picks and which one measured smaller. This is how a
 * user checks auto's choice, and how the estimate's coefficients were fitted.
 */
final class ImplementationComparison {
    private ImplementationComparison() {
    }

    /** The measured and estimated figures of every implementation, then auto's choice per target. */
    static Map<String, Object> of(Config config) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("options", config.with(Implementation.AUTO).options());
        List<Object> rows = new ArrayList<>();
        Map<Implementation, Map<String, Long>> measured = new LinkedHashMap<>();
        for (Implementation i : List.of(Implementation.SHIFT_ADD, Implementation.TABLE, Implementation.HYBRID)) {
            if (i == Implementation.TABLE && config.input().width() > Implementation.MAX_TABLE_INPUT_BITS) {
                continue;
            }
            Datapath d;
            try {
                d = DatapathPlanner.plan(config.with(i));
            } catch (dev.hsig.InvalidInputException notBuilt) {
                // A framework's many differences, or words too wide: say why, compare the rest.
                rows.add(Map.of("implementation", i.cliName(), "not_built", notBuilt.getMessage()));
                continue;
            }
            Map<String, Long> m = CoreArea.measure(ModulePrinter.emit(d, "core", 0, List.of("synth")), "core",
                    d.multipliers() > 0);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("implementation", i.cliName());
            row.put("datapath", CoreHeader.cost(d));
            row.put("measured", m);
            Map<String, Object> estimated = new LinkedHashMap<>();
            for (Target t : Target.values()) {
                estimated.put(t.cliName(), Math.round(AreaEstimate.of(d, t)));
            }
            row.put("estimated", estimated);
            rows.add(row);
            measured.put(i, m);
        }
        result.put("implementations", rows);
        Map<String, Object> auto = new LinkedHashMap<>();
        for (Target t : Target.values()) {
            Datapath chosen = DatapathPlanner.plan(config.with(Implementation.AUTO).with(t));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("chooses", chosen.build().implementation().cliName());
            a.put("why", chosen.build().why());
            String unit = t == Target.ICE40 ? "ICESTORM_LC" : "LUT";
            Implementation best = null;
            for (Map.Entry<Implementation, Map<String, Long>> e : measured.entrySet()) {
                Long v = e.getValue().get(unit);
                if (v != null && (best == null || v < measured.get(best).get(unit))) {
                    best = e.getKey();
                }
            }
            if (best != null) {
                a.put("measured_smallest", best.cliName());
                a.put(unit, measured.get(chosen.build().implementation()).get(unit));
            }
            auto.put(t.cliName(), a);
        }
        result.put("auto", auto);
        return result;
    }

    /** One line per implementation, then one per target: what auto picks and what measured smaller. */
    @SuppressWarnings("unchecked")
    static List<String> lines(Map<String, Object> result) {
        List<String> out = new ArrayList<>();
        out.add("synth " + result.get("options") + " --implementation all");
        for (Object o : (List<Object>) result.get("implementations")) {
            Map<String, Object> row = (Map<String, Object>) o;
            if (row.containsKey("not_built")) {
                out.add(String.format(Locale.ROOT, "%-10s not built: %s", row.get("implementation"),
                        row.get("not_built")));
                continue;
            }
            StringBuilder l = new StringBuilder(String.format(Locale.ROOT, "%-10s", row.get("implementation")));
            ((Map<String, Long>) row.get("measured")).forEach((k, v) -> l.append(' ').append(k).append('=').append(v));
            l.append(" estimated");
            ((Map<String, Object>) row.get("estimated")).forEach((k, v) -> l.append(' ').append(k).append('=')
                    .append(v));
            l.append(" (").append(row.get("datapath")).append(')');
            out.add(l.toString());
        }
        ((Map<String, Object>) result.get("auto")).forEach((target, o) -> {
            Map<String, Object> a = (Map<String, Object>) o;
            out.add("auto " + target + ": " + a.get("chooses") + (a.containsKey("measured_smallest")
                    ? ", measured smallest: " + a.get("measured_smallest") : "") + " (" + a.get("why") + ")");
        });
        return out;
    }
}
