package dev.hsig.report;

import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Region;
import dev.hsig.format.QFormat;
import dev.hsig.model.BatchModel;
import dev.hsig.text.Plural;
import dev.hsig.spec.Activation;
import dev.hsig.spec.Config;
import dev.hsig.spec.Knees;
import dev.hsig.spec.Polynomial;
import dev.hsig.spec.Shape;
import java.util.List;

/**
 * An SVG with three panels: the fixed-point transfer curve over the exact function across the input range, a
 * zoom on a few input ulps of a computed region where the steps are visible, and the error against the exact
 * function in output ulps across the input range with the proven bound drawn. The breakpoints of the function are
 * marked in every panel; negative outputs and discontinuities show as they are.
 */
public final class TransferPlot {
    private static final int WIDTH = 960;
    private static final int PLOT_WIDTH = 820;
    /** Characters of 12px sans-serif that fit the width with a margin (about 6.6 px each). */
    static final int SUBTITLE_CHARS = 136;
    /** The legend's baseline below the transfer panel's top; its box starts 14 px above that. */
    static final int LEGEND_DROP = 62;
    /** The width of one character of an 11px breakpoint label, rounded up (sans-serif averages about 6 px). */
    static final double LABEL_CHAR_PX = 6.2;
    private static final int LEFT = 100;
    private static final long MAX_EVALUATIONS = 1 << 20;
    private static final String MODEL = "stroke:#1f5fbf;stroke-width:1.5;fill:none";
    private static final String ERROR = "stroke:#0b3d91;stroke-width:2;fill:none";
    private static final String EXACT = "stroke:#e07b00;stroke-width:1.5;fill:none;stroke-dasharray:6 3";
    private static final String KNEE = "stroke:#7a3db8;stroke-width:1;stroke-dasharray:3 3";
    private static final String BOUND = "stroke:#c62828;stroke-width:1.5;stroke-dasharray:8 4";

    private TransferPlot() {
    }

    public static String svg(Datapath d) {
        Config c = d.config();
        QFormat in = c.input();
        QFormat out = c.output();
        Activation f = c.function();
        long[] xs = inputs(in);
        long[] ys = new long[xs.length];
        BatchModel.interpreted(d).evaluate(xs, ys);
        double xMin = in.minValue().toDouble();
        double xMax = in.maxValue().toDouble();
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double[] exact = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            exact[i] = f.at(in.value(xs[i])).toDouble();
            double y = out.value(ys[i]).toDouble();
            lo = Math.min(lo, Math.min(y, exact[i]));
            hi = Math.max(hi, Math.max(y, exact[i]));
        }
        double pad = Math.max((hi - lo) * 0.08, out.ulp().toDouble());
        Svg svg = new Svg(WIDTH, 1024);
        svg.text(WIDTH / 2.0, 24, "middle", "font-size:17px;font-weight:bold;fill:#111",
                "hsig " + f.name() + ": " + in + " -> " + out + ", " + (c.semantics() == dev.hsig.framework.Semantics.EXACT
                        ? c.rounding().cliName() : "as " + c.semantics().cliName() + " computes it")
                        + (c.overflow() == dev.hsig.arithmetic.Overflow.WRAP ? ", wrap" : "")
                        + (c.approximate() ? ", --terms " + c.terms() : ""));
        List<String> subtitle = wrap(f.equation(), SUBTITLE_CHARS);
        for (int i = 0; i < subtitle.size(); i++) {
            svg.text(WIDTH / 2.0, subtitle.size() == 1 ? 44 : 40 + 14 * i, "middle", "font-size:12px;fill:#333",
                    subtitle.get(i));
        }

        Panel transfer = new Panel(LEFT, 84, PLOT_WIDTH, 250, xMin, xMax, lo - pad, hi + pad);
        transfer.axes(svg, "Transfer curve: hardware output over the exact function", "input x", "output y");
        exact(svg, transfer, f.shape(), in);
        envelope(svg, transfer, xs, ys, exact, d, false);
        knees(svg, transfer, d);
        // Below both rows of breakpoint labels (top + 14 and top + 28), so that none runs under the legend.
        legend(svg, transfer.left + 12, transfer.top + LEGEND_DROP);

