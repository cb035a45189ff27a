package dev.hsig;

import dev.hsig.binarize.Binarizer;
import dev.hsig.cli.LibraryOptions;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.Pipeline;
import dev.hsig.hdl.CoreHeader;
import dev.hsig.hdl.Hdl;
import dev.hsig.hdl.Interface;
import dev.hsig.model.BatchModel;
import dev.hsig.model.ScalarModel;
import dev.hsig.report.Report;
import dev.hsig.spec.ModelOptions;
import dev.hsig.testbench.CoreBundle;
import dev.hsig.verilog.ModulePrinter;
import dev.hsig.vhdl.VhdlPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One hsig core as a library: the bit-accurate model of the hardware hsig generates, and the HDL itself.
 *
 * <pre>{@code
 * Core core = Core.builder().function("keras").input("Q4.12").output("UQ1.15").rounding("nearest-even").build();
 * long y = core.eval(4096);              // 22938
 * core.eval(xRaw, yRaw);                 // batch over long[] arrays: the fast model, the same results
 * long y2 = core.evalBits(0xF000);       // the low W bits as the input word, as read from a hex file
 * String text = core.report();           // what ./hsig report prints
 * String verilog = core.verilog("name"); // what ./hsig generate writes
 * }</pre>
 *
 * <p>The builder takes every option of the command line as the same strings, and a bad value throws an
 * {@link IllegalArgumentException} (an {@link InvalidInputException}) with the command line's one-line message.
 * A {@code Core} is immutable and safe to share between threads.
 */
public final class Core {
    private final Datapath datapath;
    private final Interface iface;
    private final Binarizer binarizer;
    private final ScalarModel scalar;
    private volatile BatchModel batch;

    private Core(Datapath datapath, Interface iface, Binarizer binarizer) {
        this.datapath = datapath;
        this.iface = iface;
        this.binarizer = binarizer;
        this.scalar = new ScalarModel(datapath);
    }

    /**
     * A builder with every option at its default: keras, Q4.12 in, the function's own output, combinational.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The output raw word for one input raw word, exactly as the hardware computes it.
     *
     * @param xRaw a raw word of the input format (signed for a signed format)
     * @return the output raw word (signed for a signed format)
     * @throws IllegalArgumentException when xRaw lies outside the input format; use {@link #evalBits} for bit
     *                                  patterns
     */
    public long eval(long xRaw) {
        BatchModel model = batch;
        if (model != null) {
            return model.evaluate(xRaw);
        }
        // The interpreter is ready at once; after a few thousand calls the compiled kernel (a fraction of a second
        // to build) pays for itself, and every later call takes its straight-line body.
        if (++calls > COMPILE_AFTER_CALLS) {
            return compiled().evaluate(xRaw);
        }
        return scalar.evaluate(xRaw);
    }

    /** Calls of {@link #eval(long)} answered by the interpreter before the kernel is compiled. */
    public static final int COMPILE_AFTER_CALLS = 2000;
    private int calls;

    private BatchModel compiled() {
        BatchModel model = batch;
        if (model == null) {
            synchronized (this) {
                if (batch == null) {
                    batch = BatchModel.compiled(datapath);
                }
                model = batch;
            }
        }
        return model;
    }

    /**
     * The outputs for many inputs at once, through the compiled batch model (bit-identical to {@link #eval(long)},
     * several times faster than a loop over it).
     *
     * @param xRaw raw input words, each in the input format
     * @param yRaw receives the output raw words; at least as long as xRaw
     * @throws IllegalArgumentException naming the first input outside the input format
     */
    public void eval(long[] xRaw, long[] yRaw) {
        if (yRaw.length < xRaw.length) {
            throw new IllegalArgumentException("yRaw has " + yRaw.length + " elements, fewer than xRaw's " + xRaw.length);
        }
        compiled().evaluate(xRaw, yRaw);
    }

    /**
     * The output for the input word held in the low W bits of {@code bits} (W the input width), as read from a
     * hex file.
     *
     * @param bits the input word in its low W bits; higher bits are ignored
     * @return the output raw word, signed for a signed output format
     */
    public long evalBits(long bits) {
        return eval(datapath.config().input().fromBits(bits));
    }

