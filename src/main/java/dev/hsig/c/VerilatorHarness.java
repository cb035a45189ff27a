package dev.hsig.c;

import dev.hsig.format.QFormat;

/**
 * A Verilator C++ harness that checks a combinational Verilog core against its C model ({@code NAME.h}) on every
 * input word: the example of using the header where a verification engineer's testbench lives. It prints
 * {@code P passed, F failed} and exits non-zero on any difference. Ports narrower than 65 bits are the
 * integer types Verilator gives them, so the comparison is on the low W bits of both sides.
 */
public final class VerilatorHarness {
    private VerilatorHarness() {
    }

    /**
     * @param corePath where the core's {@code .v} lies as seen from the harness's directory, ending in '/'
     */
    public static String emit(String name, QFormat in, QFormat out, String corePath) {
        if (in.width() > 24 || out.width() > 64) {
            throw new IllegalArgumentException("the harness walks every input word: at most 24 input bits");
        }
        String v = "V" + name;
        return "// Verilator C++ harness: every input word into the Verilated core " + name + " (" + in + " -> " + out
                + "),\n"
                + "// its y compared with the C golden model " + name + "_eval from " + name + ".h.\n"
                + "// Written by ./hsig generate --all; the test suite builds and runs it.\n"
                + "// run (from this directory):\n"
                + "//   verilator --cc " + corePath + name + ".v --exe " + name + "_verilator.cpp --build -o "
                + name + "_verilator\n"
                + "//   ./obj_dir/" + name + "_verilator\n"
                + "#include <cstdint>\n#include <cstdio>\n\n"
                + "#include \"" + v + ".h\"\n#include \"verilated.h\"\n\n"
                + "#include \"" + name + ".h\"\n\n"
                + "int main(int argc, char** argv) {\n"
                + "    VerilatedContext context;\n"
                + "    context.commandArgs(argc, argv);\n"
                + "    " + v + " core{&context};\n"
                + "    const uint64_t in_mask = " + mask(in.width()) + ";\n"
                + "    const uint64_t out_mask = " + mask(out.width()) + ";\n"
                + "    long passed = 0, failed = 0;\n"
                + "    for (int64_t x_raw = " + in.minRaw() + "; x_raw <= " + in.maxRaw() + "; x_raw++) {\n"
                + "        core.x = (uint64_t)x_raw & in_mask;\n"
                + "        core.eval();\n"
                + "        const uint64_t got = (uint64_t)core.y & out_mask;\n"
                + "        const uint64_t want = (uint64_t)" + name + "_eval(x_raw) & out_mask;\n"
                + "        if (got == want) {\n"
                + "            passed++;\n"
                + "        } else if (failed++ < 10) {\n"
                + "            std::printf(\"MISMATCH x_raw=%lld core y=0x%llx model y=0x%llx\\n\", (long long)x_raw,\n"
                + "                        (unsigned long long)got, (unsigned long long)want);\n"
                + "        }\n"
                + "    }\n"
                + "    core.final();\n"
                + "    std::printf(\"%ld passed, %ld failed\\n\", passed, failed);\n"
                + "    return failed == 0 ? 0 : 1;\n"
                + "}\n";
    }

    private static String mask(int width) {
        return width >= 64 ? "~(uint64_t)0" : "((uint64_t)1 << " + width + ") - 1";
    }
}
