package dev.hsig.c;

import dev.hsig.binarize.Binarizer;
import dev.hsig.binarize.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * A binarizer in C, after {@code NAME_eval}: {@code NAME_random(n, lane)}, the random word of output n of a lane,
 * and {@code NAME_binarize(x_raw, n, lane)}, the bit the core delivers there (1 for +1). Words are uint64_t and
 * every step is reduced modulo 2^F, so there is no undefined behaviour.
 */
public final class CBinarizer implements Step.Visitor<String> {
    private final Binarizer b;
    private final StringBuilder tables = new StringBuilder();
    private String tableName;
    private String prefix;
    private final java.util.Set<Integer> declaredBoxes = new java.util.HashSet<>();

    private CBinarizer(Binarizer b) {
        this.b = b;
    }

    public static String functions(String name, Binarizer b) {
        return new CBinarizer(b).text(name);
    }

    private String mask() {
        return "UINT64_C(0x" + Long.toHexString(b.mask()) + ")";
    }

    private static String constant(long v) {
        return "UINT64_C(0x" + Long.toHexString(v) + ")";
    }

    private String text(String name) {
        prefix = name;
        StringBuilder s = new StringBuilder();
        if (!b.stochastic()) {
            s.append("/* Deterministic (sign) binarization: 1 (+1) when p >= 1/2, else 0 (-1). */\n");
            s.append("static inline int ").append(name).append("_binarize(int64_t x_raw) {\n    return ").append(name)
                    .append("_eval(x_raw) >= INT64_C(0x").append(Long.toHexString(1L << (b.bits() - 1)))
                    .append(") ? 1 : 0;\n}\n\n");
            return s.toString();
        }
        s.append("/* The random word r of output n (n = 0 after reset) of a lane, 0 to ").append(b.lanes() - 1)
                .append(": mix_lane((start + n) mod 2^").append(b.bits()).append(").\n   Returns UINT64_MAX for a lane the"
                        + " core does not have. */\n");
        StringBuilder body = new StringBuilder();
        body.append("static inline uint64_t ").append(name).append("_random(uint64_t n, int lane) {\n");
        body.append("    uint64_t v = (").append(constant(b.start())).append(" + n) & ").append(mask()).append(";\n");
        body.append("    switch (lane) {\n");
        for (int lane = 0; lane < b.lanes(); lane++) {
            body.append("    case ").append(lane).append(":\n");
            int k = 0;
            for (Step step : b.mixer(lane).steps()) {
                tableName = name + "_mix" + lane + "_" + k++;
                body.append("        v = ").append(step.accept(this)).append(";\n");
            }
            body.append("        return v;\n");
        }
        body.append("    default:\n        return UINT64_MAX;\n    }\n}\n\n");
        s.append(tables).append(body);
        s.append("/* The bit the core delivers for x_raw as output n of a lane: 1 (+1) when r < p_raw, so P(+1) = p_raw /"
                + " 2^").append(b.bits()).append(". */\n");
        s.append("static inline int ").append(name).append("_binarize(int64_t x_raw, uint64_t n, int lane) {\n");
        s.append("    return ").append(name).append("_random(n, lane) < (uint64_t)").append(name)
                .append("_eval(x_raw) ? 1 : 0;\n}\n\n");
        return s.toString();
    }

    @Override
    public String xor(Step.Xor s) {
        return "v ^ " + constant(s.k());
    }

    @Override
    public String substitute(Step.Substitute s) {
        List<String> parts = new ArrayList<>();
        for (Step.Substitute.Chunk c : s.chunks(b.bits())) {
            String in = "(((v >> " + c.low() + ") ^ " + c.key() + ") & " + ((1 << c.width()) - 1) + ")";
            parts.add("((uint64_t)" + box(c.width()) + "[" + in + "] << " + c.low() + ")");
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
        tables.append("static const uint8_t ").append(tableName).append("[").append(s.words().size()).append("] = {");
        for (int i = 0; i < s.words().size(); i++) {
            tables.append(i == 0 ? "" : ", ").append(s.words().get(i));
        }
        tables.append("};\n\n");
        return tableName + "[v]";
    }

    /** The name of box w, declared the first time it is read. */
    private String box(int width) {
        String name = prefix + "_box" + width;
        if (declaredBoxes.add(width)) {
            tables.append("static const uint8_t ").append(name).append("[").append(1 << width).append("] = {");
            List<Long> box = Step.box(width);
            for (int i = 0; i < box.size(); i++) {
                tables.append(i == 0 ? "" : ", ").append(box.get(i));
            }
            tables.append("};").append(width == 4 ? "  /* PRESENT's S-box */" : "").append("\n\n");
        }
        return name;
    }
}
