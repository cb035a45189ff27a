package dev.hsig.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.Core;
import dev.hsig.cli.Cli;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The {@code hls4ml} preset against hls4ml 1.x's hard_sigmoid as the issue defines it, in exact integer
 * arithmetic written here from that definition (not from hsig's spec classes): the slope 0.2 truncated to
 * ap_ufixed&lt;16,0&gt;, an exact multiply-add with 1/2, a clip to [0, 1], and an assignment to the output type with
 * AP_TRN (floor) and AP_WRAP (modulo 2^W into the type's range). Every input of each format is compared.
 */
class Hls4mlTest {
    /** An ap_fixed / ap_ufixed type: W bits, I of them integer, so F = W - I fraction bits. */
    record ApType(boolean signed, int w, int i) {
        int f() {
            return w - i;
        }

        String text() {
            return (signed ? "ap_fixed<" : "ap_ufixed<") + w + "," + i + ">";
        }
    }

    /** hls4ml's output for the input word x (value x / 2^Fin), as a raw output word. */
    static long hls4ml(long x, ApType in, ApType out) {
        BigInteger slope = BigInteger.ONE.shiftLeft(16).divide(BigInteger.valueOf(5)); // floor(0.2 * 2^16) = 13107
        // t = slope/2^16 * x/2^Fin + 1/2, held exactly as num / 2^(16 + Fin).
        int scale = 16 + in.f();
        BigInteger num = slope.multiply(BigInteger.valueOf(x)).add(BigInteger.ONE.shiftLeft(scale - 1));
        BigInteger one = BigInteger.ONE.shiftLeft(scale);
        num = num.max(BigInteger.ZERO).min(one); // clip to [0, 1]
        // AP_TRN: floor(t * 2^Fout); num >= 0 here, so a right shift (or left) is the floor.
        int shift = scale - out.f();
        BigInteger raw = shift >= 0 ? num.shiftRight(shift) : num.shiftLeft(-shift);
        // AP_WRAP: keep the low W bits, read as the type reads them.
        BigInteger modulus = BigInteger.ONE.shiftLeft(out.w());
        BigInteger low = raw.mod(modulus);
        if (out.signed() && low.testBit(out.w() - 1)) {
            low = low.subtract(modulus);
        }
        return low.longValueExact();
    }

    @Test
    void everyInputMatchesTheDefinition() {
        ApType[] ins = {new ApType(true, 8, 3), new ApType(true, 16, 6), new ApType(true, 12, 4)};
        ApType[] outs = {new ApType(false, 8, 0), new ApType(true, 16, 6), new ApType(false, 16, 1),
            new ApType(true, 8, 3), new ApType(true, 8, 1), new ApType(false, 10, 2)};
        for (ApType in : ins) {
            for (ApType out : outs) {
                Core core = Core.builder().function("hls4ml").input(in.text()).output(out.text()).build();
                long lo = -(1L << (in.w() - 1));
                long hi = (1L << (in.w() - 1)) - 1;
                assertEquals(lo, core.minInput());
                assertEquals(hi, core.maxInput());
                for (long x = lo; x <= hi; x++) {
                    assertEquals(hls4ml(x, in, out), core.eval(x), in.text() + " -> " + out.text() + " at x_raw " + x);
                }
            }
        }
    }

    /** The oracle itself, on values worked by hand, so that a wrong oracle cannot pass both sides. */
    @Test
    void theDefinitionOnHandWorkedValues() {
        ApType in = new ApType(true, 8, 3); // 5 fraction bits
        ApType u80 = new ApType(false, 8, 0);
        // x = 3.25 clips to 1; 1.0 in ap_ufixed<8,0> is 256, which wraps to 0.
        assertEquals(0, hls4ml(104, in, u80));
        // x = 0: 1/2 exactly, 128/256.
        assertEquals(128, hls4ml(0, in, u80));
        // x = 1 (raw 32): 13107/65536 + 1/2 = 45875/65536, floor(45875/256) = 179.
        assertEquals(179, hls4ml(32, in, u80));
        // x = -4: clips to 0.
        assertEquals(0, hls4ml(-128, in, u80));
        // ap_fixed<8,3> output (5 fraction bits) at x = 1: floor(45875/2048) = 22.
        assertEquals(22, hls4ml(32, in, in));
    }

    /** The acceptance: ap_fixed<8,3> -> ap_ufixed<8,0> gives 0 at x = 3.25, as hls4ml does. */
    @Test
    void theVectorsCommandGivesZeroWhereTheInputClipsToOne() {
        Cli.Result r = Cli.run("vectors", "--input", "ap_fixed<8,3>", "--output", "ap_ufixed<8,0>", "--function",
                "hls4ml", "--exhaustive");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.equals("104,3.25,0,0")), r.out());
    }
}
