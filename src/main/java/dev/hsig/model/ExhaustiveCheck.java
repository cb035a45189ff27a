package dev.hsig.model;

import dev.hsig.datapath.Datapath;
import dev.hsig.format.QFormat;
import dev.hsig.spec.IntegerReference;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Every input word of a configuration through the compiled batch model, compared with the integer reference,
 * split into chunks over all cores. Returns the number of mismatches (and remembers the first).
 */
public final class ExhaustiveCheck {
    private static final int CHUNK = 1 << 16;

    public record Result(long inputs, long mismatches, long firstMismatch) {
    }

    private ExhaustiveCheck() {
    }

    public static Result run(Datapath d, IntegerReference reference) {
        QFormat in = d.config().input();
        if (in.width() > 31) {
            throw new IllegalArgumentException("exhaustive checks take inputs up to 31 bits");
        }
        BatchModel model = BatchModel.compiled(d);
        long count = in.count();
        int chunks = (int) ((count + CHUNK - 1) / CHUNK);
        AtomicLong mismatches = new AtomicLong();
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            long start = in.minRaw() + (long) c * CHUNK;
            int n = (int) Math.min(CHUNK, in.maxRaw() - start + 1);
            long[] x = new long[n];
            long[] y = new long[n];
            for (int i = 0; i < n; i++) {
                x[i] = start + i;
            }
            model.evaluate(x, y);
            for (int i = 0; i < n; i++) {
                if (reference.outputRaw(x[i]) != y[i]) {
                    mismatches.incrementAndGet();
                    first.accumulateAndGet(x[i], Math::min);
                }
            }
        });
        return new Result(count, mismatches.get(), first.get());
    }
}
