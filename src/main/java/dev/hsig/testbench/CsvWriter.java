package dev.hsig.testbench;

import dev.hsig.format.QFormat;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Vectors as CSV with header {@code x_raw,x,y_raw,y}: raw words as decimal integers (signed for signed
 * formats) and values as exact decimals (every fixed-point value has a finite decimal expansion).
 */
public final class CsvWriter {
    public static final String HEADER = "x_raw,x,y_raw,y";

    private CsvWriter() {
    }

    public static void write(Writer out, QFormat in, QFormat outFormat, List<Vector> vectors) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (Vector v : vectors) {
            out.write(Long.toString(v.x()));
            out.write(',');
            out.write(in.value(v.x()).toDecimalString());
            out.write(',');
            out.write(Long.toString(v.y()));
            out.write(',');
            out.write(outFormat.value(v.y()).toDecimalString());
            out.write('\n');
        }
    }
}
