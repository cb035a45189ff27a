package dev.hsig.datapath;

import java.util.List;

/**
 * The model over arrays of raw words, bit-identical to {@link Datapath#evaluate} and fast: inputs are processed
 * in blocks, one node at a time over the whole block ("term-major"), with branch-free loops of adds, shifts and
 * masks that the JIT turns into SIMD code. Words live in {@code int}s, so this path covers datapaths whose words
 * are all at most 31 bits wide (every preset at 16-bit formats, and much more); other datapaths are evaluated
 * word by word with the scalar model, which gives the same results.
 *
 * <p>Two liberties keep the loops short, neither visible in the output: exact (signed) words are not wrapped to
 * their width, because the planner sized them so that they never wrap on the linear region and outside it the
 * output is 0 or the cap whatever they hold; and a monotonic table such as the rounding table is evaluated as
 * {@code (index * m + c) >> s} when such constants reproduce every entry, because a gather does not vectorize.
 * Modular (unsigned) words are wrapped exactly as in hardware.
 */
public final class BatchModel {
    static final int BLOCK = 256;
    /** A block of zeros standing in for an absent flag or remainder; only ever read. */
    private static final int[] ZEROS = new int[BLOCK];
    private static final int MAX_WIDTH = 31;

    private final Datapath datapath;
    private final List<Node> nodes;
    private final boolean vectorizable;
    /** Per table node, its entries padded to 2^(index width), so lookups need no bounds test. */
    private final int[][] tables;
    /** Per table node, {m, c, s} with entry(i) = (i*m + c) >> s for every reachable index, or null. */
    private final int[][] affine;

    /** The compiled kernel's run(int[], int[], int, int), or null for the interpreted loops. */
    private final java.lang.invoke.MethodHandle kernel;

    /** The interpreted batch model: block-wise loops, ready at once. */
    public BatchModel(Datapath datapath) {
        this(datapath, false);
    }

    /**
     * The compiled batch model: the datapath printed as one Java loop and compiled in memory (about a second,
     * once), the fastest form for long runs; the interpreted loops when no compiler is available.
     */
    public static BatchModel compiled(Datapath datapath) {
        return new BatchModel(datapath, true);
    }

