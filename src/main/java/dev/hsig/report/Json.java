package dev.hsig.report;

import java.util.List;
import java.util.Map;

/** A minimal JSON writer for maps, lists, strings, numbers, booleans and null (no dependency needed). */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, "");
        return s.append('\n').toString();
    }

    private static void write(StringBuilder s, Object v, String indent) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                s.append("{}");
                return;
            }
            s.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                s.append(indent).append("  ");
                string(s, e.getKey().toString());
                s.append(": ");
                write(s, e.getValue(), indent + "  ");
                s.append(++i < m.size() ? ",\n" : "\n");
            }
            s.append(indent).append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                s.append("[]");
                return;
            }
            s.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                s.append(indent).append("  ");
                write(s, l.get(i), indent + "  ");
                s.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            s.append(indent).append(']');
        } else if (v instanceof Number || v instanceof Boolean) {
            s.append(v);
        } else {
            string(s, v.toString());
        }
    }

    private static void string(StringBuilder s, String text) {
        s.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
