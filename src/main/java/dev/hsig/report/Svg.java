package dev.hsig.report;

import java.util.Locale;

/** A tiny SVG writer: elements appended as text, numbers printed with fixed precision so output is deterministic. */
final class Svg {
    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;

    Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    Svg line(double x1, double y1, double x2, double y2, String style) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" style=\"").append(style).append("\"/>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String style) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" style=\"").append(style).append("\"/>\n");
        return this;
    }

    Svg path(String d, String style) {
        body.append("<path d=\"").append(d).append("\" style=\"").append(style).append("\"/>\n");
        return this;
    }

    Svg text(double x, double y, String anchor, String style, String text) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" style=\"").append(style).append("\">").append(escape(text)).append("</text>\n");
        return this;
    }

    Svg rotatedText(double x, double y, String style, String text) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"middle\"")
                .append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\" style=\"")
                .append(style).append("\">").append(escape(text)).append("</text>\n");
        return this;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String toString() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"sans-serif\">\n"
                + "<rect x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height + "\" style=\"fill:white\"/>\n"
                + body + "</svg>\n";
    }
}
