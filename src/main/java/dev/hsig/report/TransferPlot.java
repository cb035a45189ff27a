package dev.hsig.report;

import dev.hsig.datapath.Datapath;
import dev.hsig.format.QFormat;
import dev.hsig.function.Config;
import dev.hsig.function.HardSigmoid;

/**
 * An SVG with three panels: the fixed-point transfer curve over the exact function across the input range, a
 * zoom on a few input ulps in the linear region where the steps are visible, and the error in output ulps across
 * the input range with the proven bound drawn. Knees are marked in every panel.
 */
public final class TransferPlot {
    private static final int WIDTH = 960;
    private static final int PLOT_WIDTH = 820;
    private static final int LEFT = 100;
    private static final long MAX_EVALUATIONS = 1 << 20;
    private static final String MODEL = "stroke:#1f5fbf;stroke-width:1.5;fill:none";
    private static final String EXACT = "stroke:#e07b00;stroke-width:1.5;fill:none;stroke-dasharray:6 3";
    private static final String KNEE = "stroke:#7a3db8;stroke-width:1;stroke-dasharray:3 3";
    private static final String BOUND = "stroke:#c62828;stroke-width:1.5;stroke-dasharray:8 4";

    private TransferPlot() {
    }

    public static String svg(Datapath d) {
        Config c = d.config();
        QFormat in = c.input();
        QFormat out = c.output();
        HardSigmoid f = c.function();
        double xMin = in.minValue().toDouble();
        double xMax = in.maxValue().toDouble();
        double yTop = Math.max(1.0, out.value(Math.min(1L << out.fraction(), out.maxRaw())).toDouble()) * 1.08;
        Svg svg = new Svg(WIDTH, 1010);
        svg.text(WIDTH / 2.0, 26, "middle", "font-size:17px;font-weight:bold;fill:#111",
                "hsig " + f.name() + ": " + f.formula() + ", " + in + " -> " + out + ", " + c.rounding().cliName()
                        + (c.approximate() ? ", --terms " + c.terms() : ""));

        Panel transfer = new Panel(LEFT, 70, PLOT_WIDTH, 250, xMin, xMax, -0.04, yTop);
        transfer.axes(svg, "Transfer curve: hardware output (steps) over the exact function", "input x",
                "output y");
        exact(svg, transfer, f);
        envelope(svg, transfer, d, false);
        knees(svg, transfer, f);
        legend(svg, transfer.left + 12, transfer.top + 40);

        long center = centerOfLinearRegion(d);
        long span = 12;
        long zLo = Math.max(in.minRaw(), center - span);
        long zHi = Math.min(in.maxRaw(), center + span);
        double yLo = Double.MAX_VALUE;
        double yHi = -Double.MAX_VALUE;
        for (long x = zLo; x <= zHi; x++) {
            double y = out.value(d.evaluate(x)).toDouble();
            double e = f.apply(in.value(x)).toDouble();
            yLo = Math.min(yLo, Math.min(y, e));
            yHi = Math.max(yHi, Math.max(y, e));
        }
        double pad = Math.max((yHi - yLo) * 0.1, out.ulp().toDouble());
        Panel zoom = new Panel(LEFT, 400, PLOT_WIDTH, 230, in.value(zLo).toDouble(), in.value(zHi).toDouble(),
                yLo - pad, yHi + pad);
        zoom.axes(svg, "Zoom: " + (zHi - zLo + 1) + " input words around x = " + in.value(center).toDecimalString()
                + " (one step per input ulp)", "input x", "output y");
        exact(svg, zoom, f);
        steps(svg, zoom, d, zLo, zHi);
        knees(svg, zoom, f);

        double bound = d.errorBound().ulps().toDouble();
        Panel error = new Panel(LEFT, 710, PLOT_WIDTH, 230, xMin, xMax, -bound * 1.3, bound * 1.3);
        error.axes(svg, "Error of the hardware against the exact function, in output ulps", "input x",
                "error (output ulps)");
        svg.line(error.left, error.py(0), error.left + error.width, error.py(0), "stroke:#999;stroke-width:1");
        for (double b : new double[] {bound, -bound}) {
            svg.line(error.left, error.py(b), error.left + error.width, error.py(b), BOUND);
        }
        svg.text(error.left + error.width - 6, error.py(bound) - 6, "end", "font-size:12px;fill:#c62828",
                "proven bound " + d.errorBound());
        envelope(svg, error, d, true);
        knees(svg, error, f);
        return svg.toString();
    }

    private static long centerOfLinearRegion(Datapath d) {
        QFormat in = d.config().input();
        long lo = Math.max(in.minRaw(), d.linearLow());
        long hi = Math.min(in.maxRaw(), d.linearHigh());
        return lo <= hi ? lo + (hi - lo) / 2 : 0;
    }

