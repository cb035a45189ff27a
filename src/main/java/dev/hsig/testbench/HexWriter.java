package dev.hsig.testbench;

import dev.hsig.format.QFormat;
import java.io.IOException;
import java.io.Writer;
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

    public static void write(Writer w, List<String> header, QFormat in, QFormat out, List<Vector> vectors)
            throws IOException {
        for (String line : header) {
            w.write(line.isEmpty() ? "//\n" : "// " + line + "\n");
        }
        w.write("// each line: {x (" + in.width() + " bits), y expected (" + out.width() + " bits)}, " + vectors.size()
                + " vectors\n");
        int digits = digits(in, out);
        char[] buf = new char[digits + 1];
        buf[digits] = '\n';
        for (Vector v : vectors) {
            long word = (in.toBits(v.x()) << out.width()) | out.toBits(v.y());
            for (int i = digits - 1; i >= 0; i--) {
                buf[i] = Character.forDigit((int) (word & 15), 16);
                word >>>= 4;
            }
            w.write(buf);
        }
    }
}
