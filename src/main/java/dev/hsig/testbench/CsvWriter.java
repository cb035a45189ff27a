package dev.hsig.testbench;

import dev.hsig.format.QFormat;

/**
 * Vectors as CSV with header {@code x_raw,x,y_raw,y}: raw words as decimal integers (signed for signed
 * formats) and values as exact decimals (every fixed-point value, and every affine value with a float32 scale, has a
 * finite decimal expansion; an exact scale such as 1/3 gives the fraction p/q).
 */
public final class CsvWriter {
    public static final String HEADER = "x_raw,x,y_raw,y";

    private CsvWriter() {
    }

    public static byte[] bytes(QFormat in, QFormat out, Vectors v) {
        ByteText t = new ByteText(v.size() * 48 + 32);
        t.append(HEADER).append('\n');
        if (in.isAffine() || out.isAffine()) {
            for (int i = 0; i < v.size(); i++) {
                t.append(v.x()[i]).append(',').append(in.value(v.x()[i]).toDecimalString()).append(',')
                        .append(v.y()[i]).append(',').append(out.value(v.y()[i]).toDecimalString()).append('\n');
            }
            return t.toBytes();
        }
        for (int i = 0; i < v.size(); i++) {
            t.append(v.x()[i]).append(',').fixed(v.x()[i], in.fraction()).append(',')
                    .append(v.y()[i]).append(',').fixed(v.y()[i], out.fraction()).append('\n');
        }
        return t.toBytes();
    }
}