    private static void exact(Svg svg, Panel p, HardSigmoid f) {
        StringBuilder path = new StringBuilder();
        double[] xs = {p.x0, f.lowerKnee().toDouble(), f.upperKnee().toDouble(), p.x1};
        java.util.Arrays.sort(xs);
        for (double x : xs) {
            if (!p.containsX(x)) {
                continue;
            }
            double y = Math.max(0, Math.min(1, f.alpha().toDouble() * x + f.beta().toDouble()));
            path.append(path.length() == 0 ? "M" : " L").append(Svg.n(p.px(x))).append(' ').append(Svg.n(p.py(y)));
        }
        svg.path(path.toString(), EXACT);
    }

    private static void steps(Svg svg, Panel p, Datapath d, long lo, long hi) {
        QFormat in = d.config().input();
        QFormat out = d.config().output();
        double ulp = in.ulp().toDouble();
        StringBuilder path = new StringBuilder();
        for (long x = lo; x <= hi; x++) {
            double xv = in.value(x).toDouble();
            double y = out.value(d.evaluate(x)).toDouble();
            double from = Math.max(p.x0, xv - ulp / 2);
            double to = Math.min(p.x1, xv + ulp / 2);
            path.append(path.length() == 0 ? "M" : " L").append(Svg.n(p.px(from))).append(' ').append(Svg.n(p.py(y)))
                    .append(" L").append(Svg.n(p.px(to))).append(' ').append(Svg.n(p.py(y)));
        }
        svg.path(path.toString(), MODEL);
    }

    /**
     * Per pixel column, the range of the hardware output (or of its error) over the inputs in that column, drawn
     * as a vertical stroke: at this scale that is the curve; every input is evaluated up to 2^20 of them.
     */
    private static void envelope(Svg svg, Panel p, Datapath d, boolean error) {
        Config c = d.config();
        QFormat in = c.input();
        QFormat out = c.output();
        HardSigmoid f = c.function();
        int columns = (int) p.width;
        double[] lo = new double[columns];
        double[] hi = new double[columns];
        java.util.Arrays.fill(lo, Double.MAX_VALUE);
        java.util.Arrays.fill(hi, -Double.MAX_VALUE);
        long count = in.count();
        long step = Math.max(1, count / MAX_EVALUATIONS);
        double scale = Math.pow(2, out.fraction());
        double outMax = out.maxValue().toDouble();
        for (long x = in.minRaw(); x <= in.maxRaw(); x += step) {
            double xv = in.value(x).toDouble();
            double y = out.value(d.evaluate(x)).toDouble();
            double v = y;
            if (error) {
                double exact = Math.min(outMax, Math.max(0, Math.min(1, f.alpha().toDouble() * xv + f.beta().toDouble())));
                v = (y - exact) * scale;
            }
            int col = (int) Math.min(columns - 1, Math.max(0, Math.floor(p.px(xv) - p.left)));
            lo[col] = Math.min(lo[col], v);
            hi[col] = Math.max(hi[col], v);
        }
        StringBuilder path = new StringBuilder();
        for (int col = 0; col < columns; col++) {
            if (lo[col] > hi[col]) {
                continue;
            }
            double x = p.left + col + 0.5;
            double y1 = p.py(lo[col]);
            double y2 = p.py(hi[col]);
            if (Math.abs(y1 - y2) < 1) {
                y1 += 0.5;
                y2 -= 0.5;
            }
            path.append(path.length() == 0 ? "" : " ").append('M').append(Svg.n(x)).append(' ').append(Svg.n(y1))
                    .append(" V").append(Svg.n(y2));
        }
        svg.path(path.toString(), error ? "stroke:#1f5fbf;stroke-width:1;fill:none" : MODEL);
    }

    private static void knees(Svg svg, Panel p, HardSigmoid f) {
        double[] knees = {f.lowerKnee().toDouble(), f.upperKnee().toDouble()};
        String[] names = {"lower knee x = " + f.lowerKnee().toDecimalString(),
            "upper knee x = " + f.upperKnee().toDecimalString()};
        for (int i = 0; i < 2; i++) {
            if (p.containsX(knees[i])) {
                double x = p.px(knees[i]);
                svg.line(x, p.top, x, p.top + p.height, KNEE);
                svg.text(x + (i == 0 ? -4 : 4), p.top + 14, i == 0 ? "end" : "start",
                        "font-size:11px;fill:#7a3db8", names[i]);
            }
        }
    }

    private static void legend(Svg svg, double x, double y) {
        svg.rect(x - 6, y - 14, 250, 44, "fill:white;stroke:#bbb;stroke-width:1");
        svg.line(x, y - 4, x + 28, y - 4, MODEL);
        svg.text(x + 36, y, "start", "font-size:12px;fill:#111", "hardware / model output");
        svg.line(x, y + 16, x + 28, y + 16, EXACT);
        svg.text(x + 36, y + 20, "start", "font-size:12px;fill:#111", "exact clip(alpha*x + beta, 0, 1)");
    }
}
