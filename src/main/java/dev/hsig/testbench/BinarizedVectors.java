package dev.hsig.testbench;

import dev.hsig.binarize.Binarizer;
import dev.hsig.format.QFormat;

/**
 * The vectors of a binarized core: vector k goes to lane k mod L of beat k / L, as every testbench sends them, so
 * it is output n = k / L of that lane, and its expected bit is the model's {@code bit(p_raw, n, lane)}.
 */
public final class BinarizedVectors {
    /** The output "format" of the testbenches: one unsigned bit, 1 for +1. */
    public static final QFormat BIT = new QFormat(false, 1, 0);
    public static final String CSV_HEADER = "x_raw,x,p_raw,p,output,lane,r,y";

    private BinarizedVectors() {
    }

    public static Vectors of(Vectors probabilities, Binarizer b) {
        long[] bits = new long[probabilities.size()];
        for (int k = 0; k < bits.length; k++) {
            bits[k] = b.bit(probabilities.y()[k], k / b.lanes(), k % b.lanes());
        }
        return new Vectors(probabilities.x(), bits, probabilities.labels());
    }

    /** x, the probability, which output of which lane, its random word (0 when deterministic) and the bit. */
    public static byte[] csv(QFormat in, QFormat out, Vectors probabilities, Binarizer b) {
        ByteText t = new ByteText(probabilities.size() * 64 + 64);
        t.append(CSV_HEADER).append('\n');
        for (int k = 0; k < probabilities.size(); k++) {
            long x = probabilities.x()[k];
            long p = probabilities.y()[k];
            long n = k / b.lanes();
            int lane = k % b.lanes();
            t.append(x).append(',').append(in.value(x).toDecimalString()).append(',').append(p).append(',')
                    .append(out.value(p).toDecimalString()).append(',').append(n).append(',').append(lane).append(',')
                    .append(b.stochastic() ? b.random(n, lane) : 0).append(',').append(b.bit(p, n, lane)).append('\n');
        }
        return t.toBytes();
    }
}
