package dev.hsig.reference;

import dev.hsig.format.QFormat;
import java.util.function.LongUnaryOperator;

/**
 * A checker for proofs against a framework's semantics: {@code ok} is 1 exactly when {@code y} is the framework's
 * output word for {@code x}, listed input by input from the framework's transcribed kernel (never from the
 * datapath). Framework semantics are defined only by their kernels, so their checker is their table; the proof
 * shows that the core computes exactly those words.
 */
public final class TableChecker {
    private TableChecker() {
    }

    public static String verilog(QFormat in, QFormat out, LongUnaryOperator outputRaw, String what, String module) {
        StringBuilder v = new StringBuilder();
        v.append("// FRAMEWORK CHECKER for proofs: ok = 1 exactly when y is ").append(what).append(" for x.\n");
        v.append("module ").append(module).append(" (input wire [").append(in.width() - 1).append(":0] x, input wire [")
                .append(out.width() - 1).append(":0] y, output reg ok);\n");
        v.append("    always @* begin\n        case (x)\n");
        for (long bits = 0; bits < in.count(); bits++) {
            long y = out.toBits(outputRaw.applyAsLong(in.fromBits(bits)));
            v.append("            ").append(in.width()).append("'d").append(bits).append(": ok = y == ")
                    .append(out.width()).append("'d").append(y).append(";\n");
        }
        v.append("            default: ok = 1'b0;\n        endcase\n    end\nendmodule\n");
        return v.toString();
    }
}
