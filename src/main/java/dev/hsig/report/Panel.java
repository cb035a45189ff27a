package dev.hsig.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One plot area: a data rectangle mapped to a pixel rectangle, with axes, ticks, grid and labels. */
final class Panel {
    final double left;
    final double top;
    final double width;
    final double height;
    final double x0;
    final double x1;
    final double y0;
    final double y1;

    Panel(double left, double top, double width, double height, double x0, double x1, double y0, double y1) {
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
    }

    double px(double x) {
        return left + (x - x0) / (x1 - x0) * width;
    }

    double py(double y) {
        return top + height - (y - y0) / (y1 - y0) * height;
    }

    boolean containsX(double x) {
        return x >= x0 && x <= x1;
    }

    void axes(Svg svg, String title, String xLabel, String yLabel) {
        svg.rect(left, top, width, height, "fill:none;stroke:#333;stroke-width:1");
        for (double t : ticks(x0, x1)) {
            double x = px(t);
            svg.line(x, top, x, top + height, "stroke:#e4e4e4;stroke-width:1");
            svg.line(x, top + height, x, top + height + 5, "stroke:#333;stroke-width:1");
            svg.text(x, top + height + 18, "middle", "font-size:12px;fill:#333", label(t));
        }
        for (double t : ticks(y0, y1)) {
            double y = py(t);
            svg.line(left, y, left + width, y, "stroke:#e4e4e4;stroke-width:1");
            svg.line(left - 5, y, left, y, "stroke:#333;stroke-width:1");
            svg.text(left - 8, y + 4, "end", "font-size:12px;fill:#333", label(t));
        }
        svg.text(left + width / 2, top - 10, "middle", "font-size:15px;font-weight:bold;fill:#111", title);
        svg.text(left + width / 2, top + height + 38, "middle", "font-size:13px;fill:#111", xLabel);
        svg.rotatedText(left - 52, top + height / 2, "font-size:13px;fill:#111", yLabel);
    }

    /** About six round-numbered ticks (1, 2 or 5 times a power of ten) covering [lo, hi]. */
    static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    static String label(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
