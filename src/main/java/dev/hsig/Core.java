package dev.hsig;

import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.datapath.Pipeline;
import dev.hsig.hdl.CoreHeader;
import dev.hsig.hdl.Hdl;
import dev.hsig.hdl.Interface;
import dev.hsig.model.BatchModel;
import dev.hsig.model.ScalarModel;
import dev.hsig.report.Report;
import dev.hsig.spec.ModelOptions;
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
    private final ScalarModel scalar;
    private volatile BatchModel batch;

    private Core(Datapath datapath, Interface iface) {
        this.datapath = datapath;
        this.iface = iface;
        this.scalar = new ScalarModel(datapath);
    }

    /** A builder with every option at its default: keras, Q4.12 in, the function's own output, combinational. */
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
        return scalar.evaluate(xRaw);
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
        BatchModel model = batch;
        if (model == null) {
            synchronized (this) {
                if (batch == null) {
                    batch = BatchModel.compiled(datapath);
                }
                model = batch;
            }
        }
        model.evaluate(xRaw, yRaw);
    }

    /**
     * The output for the input word held in the low W bits of {@code bits} (W the input width), as read from a
     * hex file; the output is returned as a raw word, signed for a signed output format.
     */
    public long evalBits(long bits) {
        return eval(datapath.config().input().fromBits(bits));
    }

    /** What {@code ./hsig report} prints for this core, as text. */
    public String report() {
        try {
            return Report.text(Report.of(datapath, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same report as JSON, what {@code ./hsig report --format json} prints. */
    public String reportJson() {
        try {
            return dev.hsig.report.Json.write(Report.of(datapath, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Verilog module, what {@code ./hsig generate --name NAME} writes as NAME.v. */
    public String verilog(String name) {
        return ModulePrinter.emit(datapath, checkedName(name), iface, CoreHeader.lines(datapath, name, iface,
                "hsig core"));
    }

    /** The VHDL entity and architecture, what {@code ./hsig generate --hdl vhdl --name NAME} writes as NAME.vhd. */
    public String vhdl(String name) {
        return VhdlPrinter.emit(datapath, checkedName(name), iface, CoreHeader.lines(datapath, name, iface, Hdl.VHDL,
                "hsig core"));
    }

    /** The C99 / C++ header-only model, what {@code ./hsig generate --c-model --name NAME} writes as NAME.h. */
    public String cModel(String name) {
        return dev.hsig.c.CPrinter.emit(datapath, checkedName(name), CoreHeader.lines(datapath, name, iface,
                "C model of hsig core"));
    }

    private static String checkedName(String name) {
        return dev.hsig.hdl.Names.check(name);
    }

    /** The input format, such as {@code Q4.12}. */
    public String inputFormat() {
        return datapath.config().input().toString();
    }

    /** The output format. */
    public String outputFormat() {
        return datapath.config().output().toString();
    }

    /** The smallest and largest raw input words. */
    public long minInput() {
        return datapath.config().input().minRaw();
    }

    public long maxInput() {
        return datapath.config().input().maxRaw();
    }

    /** The exact function, {@code y = clip(1/5*x + 1/2, 0, 1)}. */
    public String function() {
        return datapath.config().function().equation();
    }

    /** The proven bound on |output - f(x)|, {@code <= 0.4 ulp}. */
    public String errorBound() {
        return datapath.errorBound().toString();
    }

    /** Latency in cycles. */
    public int latency() {
        return iface.latency();
    }

    /** Logic levels of the datapath, the most --pipeline can take. */
    public int logicLevels() {
        return Pipeline.depth(datapath);
    }

    /** The command-line options that make this core. */
    public String options() {
        return datapath.config().options() + iface.options();
    }

    @Override
    public String toString() {
        return "Core[" + options() + "]";
    }

    /** Collects options as the command line spells them; {@link #build} checks them all. */
    public static final class Builder {
        private final Map<String, String> model = new LinkedHashMap<>();
        private final Map<String, String> hardware = new LinkedHashMap<>();

        private Builder() {
        }

        /** Any option by its command-line name, without the dashes: {@code option("knots", "0:0,1:1")}. */
        public Builder option(String name, String value) {
            if (ModelOptions.NAMES.contains(name)) {
                model.put(name, value);
            } else if (List.of("pipeline", "interface", "lanes", "reset", "ce", "tlast").contains(name)) {
                hardware.put(name, value);
            } else {
                throw new InvalidInputException("unknown option '" + name + "': expected one of " + ModelOptions.NAMES
                        + ", pipeline, interface, lanes, reset, ce, tlast");
            }
            return this;
        }

        /** keras, pytorch, keras3, courbariaux, quarter, qkeras-smooth, hard-tanh, relu6, hard-swish, plan, hls4ml,
         * custom or pwl. */
        public Builder function(String name) {
            return option("function", name);
        }

        /** The input format: Qm.n, UQm.n, ap_fixed&lt;W,I&gt; or ap_ufixed&lt;W,I&gt;. */
        public Builder input(String format) {
            return option("input", format);
        }

        /** The output format, also the full ap_fixed form with quantization and overflow. */
        public Builder output(String format) {
            return option("output", format);
        }

        /** floor, ceil, zero, nearest-up, nearest-down, nearest-zero, nearest-away or nearest-even. */
        public Builder rounding(String mode) {
            return option("rounding", mode);
        }

        /** saturate or wrap. */
        public Builder overflow(String mode) {
            return option("overflow", mode);
        }

        /** The slope of a custom clipped line, an exact decimal or fraction. */
        public Builder alpha(String value) {
            return option("alpha", value);
        }

        public Builder beta(String value) {
            return option("beta", value);
        }

        public Builder lo(String value) {
            return option("lo", value);
        }

        public Builder hi(String value) {
            return option("hi", value);
        }

        /** The knots of a pwl function, {@code "x0:y0,x1:y1,..."}. */
        public Builder knots(String knots) {
            return option("knots", knots);
        }

        public Builder terms(String k) {
            return option("terms", k);
        }

        public Builder terms(int k) {
            return terms(Integer.toString(k));
        }

        /** Register stages: an integer from 0 to the logic depth, or max. */
        public Builder pipeline(String n) {
            return option("pipeline", n);
        }

        public Builder pipeline(int n) {
            return pipeline(Integer.toString(n));
        }

        /** plain, valid or axis. */
        public Builder interfaceKind(String kind) {
            return option("interface", kind);
        }

        public Builder lanes(int lanes) {
            return option("lanes", Integer.toString(lanes));
        }

        public Builder clockEnable(boolean ce) {
            return option("ce", Boolean.toString(ce));
        }

        /** sync-high, sync-low, async-high or async-low. */
        public Builder reset(String style) {
            return option("reset", style);
        }

        public Builder tlast(boolean tlast) {
            return option("tlast", Boolean.toString(tlast));
        }

        /** Checks every option, plans the datapath and returns the core. */
        public Core build() {
            Datapath d = DatapathPlanner.plan(ModelOptions.config(model));
            int depth = Math.max(1, Pipeline.depth(d));
            String p = hardware.getOrDefault("pipeline", "0").trim();
            int pipeline;
            try {
                pipeline = p.equals("max") ? depth : Integer.parseInt(p);
            } catch (NumberFormatException e) {
                pipeline = -1;
            }
            if (pipeline < 0 || pipeline > depth) {
                throw new InvalidInputException("--pipeline '" + p + "' is not valid: expected an integer from 0 to "
                        + depth + " (this core has " + depth + " logic levels), or max");
            }
            String kind = hardware.getOrDefault("interface", pipeline == 0 ? "plain" : "valid");
            Interface.Kind k = switch (kind) {
                case "plain" -> Interface.Kind.PLAIN;
                case "valid" -> Interface.Kind.VALID;
                case "axis" -> Interface.Kind.AXIS;
                default -> throw new InvalidInputException("--interface '" + kind + "' is not valid: expected plain,"
                        + " valid or axis");
            };
            int lanes;
            try {
                lanes = Integer.parseInt(hardware.getOrDefault("lanes", "1"));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--lanes '" + hardware.get("lanes") + "' is not valid: expected an"
                        + " integer from 1 to " + Interface.MAX_LANES);
            }
            Interface.Reset reset = hardware.containsKey("reset") ? Interface.Reset.parse(hardware.get("reset"))
                    : Interface.Reset.SYNC_HIGH;
            return new Core(d, new Interface(k, pipeline, lanes, flag("ce"), reset, flag("tlast")));
        }

        private boolean flag(String name) {
            String v = hardware.getOrDefault(name, "false");
            if (!v.equals("true") && !v.equals("false")) {
                throw new InvalidInputException("--" + name + " '" + v + "' is not valid: expected true or false");
            }
            return v.equals("true");
        }
    }

}