    private BatchModel(Datapath datapath, boolean compile) {
        this.datapath = datapath;
        this.nodes = datapath.nodes();
        this.vectorizable = supported(datapath);
        this.tables = new int[nodes.size()][];
        this.affine = new int[nodes.size()][];
        if (vectorizable) {
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) instanceof Node.Table t) {
                    int[] listed = AffineTable.entries(t, nodes.get(t.index()).width());
                    tables[i] = java.util.Arrays.copyOf(listed, 1 << nodes.get(t.index()).width());
                    affine[i] = AffineTable.find(listed);
                }
            }
        }
        String name = "HsigKernel" + Integer.toHexString(System.identityHashCode(this));
        this.kernel = compile && vectorizable
                ? KernelCompiler.compile(name, JavaKernelEmitter.source(datapath, name)).orElse(null) : null;
    }

    /** Whether this model runs a compiled kernel. */
    public boolean isCompiled() {
        return kernel != null;
    }

    /** Whether the fast int path applies (else evaluation falls back to the scalar model, with equal results). */
    public boolean vectorizable() {
        return vectorizable;
    }

    private static boolean supported(Datapath d) {
        for (Node n : d.nodes()) {
            if (n.width() > MAX_WIDTH) {
                return false;
            }
            if (n instanceof Node.Sum s) {
                for (Node.Term t : s.terms()) {
                    if (Math.abs(t.shift()) > 30) {
                        return false;
                    }
                }
                if (s.constant() != (int) s.constant()) {
                    return false;
                }
            } else if (n instanceof Node.TieToEven t && (t.shift() > 30 || t.divisor() != (int) t.divisor())) {
                return false;
            } else if (n instanceof Node.Compare c && c.constant() != (int) c.constant()) {
                return false;
            } else if (n instanceof Node.Table t && d.nodes().get(t.index()).width() > 16) {
                return false;
            }
        }
        return true;
    }

    /** y[i] = model(x[i]) for raw words x (signed or unsigned as the input format says). */
    public void evaluate(int[] x, int[] y) {
        evaluate(x, y, 0, x.length);
    }

    /**
     * The same over {@code long} raw words, for formats up to 32 bits wide whether signed or not: y[i] is the
     * output raw word as the scalar model returns it.
     */
    public void evaluate(long[] x, long[] y) {
        if (!vectorizable) {
            for (int i = 0; i < x.length; i++) {
                y[i] = datapath.evaluate(x[i]);
            }
            return;
        }
        int[] xi = new int[Math.min(x.length, 1 << 16)];
        int[] yi = new int[xi.length];
        for (int start = 0; start < x.length; start += xi.length) {
            int n = Math.min(xi.length, x.length - start);
            for (int i = 0; i < n; i++) {
                xi[i] = (int) x[start + i];
            }
            evaluate(xi, yi, 0, n);
            for (int i = 0; i < n; i++) {
                y[start + i] = datapath.config().output().fromBits(yi[i]);
            }
        }
    }

    public void evaluate(int[] x, int[] y, int from, int to) {
        if (kernel != null) {
            try {
                kernel.invokeExact(x, y, from, to);
            } catch (Throwable e) {
                throw new IllegalStateException("compiled kernel failed", e);
            }
            return;
        }
        if (!vectorizable) {
            for (int i = from; i < to; i++) {
                y[i] = (int) datapath.evaluate(datapath.config().input().signed() ? x[i] : x[i] & 0xFFFFFFFFL);
            }
            return;
        }
        int[][] v = new int[nodes.size()][BLOCK];
        for (int start = from; start < to; start += BLOCK) {
            int n = Math.min(BLOCK, to - start);
            System.arraycopy(x, start, v[0], 0, n);
            for (int i = 1; i < nodes.size(); i++) {
                step(i, v, n);
            }
            System.arraycopy(v[nodes.size() - 1], 0, y, start, n);
        }
    }

    /** One node over one block. Each loop is a small static method of its own, which the JIT vectorizes. */
    private void step(int i, int[][] v, int n) {
        Node node = nodes.get(i);
        int[] out = v[i];
        if (node instanceof Node.Sum s) {
            Node.Term t0 = s.terms().get(0);
            int c = (int) s.constant();
            // Exact words never wrap where it matters (see the class comment); modular ones keep their low bits.
            int mask = node.signed() ? -1 : (1 << node.width()) - 1;
            if (s.terms().size() == 1) {
                sum1(v[t0.source()], Math.max(0, t0.shift()), Math.max(0, -t0.shift()), c, mask, out, n);
            } else {
                Node.Term t1 = s.terms().get(1);
                sum2(v[t0.source()], Math.max(0, t0.shift()), Math.max(0, -t0.shift()), v[t1.source()],
                        Math.max(0, t1.shift()), Math.max(0, -t1.shift()), t1.negate() ? -1 : 1, c, mask, out, n);
            }
        } else if (node instanceof Node.Compare c) {
            if (c.less()) {
                less(v[c.source()], (int) c.constant(), out, n);
            } else {
                greater(v[c.source()], (int) c.constant(), out, n);
            }
        } else if (node instanceof Node.Table t) {
            int[] f = affine[i];
            if (f != null) {
                affine(v[t.index()], f[0], f[1], f[2], out, n);
            } else {
                gather(v[t.index()], tables[i], out, n);
            }
        } else if (node instanceof Node.TieToEven t) {
            tieToEven(v[t.source()], t.shift(), t.remainder() >= 0 ? v[t.remainder()] : null, (int) t.divisor(), out, n);
        } else if (node instanceof Node.OutputSelect o) {
            select(o, v, out, n);
        }
    }

    private static void sum1(int[] a, int la, int ra, int c, int mask, int[] out, int n) {
        for (int k = 0; k < n; k++) {
            out[k] = (((a[k] << la) >> ra) + c) & mask;
        }
    }

    private static void sum2(int[] a, int la, int ra, int[] b, int lb, int rb, int sign, int c, int mask, int[] out,
            int n) {
        for (int k = 0; k < n; k++) {
            out[k] = (((a[k] << la) >> ra) + sign * ((b[k] << lb) >> rb) + c) & mask;
        }
    }

    private static void less(int[] a, int c, int[] out, int n) {
        for (int k = 0; k < n; k++) {
            out[k] = (a[k] - c) >>> 31;
        }
    }

    private static void greater(int[] a, int c, int[] out, int n) {
        for (int k = 0; k < n; k++) {
            out[k] = (c - a[k]) >>> 31;
        }
    }

    private static void affine(int[] idx, int m, int c, int s, int[] out, int n) {
        for (int k = 0; k < n; k++) {
            out[k] = (idx[k] * m + c) >> s;
        }
    }

    private static void gather(int[] idx, int[] table, int[] out, int n) {
        for (int k = 0; k < n; k++) {
            out[k] = table[idx[k]];
        }
    }

    private static void tieToEven(int[] a, int k, int[] remainder, int divisor, int[] out, int n) {
        int low = (1 << k) - 1;
        // v - 1 is negative exactly when v == 0: dropped bits all zero, and a remainder of 0 or D (zero once the
        // quotient is corrected). An absent remainder counts as zero.
        int[] rem = remainder == null ? ZEROS : remainder;
        for (int j = 0; j < n; j++) {
            int x = a[j];
            int exact = ((rem[j] - 1) >>> 31) | (((rem[j] ^ divisor) - 1) >>> 31);
            out[j] = (x >> k) & ~((((x & low) - 1) >>> 31) & exact);
        }
    }

    private static void select(Node.OutputSelect o, int[][] v, int[] out, int n) {
        int cap = (int) o.cap();
        int[] lin = o.linear() >= 0 ? v[o.linear()] : null;
        int[] below = o.below() >= 0 ? v[o.below()] : ZEROS;
        int[] above = o.above() >= 0 ? v[o.above()] : ZEROS;
        if (lin == null) {
            for (int k = 0; k < n; k++) {
                out[k] = cap & (below[k] - 1);
            }
            return;
        }
        // Arithmetic select (lin + ((cap - lin) & mask)): C2 compiles the and-or form into branches.
        for (int k = 0; k < n; k++) {
            out[k] = (lin[k] + ((cap - lin[k]) & -above[k])) & (below[k] - 1);
        }
    }
}