    /**
     * The batch form of {@link #evalBits(long)}: each input word from the low W bits of an element.
     *
     * @param bits input words in their low W bits; higher bits are ignored
     * @param yRaw receives the output raw words; at least as long as bits
     */
    public void evalBits(long[] bits, long[] yRaw) {
        long[] xRaw = new long[bits.length];
        for (int i = 0; i < bits.length; i++) {
            xRaw[i] = datapath.config().input().fromBits(bits[i]);
        }
        eval(xRaw, yRaw);
    }

    /**
     * What {@code ./hsig report} prints for this core.
     *
     * @return the report as text
     */
    public String report() {
        try {
            return Report.text(Report.of(datapath, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same report as JSON, what {@code ./hsig report --format json} prints.
     *
     * @return the report as JSON
     */
    public String reportJson() {
        try {
            return dev.hsig.report.Json.write(Report.of(datapath, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Verilog module, what {@code ./hsig generate --name NAME} writes as NAME.v.
     *
     * @param name the module name, an identifier that Verilog and VHDL both accept
     * @return the Verilog-2001 text
     * @throws IllegalArgumentException for a name the command line refuses
     */
    public String verilog(String name) {
        List<String> header = CoreHeader.lines(datapath, name, iface, Hdl.VERILOG, "hsig core", binarizer);
        return binarizer == null ? ModulePrinter.emit(datapath, checkedName(name), iface, header)
                : dev.hsig.verilog.BinarizerPrinter.emit(datapath, checkedName(name), iface, binarizer, header);
    }

    /**
     * The VHDL entity and architecture, what {@code ./hsig generate --hdl vhdl --name NAME} writes as NAME.vhd.
     *
     * @param name the entity name, an identifier that Verilog and VHDL both accept
     * @return the VHDL-93 text
     * @throws IllegalArgumentException for a name the command line refuses
     */
    public String vhdl(String name) {
        List<String> header = CoreHeader.lines(datapath, name, iface, Hdl.VHDL, "hsig core", binarizer);
        return binarizer == null ? VhdlPrinter.emit(datapath, checkedName(name), iface, header)
                : dev.hsig.vhdl.VhdlBinarizer.emit(datapath, checkedName(name), iface, binarizer, header);
    }

            /**
     * The SystemVerilog DPI-C golden model, as {@code generate --dpi} writes it, by file name: NAME_dpi.sv (a
     * package importing the model), NAME_dpi.c and NAME.h (its C side), NAME_dpi_scoreboard.sv (an example top that
     * checks core NAME against the model on every input, for this core's interface).
     *
     * @param name the model's and the core's name
     * @return file name to text, in a fixed order
     */
    public java.util.Map<String, String> dpi(String name) {
        String checked = checkedName(name);
        unbinarized("dpi");
        return CoreBundle.dpi(datapath, checked, checked, iface);
    }

/**
     * The golden model as one pure Python 3 module (standard library only), as {@code generate --python-model}
     * writes it: {@code eval(x_raw)}, {@code eval_bits(word)}, and the formats' exact values as Fractions.
     *
     * @param name the module (and core) name; a Python keyword is refused
     * @return the text of NAME.py
     */
    public String pythonModel(String name) {
        return CoreBundle.pythonModel(datapath, dev.hsig.python.PythonPrinter.moduleName(checkedName(name)), iface,
                binarizer);
    }

/**
     * The C99 / C++ header-only model, what {@code ./hsig generate --c-model --name NAME} writes as NAME.h.
     *
     * @param name the prefix of the function {@code NAME_eval}
     * @return the header's text
     * @throws IllegalArgumentException for a name the command line refuses
     */
    public String cModel(String name) {
        return CoreBundle.cModel(datapath, checkedName(name), iface, binarizer);
    }

    /**
     * The bit a binarized core ({@code option("binarize", ...)}) delivers for input {@code xRaw} as output n of a
     * lane, n counting from 0 after reset: 1 for +1, 0 for -1.
     *
     * @param xRaw   a raw word of the input format
     * @param output n, the output's index in its lane since reset (the random source's counter is start + n)
     * @param lane   the lane, 0 to lanes - 1
     * @return 1 or 0
     * @throws IllegalArgumentException for a core built without binarize, an input outside the format or a bad lane
     */
    public int bit(long xRaw, long output, int lane) {
        return binarizer().bit(eval(xRaw), output, checkedLane(lane));
    }

    /**
     * The batch form of {@link #bit}: {@code xRaw[i]} is the input of output {@code firstOutput + i} of the lane.
     *
     * @param xRaw        raw input words, consecutive outputs of one lane
     * @param firstOutput the index of xRaw[0]'s output since reset
     * @param lane        the lane, 0 to lanes - 1
     * @return the bits, 1 for +1 and 0 for -1
     * @throws IllegalArgumentException as {@link #bit}
     */
    public int[] bits(long[] xRaw, long firstOutput, int lane) {
        Binarizer b = binarizer();
        long[] p = new long[xRaw.length];
        eval(xRaw, p);
        return b.bits(p, firstOutput, checkedLane(lane));
    }

    /**
     * The random word r that a stochastic core compares with p_raw at output n of a lane (+1 when r &lt; p_raw).
     *
     * @param output n, the output's index in its lane since reset
     * @param lane   the lane, 0 to lanes - 1
     * @return r, an F-bit word (F the output's fraction bits)
     * @throws IllegalArgumentException for a core that is not stochastically binarized, or a bad lane
     */
    public long random(long output, int lane) {
        Binarizer b = binarizer();
        if (!b.stochastic()) {
            throw new InvalidInputException("random: this core binarizes deterministically and draws no random words");
        }
        return b.random(output, checkedLane(lane));
    }

    private Binarizer binarizer() {
        if (binarizer == null) {
            throw new InvalidInputException("this core is not binarized: build it with option(\"binarize\","
                    + " \"stochastic\") or \"deterministic\"");
        }
        return binarizer;
    }

    private int checkedLane(int lane) {
        if (lane < 0 || lane >= iface.lanes()) {
            throw new InvalidInputException("lane " + lane + " is not valid: expected 0 to " + (iface.lanes() - 1));
        }
        return lane;
    }

    private void unbinarized(String what) {
        if (binarizer != null) {
            throw new InvalidInputException(what + " checks p, not a binarized core's bits: use cModel (NAME_binarize),"
                    + " pythonModel (binarize) or bit()");
        }
    }

    private static String checkedName(String name) {
        return dev.hsig.hdl.Names.check(name);
    }

    /**
     * The input format.
     *
     * @return the format as hsig prints it, such as {@code Q4.12}
     */
    public String inputFormat() {
        return datapath.config().input().toString();
    }

    /**
     * The output format.
     *
     * @return the format as hsig prints it, such as {@code UQ1.15}
     */
    public String outputFormat() {
        return datapath.config().output().toString();
    }

    /**
     * How the core is built, as auto chose it or as asked.
     *
     * @return {@code shift-add} or {@code table}
     */
    public String implementation() {
        return datapath.build().implementation().cliName();
    }

    /**
     * The smallest raw input word.
     *
     * @return the input format's minimum raw word
     */
    public long minInput() {
        return datapath.config().input().minRaw();
    }

    /**
     * The largest raw input word.
     *
     * @return the input format's maximum raw word
     */
    public long maxInput() {
        return datapath.config().input().maxRaw();
    }

    /**
     * The exact function.
     *
     * @return its equation, such as {@code y = clip(1/5*x + 1/2, 0, 1)}
     */
    public String function() {
        return datapath.config().function().equation();
    }

    /**
     * The proven bound on |output - f(x)|.
     *
     * @return the bound in output ulps, such as {@code <= 0.4 ulp}
     */
    public String errorBound() {
        return datapath.errorBound().toString();
    }

    /**
     * The proven bound on |output - f(x)| as a number, for code that compares it: saturation included.
     *
     * @return the bound in output ulps (0.4 for keras), rounded up to a double
     */
    public double errorBoundUlps() {
        return upward(datapath.errorBound().ulps());
    }

    /**
     * The proven bound where f(x) is representable in the output format, as a number.
     *
     * @return the bound in output ulps there, rounded up to a double
     */
    public double errorBoundWhereRepresentableUlps() {
        return upward(datapath.errorBound().representable());
    }

    /** The double nearest the exact bound, moved up one step if that fell below it: a bound stays a bound. */
    private static double upward(dev.hsig.arithmetic.Rational r) {
        double d = r.toDouble();
        // new BigDecimal(double) is the double's exact value, so this compares it with the bound exactly.
        java.math.BigDecimal asDouble = new java.math.BigDecimal(d);
        boolean below = asDouble.multiply(new java.math.BigDecimal(r.den())).compareTo(new java.math.BigDecimal(r.num()))
                < 0;
        return below ? Math.nextUp(d) : d;
    }

    /**
     * The latency.
     *
     * @return cycles from an input to its output, 0 for a combinational core
     */
    public int latency() {
        return iface.latency();
    }

    /**
     * The logic levels of the datapath.
     *
     * @return the depth, the most {@code pipeline} can take
     */
    public int logicLevels() {
        return Pipeline.depth(datapath);
    }

    /**
     * The command-line options that make this core.
     *
     * @return the options as {@code ./hsig generate} takes them
     */
    public String options() {
        return datapath.config().options() + iface.options();
    }

    @Override
    public String toString() {
        return "Core[" + options() + "]";
    }

    /** Collects options as the command line spells them; {@link #build} checks them all. */
    public static final class Builder {
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder() {
        }

        /**
     * Any option by its command-line name, without the dashes: {@code option("knots", "0:0,1:1")}.
     *
     * @param name  the option's name
     * @param value its value, as the command line takes it
     * @return this builder
     * @throws IllegalArgumentException for an unknown option name (values are checked by {@link #build})
     */
        public Builder option(String name, String value) {
            if (name == null || value == null) {
                throw new InvalidInputException("option " + (name == null ? "name" : "'" + name + "'") + " is null:"
                        + " give a name and a value, as the command line takes them");
            }
            if (!LibraryOptions.known(name)) {
                throw new InvalidInputException("unknown option '" + name + "': expected one of " + ModelOptions.NAMES
                        + ", " + String.join(", ", LibraryOptions.HARDWARE));
            }
            options.put(name, value);
            return this;
        }

        /**
         * The function.
         *
         * @param name keras, pytorch, keras3, courbariaux, quarter, qkeras-smooth, hard-tanh, relu6, hard-swish, plan,
         *             hls4ml, custom or pwl
         * @return this builder
         */
        public Builder function(String name) {
            return option("function", name);
        }

        /**
         * The input format.
         *
         * @param format Qm.n, UQm.n, ap_fixed&lt;W,I&gt; or ap_ufixed&lt;W,I&gt;
         * @return this builder
         */
        public Builder input(String format) {
            return option("input", format);
        }

        /**
         * The output format.
         *
         * @param format as for the input, or the full ap_fixed form with quantization and overflow
         * @return this builder
         */
        public Builder output(String format) {
            return option("output", format);
        }

        /**
         * The rounding mode.
         *
         * @param mode floor, ceil, zero, nearest-up, nearest-down, nearest-zero, nearest-away or nearest-even
         * @return this builder
         */
        public Builder rounding(String mode) {
            return option("rounding", mode);
        }

        /**
         * The overflow mode.
         *
         * @param mode saturate or wrap
         * @return this builder
         */
        public Builder overflow(String mode) {
            return option("overflow", mode);
        }

        /**
         * The slope A of a custom clipped line.
         *
         * @param value an exact decimal or fraction
         * @return this builder
         */
        public Builder alpha(String value) {
            return option("alpha", value);
        }

        /**
         * The offset B of a custom clipped line.
         *
         * @param value an exact decimal or fraction
         * @return this builder
         */
        public Builder beta(String value) {
            return option("beta", value);
        }

        /**
         * The lower clip L of a custom clipped line (default 0).
         *
         * @param value an exact decimal or fraction
         * @return this builder
         */
        public Builder lo(String value) {
            return option("lo", value);
        }

        /**
         * The upper clip H of a custom clipped line (default 1).
         *
         * @param value an exact decimal or fraction
         * @return this builder
         */
        public Builder hi(String value) {
            return option("hi", value);
        }

        /**
         * The knots of a pwl function.
         *
         * @param knots {@code "x0:y0,x1:y1,..."}, x strictly increasing
         * @return this builder
         */
        public Builder knots(String knots) {
            return option("knots", knots);
        }

        /**
         * An approximate slope with at most K nonzero signed digits (default: correctly rounded).
         *
         * @param k 1 to 16
         * @return this builder
         */
        public Builder terms(String k) {
            return option("terms", k);
        }

        /**
         * As {@link #terms(String)}.
         *
         * @param k 1 to 16
         * @return this builder
         */
        public Builder terms(int k) {
            return terms(Integer.toString(k));
        }

        /**
         * How the core is built: {@code auto} (the default, the smaller by the target's area estimate),
         * {@code shift-add} or {@code table} (inputs of up to 12 bits). Never changes an output word.
         *
         * @param implementation auto, shift-add or table
         * @return this builder
         */
        public Builder implementation(String implementation) {
            return option("implementation", implementation);
        }

        /**
         * The device family whose area {@code auto} minimizes.
         *
         * @param target ice40 (the default) or xilinx7
         * @return this builder
         */
        public Builder target(String target) {
            return option("target", target);
        }

        /**
         * Register stages.
         *
         * @param n an integer from 0 to the logic depth, or max
         * @return this builder
         */
        public Builder pipeline(String n) {
            return option("pipeline", n);
        }

        /**
         * As {@link #pipeline(String)}.
         *
         * @param n 0 to the logic depth
         * @return this builder
         */
        public Builder pipeline(int n) {
            return pipeline(Integer.toString(n));
        }

        /**
         * The interface.
         *
         * @param kind plain, valid or axis
         * @return this builder
         */
        public Builder interfaceKind(String kind) {
            return option("interface", kind);
        }

        /**
         * Parallel lanes.
         *
         * @param lanes 1 to 64
         * @return this builder
         */
        public Builder lanes(int lanes) {
            return option("lanes", Integer.toString(lanes));
        }

        /**
         * A clock enable input (valid interface).
         *
         * @param ce whether to add {@code ce}
         * @return this builder
         */
        public Builder clockEnable(boolean ce) {
            return option("ce", Boolean.toString(ce));
        }

        /**
         * The reset style (valid interface).
         *
         * @param style sync-high, sync-low, async-high or async-low
         * @return this builder
         */
        public Builder reset(String style) {
            return option("reset", style);
        }

        /**
         * tlast carried alongside each beat (axis interface).
         *
         * @param tlast whether to add the tlast ports
         * @return this builder
         */
        public Builder tlast(boolean tlast) {
            return option("tlast", Boolean.toString(tlast));
        }

        /**
         * One bit per lane from a function into [0, 1]: 1 for +1 and 0 for -1.
         *
         * @param mode stochastic (1 when r &lt; p_raw, P(+1) = p_raw / 2^F exactly) or deterministic (1 when p &gt;= 1/2)
         * @return this builder
         */
        public Builder binarize(String mode) {
            return option("binarize", mode);
        }

        /**
         * The seed of a stochastic binarizer: its counter's start and its lanes' keys.
         *
         * @param seed 0 to 2^63 - 1
         * @return this builder
         */
        public Builder seed(long seed) {
            return option("seed", Long.toString(seed));
        }

        /**
         * Checks every option, plans the datapath and returns the core.
         *
         * @return the core
         * @throws IllegalArgumentException with the command line's one-line message for a bad value
         */
        public Core build() {
            LibraryOptions.Parsed p = LibraryOptions.parse(options);
            return new Core(p.datapath(), p.iface(), p.binarizer());
        }
    }

}
