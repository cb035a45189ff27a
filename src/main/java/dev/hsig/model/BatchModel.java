package dev.hsig.model;

import dev.hsig.datapath.Choice;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Node;
import dev.hsig.format.QFormat;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.List;

/**
 * The model over arrays of raw words, bit-identical to {@link ScalarModel} and fast. Two forms:
 * {@link #compiled} prints the datapath as one Java loop ({@link JavaKernelEmitter}) and compiles it in memory;
 * {@link #interpreted} processes inputs in blocks, one node at a time over the whole block, with branch-free
 * loops the JIT turns into SIMD code. Words live in {@code int}s, so both cover datapaths whose words are at most
 * 31 bits wide (every preset at 16-bit formats, and much more); other datapaths are evaluated word by word with
 * the scalar model, which gives the same results.
 *
 * <p>Two liberties keep the loops short, neither visible in the output: exact (signed) words are not wrapped to
 * their width, because the planner sized them so that they never wrap on the inputs where their value is
 * selected, and elsewhere the output does not read them; and a monotonic table such as the rounding table is
 * evaluated as {@code (index * m + c) >> s} when such constants reproduce every entry, because a gather does not
 * vectorize. Modular (unsigned) words and the output are wrapped exactly as in hardware.
 */
public final class BatchModel {
    static final int BLOCK = 256;
    static final int MAX_WIDTH = 31;

    private final Datapath datapath;
    private final QFormat in;
    private final QFormat out;
    private final ScalarModel scalar;
    private final boolean vectorizable;
    private final BlockStep[] steps;
    /** The compiled kernel's run(int[], int[], int, int), or null for the interpreted loops. */
    private final MethodHandle kernel;
    /** For datapaths with words over 31 bits: the kernel over long words, run(long[], long[], int, int), or null. */
    private final MethodHandle wideKernel;
    /** The compiled kernel's eval(long) of one word, or null. */
    private final MethodHandle oneWord;

    private BatchModel(Datapath datapath, boolean compile) {
        this.datapath = datapath;
        this.in = datapath.config().input();
        this.out = datapath.config().output();
        this.scalar = new ScalarModel(datapath);
        this.vectorizable = supported(datapath);
        List<Node> nodes = datapath.nodes();
        this.steps = new BlockStep[nodes.size()];
        if (vectorizable) {
            BlockSteps maker = new BlockSteps(nodes);
            for (int i = 1; i < nodes.size(); i++) {
                steps[i] = nodes.get(i).accept(maker);
            }
        }
        String name = "HsigKernel" + Integer.toHexString(System.identityHashCode(this));
        KernelCompiler.Kernel k = compile ? KernelCompiler.compileKernel(name, JavaKernelEmitter.source(datapath, name,
                !vectorizable)).orElse(null) : null;
        this.kernel = k != null && vectorizable ? k.run() : null;
        this.wideKernel = k != null && !vectorizable ? k.run() : null;
        this.oneWord = k == null ? null : k.eval();
    }

