// Verilator C++ harness: every input word into the Verilated core hsig_keras_q4_12_to_uq1_15 (Q4.12 -> UQ1.15),
// its y compared with the C golden model hsig_keras_q4_12_to_uq1_15_eval from hsig_keras_q4_12_to_uq1_15.h.
// Written by ./hsig generate --all; the test suite builds and runs it.
// run (from this directory):
//   verilator --cc ../generated-verilog/hsig_keras_q4_12_to_uq1_15.v --exe hsig_keras_q4_12_to_uq1_15_verilator.cpp --build -o hsig_keras_q4_12_to_uq1_15_verilator
//   ./obj_dir/hsig_keras_q4_12_to_uq1_15_verilator
#include <cstdint>
#include <cstdio>

#include "Vhsig_keras_q4_12_to_uq1_15.h"
#include "verilated.h"

#include "hsig_keras_q4_12_to_uq1_15.h"

int main(int argc, char** argv) {
    VerilatedContext context;
    context.commandArgs(argc, argv);
    Vhsig_keras_q4_12_to_uq1_15 core{&context};
    const uint64_t in_mask = ((uint64_t)1 << 16) - 1;
    const uint64_t out_mask = ((uint64_t)1 << 16) - 1;
    long passed = 0, failed = 0;
    for (int64_t x_raw = -32768; x_raw <= 32767; x_raw++) {
        core.x = (uint64_t)x_raw & in_mask;
        core.eval();
        const uint64_t got = (uint64_t)core.y & out_mask;
        const uint64_t want = (uint64_t)hsig_keras_q4_12_to_uq1_15_eval(x_raw) & out_mask;
        if (got == want) {
            passed++;
        } else if (failed++ < 10) {
            std::printf("MISMATCH x_raw=%lld core y=0x%llx model y=0x%llx\n", (long long)x_raw,
                        (unsigned long long)got, (unsigned long long)want);
        }
    }
    core.final();
    std::printf("%ld passed, %ld failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
