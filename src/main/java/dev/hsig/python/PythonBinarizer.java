package dev.hsig.python;

import dev.hsig.binarize.Binarizer;
import dev.hsig.binarize.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * A binarizer in Python, appended to the module of its probability core: {@code random(n, lane)}, the random word
 * of output n of a lane, and {@code binarize(x_raw, n, lane)}, the bit the core delivers there (1 for +1), printed
 * from the same steps as the HDL and C.
 */
public final class PythonBinarizer implements Step.Visitor<String> {
    private final Binarizer b;

    private PythonBinarizer(Binarizer b) {
        this.b = b;
    }

    public static String functions(Binarizer b) {
        return new PythonBinarizer(b).text();
    }

    private String text() {
        StringBuilder s = new StringBuilder("\n\n");
        if (!b.stochastic()) {
            s.append("def binarize(x_raw):\n    \"\"\"Deterministic (sign) binarization: 1 (+1) when p >= 1/2, else 0 (-1).\"\"\"\n")
                    .append("    return 1 if eval(x_raw) >= ").append(1L << (b.bits() - 1)).append(" else 0\n");
            return s.toString();
        }
        s.append("RANDOM_BITS = ").append(b.bits()).append("\nLANES = ").append(b.lanes()).append("\n\n");
        s.append("_BOXES = {").append(boxes()).append("}\n\n");
        s.append("_TABLES = {\n");
        for (int lane = 0; lane < b.lanes(); lane++) {
            for (Step step : b.mixer(lane).steps()) {
                if (step instanceof Step.Table t) {
                    s.append("    ").append(lane).append(": ").append(t.words()).append(",\n");
                }
            }
        }
        s.append("}\n\n\n");
        s.append("def _sub(v, key, width):\n    \"\"\"v's chunk of width bits through its box, after the key.\"\"\"\n")
                .append("    return _BOXES[width][(v ^ key) & ((1 << width) - 1)]\n\n\n");
        s.append("def random(n, lane):\n    \"\"\"r for output n (n = 0 after reset) of a lane: mix_lane((start + n) mod 2^")
                .append(b.bits()).append(").\"\"\"\n");
        s.append("    v = (").append(b.start()).append(" + n) & ").append(b.mask()).append("\n");
        for (int lane = 0; lane < b.lanes(); lane++) {
            s.append("    ").append(lane == 0 ? "if" : "elif").append(" lane == ").append(lane).append(":\n");
            current = lane;
            for (Step step : b.mixer(lane).steps()) {
                s.append("        v = ").append(step.accept(this)).append("\n");
            }
        }
        s.append("    else:\n        raise ValueError(\"lane %d is not one of the core's 0 to ").append(b.lanes() - 1)
                .append("\" % lane)\n    return v\n\n\n");
        s.append("def binarize(x_raw, n, lane):\n    \"\"\"The bit for x_raw as output n of a lane: 1 (+1) when r < p_raw, so P(+1)")
                .append(" = p_raw / 2^").append(b.bits()).append(".\"\"\"\n")
                .append("    return 1 if random(n, lane) < eval(x_raw) else 0\n");
        return s.toString();
    }

    private int current;

    private static String boxes() {
        List<String> parts = new ArrayList<>();
        for (int width = 1; width <= 4; width++) {
            parts.add(width + ": " + Step.box(width));
        }
        return String.join(", ", parts);
    }

    @Override
    public String xor(Step.Xor s) {
        return "v ^ " + s.k();
    }

    @Override
    public String substitute(Step.Substitute s) {
        List<String> parts = new ArrayList<>();
        for (Step.Substitute.Chunk c : s.chunks(b.bits())) {
            parts.add("(_sub(v >> " + c.low() + ", " + c.key() + ", " + c.width() + ") << " + c.low() + ")");
        }
        return String.join(" | ", parts);
    }

    @Override
    public String permute(Step.Permute s) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < b.bits(); i++) {
            parts.add("(((v >> " + i + ") & 1) << " + s.to().get(i) + ")");
        }
        return String.join(" | ", parts);
    }

    @Override
    public String table(Step.Table s) {
        return "_TABLES[" + current + "][v]";
    }
}