        long center = zoomCenter(d);
        long span = 12;
        long zLo = Math.max(in.minRaw(), center - span);
        long zHi = Math.min(in.maxRaw(), center + span);
        double zyLo = Double.MAX_VALUE;
        double zyHi = -Double.MAX_VALUE;
        long[] zx = new long[(int) (zHi - zLo + 1)];
        for (int i = 0; i < zx.length; i++) {
            zx[i] = zLo + i;
        }
        long[] zy = new long[zx.length];
        BatchModel.interpreted(d).evaluate(zx, zy);
        for (int i = 0; i < zx.length; i++) {
            double y = out.value(zy[i]).toDouble();
            double e = f.at(in.value(zx[i])).toDouble();
            zyLo = Math.min(zyLo, Math.min(y, e));
            zyHi = Math.max(zyHi, Math.max(y, e));
        }
        double zpad = Math.max((zyHi - zyLo) * 0.1, out.ulp().toDouble());
        Panel zoom = new Panel(LEFT, 414, PLOT_WIDTH, 230, in.value(zLo).toDouble(), in.value(zHi).toDouble(),
                zyLo - zpad, zyHi + zpad);
        // What a step is here, counted rather than assumed: where several words give one output, a step spans them.
        int changes = 0;
        for (int i = 1; i < zy.length; i++) {
            changes += zy[i] != zy[i - 1] ? 1 : 0;
        }
        String steps = changes == zy.length - 1 ? "one step per input word" : changes == 0 ? "one output value"
                : Plural.of(changes + 1, "output value") + " over " + zy.length + " words";
        zoom.axes(svg, "Zoom: " + zx.length + " input words around x = " + in.value(center).toDecimalString()
                + " (" + steps + ")", "input x", "output y");
        exact(svg, zoom, f.shape(), in);
        steps(svg, zoom, in, out, zx, zy);
        knees(svg, zoom, d);

