package dev.hsig.report;

import dev.hsig.arithmetic.Rational;
import dev.hsig.binarize.Binarizer;
import dev.hsig.datapath.Datapath;
import dev.hsig.format.QFormat;
import dev.hsig.model.ScalarModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The report's binarize section: for sample inputs, the core's p_raw and the probability of +1 as an exact
 * fraction, beside the exact f(x) and the difference, which is the core's rounding error and so within its bound.
 */
public final class BinarizeReport {
    /** Sample inputs: around 0, where hard sigmoids cross 1/2, at thirds (never exact), and the format's ends. */
    private static final String[] SAMPLES = {"-2", "-1", "-1/2", "-1/3", "0", "1/3", "1/2", "1", "2"};

    private BinarizeReport() {
    }

    public static Map<String, Object> of(Datapath d, Binarizer b) {
        QFormat in = d.config().input();
        QFormat out = d.config().output();
        ScalarModel model = new ScalarModel(d);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", b.mode().cliName());
        Rational scale = Rational.pow2(-b.bits());
        if (b.stochastic()) {
            m.put("rule", "+1 when r < p_raw, r uniform over the 2^" + b.bits() + " words of each period: P(+1) = p_raw / 2^"
                    + b.bits() + " exactly");
            m.put("probability_error_bound", d.errorBound() + " of 2^-" + b.bits() + ", the core's rounding error of p");
        } else {
            m.put("rule", "+1 when p >= 1/2, p = f(x) rounded " + d.config().rounding().cliName()
                    + ": exactly when f(x) >= 1/2");
        }
        TreeSet<Long> words = new TreeSet<>(List.of(in.minRaw(), in.maxRaw()));
        for (String v : SAMPLES) {
            long raw = in.rawOf(Rational.parse(v)).floor().max(java.math.BigInteger.valueOf(in.minRaw()))
                    .min(java.math.BigInteger.valueOf(in.maxRaw())).longValueExact();
            words.add(raw);
        }
        List<Object> rows = new ArrayList<>();
        for (long x : words) {
            long p = model.evaluate(x);
            Rational exact = d.config().function().at(in.value(x));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", in.value(x).toDecimalString());
            row.put("p_raw", p);
            if (b.stochastic()) {
                Rational probability = Rational.of(p).multiply(scale);
                row.put("P(+1)", probability.toString());
                row.put("f(x)", exact.toString());
                row.put("error_ulp", probability.subtract(exact).divide(scale).toDecimalString());
            } else {
                row.put("bit", b.bit(p, 0, 0));
                row.put("f(x)>=1/2", exact.compareTo(Rational.HALF) >= 0);
            }
            rows.add(row);
        }
        m.put("samples", rows);
        return m;
    }
}