    /**
     * The output raw word for one input raw word, through the compiled kernel's straight-line body where there is
     * one (tens of times faster than the interpreter), else the scalar model; the same word either way.
     *
     * @throws IllegalArgumentException when x lies outside the input format
     */
    public long evaluate(long x) {
        if (oneWord == null) {
            return scalar.evaluate(x);
        }
        if (x < in.minRaw() || x > in.maxRaw()) {
            return scalar.evaluate(x); // which names the bad word
        }
        try {
            return (long) oneWord.invokeExact(x);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The interpreted batch model: block-wise loops, ready at once. */
    public static BatchModel interpreted(Datapath datapath) {
        return new BatchModel(datapath, false);
    }

    /**
     * The compiled batch model: the datapath printed as one Java loop and compiled in memory (a fraction of a
     * second, once), the fastest form for long runs; the interpreted loops when no compiler is available.
     */
    public static BatchModel compiled(Datapath datapath) {
        return new BatchModel(datapath, true);
    }

    public Datapath datapath() {
        return datapath;
    }

    /** Whether this model runs a compiled kernel (over int words, or over long words for wider datapaths). */
    public boolean isCompiled() {
        return kernel != null || wideKernel != null;
    }

    /** Whether the fast int path applies (else evaluation falls back to the scalar model, with equal results). */
    public boolean vectorizable() {
        return vectorizable;
    }

    static boolean supported(Datapath d) {
        return d.nodes().stream().allMatch(n -> n.accept(new IntPath(d.nodes())));
    }

    /**
     * y[i] = the output raw word for the input raw word x[i], for any format up to 32 bits wide. Every x[i] must
     * lie in the input format; an {@link IllegalArgumentException} names the first that does not.
     */
    public void evaluate(long[] x, long[] y) {
        if (wideKernel != null) {
            if (runWide(x, y, x.length) != 0) {
                check(x);
            }
            return;
        }
        check(x);
        if (!vectorizable) {
            for (int i = 0; i < x.length; i++) {
                y[i] = scalar.evaluate(x[i]);
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
            run(xi, yi, 0, n);
            for (int i = 0; i < n; i++) {
                y[start + i] = yi[i];
            }
        }
    }

    /** The same over int raw words, for input formats up to 31 bits; y[i] is the output raw word. */
    public void evaluate(int[] x, int[] y) {
        evaluate(x, y, 0, x.length);
    }

    public void evaluate(int[] x, int[] y, int from, int to) {
        if (in.width() > 31 || out.width() > 31) {
            throw new IllegalArgumentException("the int API takes formats up to 31 bits; use evaluate(long[], long[])");
        }
        if (!vectorizable) {
            check(x, from, to);
            if (wideKernel == null) {
                for (int i = from; i < to; i++) {
                    y[i] = (int) scalar.evaluate(x[i]);
                }
                return;
            }
            // The long-word kernel, on slices copied to long arrays (the words are checked above).
            long[] xl = new long[Math.min(to - from, 1 << 16)];
            long[] yl = new long[xl.length];
            for (int start = from; start < to; start += xl.length) {
                int n = Math.min(xl.length, to - start);
                for (int i = 0; i < n; i++) {
                    xl[i] = x[start + i];
                }
                runWide(xl, yl, n);
                for (int i = 0; i < n; i++) {
                    y[start + i] = (int) yl[i];
                }
            }
            return;
        }
        run(x, y, from, to);
    }

    /** The long-word kernel on x[0..n); returns non-zero when some word lies outside the input format. */
    private int runWide(long[] x, long[] y, int n) {
        try {
            return (int) wideKernel.invokeExact(x, y, 0, n);
        } catch (Throwable e) {
            throw new IllegalStateException("compiled kernel failed", e);
        }
    }

    /** The kernel, or the interpreted loops after a range check; y is unspecified when an input is refused. */
    private void run(int[] x, int[] y, int from, int to) {
        if (kernel != null) {
            int bad;
            try {
                bad = (int) kernel.invokeExact(x, y, from, to);
            } catch (Throwable e) {
                throw new IllegalStateException("compiled kernel failed", e);
            }
            if (bad != 0) {
                check(x, from, to);
            }
            return;
        }
        check(x, from, to);
        int[][] v = new int[steps.length][BLOCK];
        for (int start = from; start < to; start += BLOCK) {
            int n = Math.min(BLOCK, to - start);
            System.arraycopy(x, start, v[0], 0, n);
            for (int i = 1; i < steps.length; i++) {
                steps[i].run(v, n);
            }
            System.arraycopy(v[steps.length - 1], 0, y, start, n);
        }
    }

    private void check(long[] x) {
        int w = in.width();
        long bad = 0;
        if (in.signed()) {
            int s = 64 - w;
            for (long v : x) {
                bad |= v ^ ((v << s) >> s);
            }
        } else {
            for (long v : x) {
                bad |= v >>> w;
            }
        }
        if (bad != 0) {
            for (int i = 0; i < x.length; i++) {
                outside(x[i], i);
            }
        }
    }

    /**
     * One OR over the inputs of what falls outside the format (bits beyond the width that are not copies of the
     * sign, or any bit from bit W up for an unsigned format): zero exactly when every word fits. A loop of shifts and
     * ORs the JIT vectorizes; a min/max scan did not, and cost more than the kernel itself.
     */
    private void check(int[] x, int from, int to) {
        int w = in.width();
        int bad = 0;
        if (in.signed()) {
            int s = 32 - w;
            for (int i = from; i < to; i++) {
                bad |= x[i] ^ ((x[i] << s) >> s);
            }
        } else {
            for (int i = from; i < to; i++) {
                bad |= x[i] >>> w;
            }
        }
        if (bad != 0) {
            for (int i = from; i < to; i++) {
                outside(x[i], i);
            }
        }
    }

    private void outside(long v, int index) {
        if (!in.contains(v)) {
            throw new IllegalArgumentException("raw input " + v + " at index " + index + " is outside " + in + " ("
                    + in.minRaw() + " to " + in.maxRaw() + "); for bit patterns use Core.evalBits, which reads the low bits as the word");
        }
    }

    /** One node over one block of values. */
    private interface BlockStep {
        void run(int[][] v, int n);
    }

    /** Whether a node can be evaluated in ints. */
    private record IntPath(List<Node> nodes) implements Node.Visitor<Boolean> {
        @Override
        public Boolean input(Node.Input n) {
            return n.width() <= MAX_WIDTH;
        }

        @Override
        public Boolean sum(Node.Sum n) {
            return n.width() <= MAX_WIDTH && n.constant() == (int) n.constant()
                    && n.terms().stream().allMatch(t -> Math.abs(t.shift()) <= 30);
        }

        @Override
        public Boolean product(Node.Product n) {
            return n.width() <= MAX_WIDTH;
        }

        @Override
        public Boolean compare(Node.Compare n) {
            return n.constant() == (int) n.constant();
        }

        @Override
        public Boolean table(Node.Table n) {
            return n.width() <= MAX_WIDTH && nodes.get(n.index()).width() <= 16;
        }

        @Override
        public Boolean tieToEven(Node.TieToEven n) {
            return n.width() <= MAX_WIDTH && n.shift() <= 30 && n.divisor() == (int) n.divisor();
        }

        @Override
        public Boolean select(Node.Select n) {
            return n.width() <= MAX_WIDTH && constants(n.choice());
        }

        private static boolean constants(Choice c) {
            if (c instanceof Choice.Branch b) {
                return constants(b.whenSet()) && constants(b.whenClear());
            }
            Choice.Leaf leaf = (Choice.Leaf) c;
            return !leaf.isConstant() || leaf.constant() == (int) leaf.constant();
        }
    }

    /** The block loops of each kind of node: small static methods the JIT vectorizes. */
    private static final class BlockSteps implements Node.Visitor<BlockStep> {
        /** A block of zeros standing in for an absent remainder; only ever read. */
        private static final int[] ZEROS = new int[BLOCK];
        private final List<Node> nodes;

        BlockSteps(List<Node> nodes) {
            this.nodes = nodes;
        }

        private int self(Node n) {
            return nodes.indexOf(n);
        }

        @Override
        public BlockStep input(Node.Input n) {
            return (v, count) -> { };
        }

        @Override
        public BlockStep sum(Node.Sum s) {
            int i = self(s);
            Node.Term t0 = s.terms().get(0);
            int c = (int) s.constant();
            // Exact words never wrap where it matters (see the class comment); modular ones keep their low bits.
            int mask = s.signed() ? -1 : (1 << s.width()) - 1;
            int sign0 = t0.negate() ? -1 : 1;
            if (s.terms().size() == 1) {
                return (v, n) -> sum1(v[t0.source()], Math.max(0, t0.shift()), Math.max(0, -t0.shift()), sign0, c, mask,
                        v[i], n);
            }
            Node.Term t1 = s.terms().get(1);
            return (v, n) -> sum2(v[t0.source()], Math.max(0, t0.shift()), Math.max(0, -t0.shift()), v[t1.source()],
                    Math.max(0, t1.shift()), Math.max(0, -t1.shift()), t1.negate() ? -1 : 1, c, mask, v[i], n);
        }

        @Override
        public BlockStep product(Node.Product p) {
            int i = self(p);
            return (v, n) -> product(v[p.a()], v[p.b()], v[i], n);
        }

        @Override
        public BlockStep compare(Node.Compare c) {
            int i = self(c);
            int k = (int) c.constant();
            return c.less() ? (v, n) -> less(v[c.source()], k, v[i], n) : (v, n) -> greater(v[c.source()], k, v[i], n);
        }

        @Override
        public BlockStep table(Node.Table t) {
            int i = self(t);
            int indexWidth = nodes.get(t.index()).width();
            int[] listed = AffineTable.entries(t, indexWidth);
            int[] f = AffineTable.find(listed);
            if (f != null) {
                return (v, n) -> affine(v[t.index()], f[0], f[1], f[2], v[i], n);
            }
            int[] padded = Arrays.copyOf(listed, 1 << indexWidth); // every index reachable: no bounds test
            return (v, n) -> gather(v[t.index()], padded, v[i], n);
        }

        @Override
        public BlockStep tieToEven(Node.TieToEven t) {
            int i = self(t);
            return (v, n) -> tieToEven(v[t.source()], t.shift(), t.remainder() >= 0 ? v[t.remainder()] : ZEROS,
                    (int) t.divisor(), v[i], n);
        }

        @Override
        public BlockStep select(Node.Select s) {
            int i = self(s);
            int shift = 32 - s.width();
            boolean signed = s.signed();
            return (v, n) -> {
                choose(s.choice(), v, v[i], n);
                wrap(v[i], shift, signed, n);
            };
        }

        /** Fills out with the tree's value: clear + ((set - clear) & -flag) at each branch, no branches in code. */
        private static void choose(Choice c, int[][] v, int[] out, int n) {
            if (c instanceof Choice.Leaf leaf) {
                if (leaf.isConstant()) {
                    Arrays.fill(out, 0, n, (int) leaf.constant());
                } else {
                    System.arraycopy(v[leaf.node()], 0, out, 0, n);
                }
                return;
            }
            Choice.Branch b = (Choice.Branch) c;
            int[] set = new int[n];
            choose(b.whenSet(), v, set, n);
            choose(b.whenClear(), v, out, n);
            blend(v[b.flag()], set, out, n);
        }

        private static void sum1(int[] a, int la, int ra, int sign, int c, int mask, int[] out, int n) {
            for (int k = 0; k < n; k++) {
                out[k] = (sign * ((a[k] << la) >> ra) + c) & mask;
            }
        }

        private static void sum2(int[] a, int la, int ra, int[] b, int lb, int rb, int sign, int c, int mask,
                int[] out, int n) {
            for (int k = 0; k < n; k++) {
                out[k] = (((a[k] << la) >> ra) + sign * ((b[k] << lb) >> rb) + c) & mask;
            }
        }

        private static void product(int[] a, int[] b, int[] out, int n) {
            for (int k = 0; k < n; k++) {
                out[k] = a[k] * b[k];
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

        private static void tieToEven(int[] a, int k, int[] rem, int divisor, int[] out, int n) {
            int low = (1 << k) - 1;
            // v - 1 is negative exactly when v == 0: dropped bits all zero, and a remainder of 0 or D (zero once the
            // quotient is corrected). An absent remainder counts as zero.
            for (int j = 0; j < n; j++) {
                int x = a[j];
                int exact = ((rem[j] - 1) >>> 31) | (((rem[j] ^ divisor) - 1) >>> 31);
                out[j] = (x >> k) & ~((((x & low) - 1) >>> 31) & exact);
            }
        }

        private static void blend(int[] flag, int[] set, int[] out, int n) {
            for (int k = 0; k < n; k++) {
                out[k] += (set[k] - out[k]) & -flag[k];
            }
        }

        private static void wrap(int[] out, int shift, boolean signed, int n) {
            int mask = (int) ((1L << (32 - shift)) - 1);
            for (int k = 0; k < n; k++) {
                out[k] = signed ? (out[k] << shift) >> shift : out[k] & mask;
            }
        }
    }
}
