package dev.hsig.testbench;

import dev.hsig.format.QFormat;
import java.util.List;

/**
 * Vectors for {@code $readmemh}: after {@code //} comment lines, one word per line holding {x, y}: the input raw
 * word in the high bits and the expected output raw word in the low {@code output.width()} bits.
 */
public final class HexWriter {
    private HexWriter() {
    }

    public static int digits(QFormat in, QFormat out) {
        return (in.width() + out.width() + 3) / 4;
    }

    public static byte[] bytes(List<String> header, QFormat in, QFormat out, Vectors v) {
        int digits = digits(in, out);
        ByteText t = new ByteText(v.size() * (digits + 1) + 4096);
        for (String line : header) {
            t.append(line.isEmpty() ? "//\n" : "// " + line + "\n");
        }
        t.append("// each line: {x (" + in.width() + " bits), y expected (" + out.width() + " bits)}, " + v.size()
                + " vectors\n");
        for (int i = 0; i < v.size(); i++) {
            long word = (in.toBits(v.x()[i]) << out.width()) | out.toBits(v.y()[i]);
            t.hex(word, digits);
            String label = v.label(i);
            if (label != null) {
                t.append("  // ").append(label); // $readmemh skips comments, so labels can sit beside the data
            }
            t.append('\n');
        }
        return t.toBytes();
    }
}