        double bound = d.errorBound().ulps().toDouble();
        double rep = d.errorBound().representable().toDouble();
        double scale = Math.max(Math.max(bound, rep), 0.5) * 1.6;
        Panel error = new Panel(LEFT, 724, PLOT_WIDTH, 230, xMin, xMax, -scale, scale);
        error.axes(svg, "Error of the hardware against the exact function, in output ulps", "input x",
                "error (output ulps)");
        svg.line(error.left, error.py(0), error.left + error.width, error.py(0), "stroke:#999;stroke-width:1");
        for (double b : new double[] {bound, -bound}) {
            svg.line(error.left, error.py(b), error.left + error.width, error.py(b), BOUND);
        }
        // The bound's label sits below the upper bound line, clear of the breakpoint labels at the panel's top.
        svg.rect(error.left + error.width - 356, error.py(bound) + 4, 350, 18, "fill:white;fill-opacity:0.85");
        svg.text(error.left + error.width - 8, error.py(bound) + 17, "end", "font-size:12px;fill:#c62828",
                (c.semantics() == dev.hsig.framework.Semantics.EXACT ? "proven" : "measured") + " bound <= "
                        + dev.hsig.datapath.ErrorBound.show(d.errorBound().ulps()) + " ulp");
        envelope(svg, error, xs, ys, exact, d, true);
        knees(svg, error, d);
        return svg.toString();
    }

    /** Every input word up to 2^20 of them, else evenly spaced ones. */
    private static long[] inputs(QFormat in) {
        long step = Math.max(1, in.count() / MAX_EVALUATIONS);
        int n = (int) ((in.count() + step - 1) / step);
        long[] xs = new long[n];
        for (int i = 0; i < n; i++) {
            xs[i] = in.minRaw() + i * step;
        }
        return xs;
    }

    /** The middle of the widest computed region (else of the input range), where rounding steps show. */
    private static long zoomCenter(Datapath d) {
        Region best = null;
        for (Region r : d.regions().regions()) {
            if (r.value() instanceof Region.Computed && (best == null || r.size() > best.size())) {
                best = r;
            }
        }
        QFormat in = d.config().input();
        return best == null ? Math.max(in.minRaw(), Math.min(in.maxRaw(), 0)) : best.from() + (best.to() - best.from()) / 2;
    }

    /** The exact function, piece by piece: lines by their ends, a quadratic by 64 points; jumps are not joined. */
    private static void exact(Svg svg, Panel p, Shape shape, QFormat in) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < shape.pieces().size(); i++) {
            double from = i == 0 ? p.x0 : Math.max(p.x0, shape.breakpoints().get(i - 1).x().toDouble());
            double to = i == shape.breakpoints().size() ? p.x1 : Math.min(p.x1, shape.breakpoints().get(i).x().toDouble());
            if (from > to) {
                continue;
            }
            Polynomial poly = shape.pieces().get(i);
            int points = poly.degree() == 2 ? 64 : 1;
            for (int k = 0; k <= points; k++) {
                double x = from + (to - from) * k / points;
                double y = poly.c0().toDouble() + poly.c1().toDouble() * x + poly.c2().toDouble() * x * x;
                path.append(k == 0 ? (path.length() == 0 ? "M" : " M") : " L").append(Svg.n(p.px(x))).append(' ')
                        .append(Svg.n(p.py(Math.max(p.y0, Math.min(p.y1, y)))));
            }
        }
        svg.path(path.toString(), EXACT);
    }

    private static void steps(Svg svg, Panel p, QFormat in, QFormat out, long[] xs, long[] ys) {
        double ulp = in.ulp().toDouble();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            double xv = in.value(xs[i]).toDouble();
            double y = out.value(ys[i]).toDouble();
            double from = Math.max(p.x0, xv - ulp / 2);
            double to = Math.min(p.x1, xv + ulp / 2);
            path.append(path.length() == 0 ? "M" : " L").append(Svg.n(p.px(from))).append(' ').append(Svg.n(p.py(y)))
                    .append(" L").append(Svg.n(p.px(to))).append(' ').append(Svg.n(p.py(y)));
        }
        svg.path(path.toString(), MODEL);
    }

    /**
     * Per pixel column, the range of the hardware output (or of its error) over the inputs in that column, drawn
     * as a vertical stroke: at this scale that is the curve.
     */
    private static void envelope(Svg svg, Panel p, long[] xs, long[] ys, double[] exact, Datapath d, boolean error) {
        QFormat in = d.config().input();
        QFormat out = d.config().output();
        int columns = (int) p.width;
        double[] lo = new double[columns];
        double[] hi = new double[columns];
        java.util.Arrays.fill(lo, Double.MAX_VALUE);
        java.util.Arrays.fill(hi, -Double.MAX_VALUE);
        double scale = 1 / out.scale().toDouble();
        for (int i = 0; i < xs.length; i++) {
            double xv = in.value(xs[i]).toDouble();
            double y = out.value(ys[i]).toDouble();
            double v = error ? (y - exact[i]) * scale : y;
            v = Math.max(p.y0, Math.min(p.y1, v));
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
            if (Math.abs(y1 - y2) < 2) {
                y1 += 1;
                y2 -= 1;
            }
            path.append(path.length() == 0 ? "" : " ").append('M').append(Svg.n(x)).append(' ').append(Svg.n(y1))
                    .append(" V").append(Svg.n(y2));
        }
        svg.path(path.toString(), error ? ERROR : MODEL);
    }

    /**
     * A dashed line at each breakpoint, labelled at the top in two alternating rows so close labels do not collide
     * (in the error panel both rows stay above the bound line, whose own label sits below it).
     */
    private static void knees(Svg svg, Panel p, Datapath d) {
        List<Knees.Knee> knees = Knees.of(d.config().function(), d.config().input());
        // Where each of the two label rows is taken up to, left to right; a label that fits neither row is left out
        // (its line stays): close knees would otherwise print over each other.
        double[] taken = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int row = 0;
        for (Knees.Knee k : knees) {
            double kx = k.x().toDouble();
            if (!p.containsX(kx)) {
                continue;
            }
            double x = p.px(kx);
            svg.line(x, p.top, x, p.top + p.height, KNEE);
            boolean leftSide = x > p.left + p.width / 2;
            String label = "x = " + k.x().toDecimalString();
            double width = LABEL_CHAR_PX * label.length();
            double from = leftSide ? x - 4 - width : x + 4;
            int free = from > taken[row % 2] + 4 ? row % 2 : from > taken[(row + 1) % 2] + 4 ? (row + 1) % 2 : -1;
            if (free < 0) {
                continue;
            }
            taken[free] = from + width;
            row = free + 1;
            svg.text(leftSide ? from + width : from, p.top + 14 + 14 * free, leftSide ? "end" : "start",
                    "font-size:11px;fill:#7a3db8", label);
        }
    }

    /**
     * The text in at most two lines of {@code max} characters, broken after commas or spaces; what does not fit the
     * second ends in "..." (the full definition is in the core's header and the report).
     */
    static List<String> wrap(String text, int max) {
        if (text.length() <= max) {
            return List.of(text);
        }
        int cut = Math.max(text.lastIndexOf(',', max - 1), text.lastIndexOf(' ', max - 1)) + 1;
        if (cut <= 0) {
            cut = max;
        }
        String rest = text.substring(cut).trim();
        if (rest.length() > max) {
            rest = rest.substring(0, max - 3) + "...";
        }
        return List.of(text.substring(0, cut).trim(), rest);
    }

    private static void legend(Svg svg, double x, double y) {
        svg.rect(x - 6, y - 14, 250, 44, "fill:white;stroke:#bbb;stroke-width:1");
        svg.line(x, y - 4, x + 28, y - 4, MODEL);
        svg.text(x + 36, y, "start", "font-size:12px;fill:#111", "hardware / model output");
        svg.line(x, y + 16, x + 28, y + 16, EXACT);
        svg.text(x + 36, y + 20, "start", "font-size:12px;fill:#111", "exact f(x)");
    }
}
