package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.format.QFormat;
import dev.hsig.model.ScalarModel;
import dev.hsig.spec.Config;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** {@code ./hsig eval}: the model on real inputs, with the exact value and the error in output ulps. */
final class EvalCommand implements Command {
    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "evaluate the model on real inputs, with exact value and error";
    }

    @Override
    public String help() {
        return "usage: ./hsig eval [model options] VALUE...\n\n"
                + "Each VALUE (an exact decimal such as -1.25 or a fraction such as 7/3) is quantized to the input\n"
                + "format (nearest, ties to even, saturating) and run through the model. Prints one line per value:\n"
                + "the value, the quantized input (raw and exact), the output (raw and exact), the exact function\n"
                + "of the given value, and the error (output - exact f(x)) in output ulps. Every VALUE is checked\n"
                + "before anything is printed.\n\n" + Options.usage()
                + "\nexample:\n  ./hsig eval --function pytorch 0 1 -2.5 3\n";
    }

    @Override
    public int run(String[] args, PrintWriter out, PrintWriter err) {
        Arguments a = Arguments.parse(name(), args, 1, Options.MODEL, Options.MODEL_FLAGS, true);
        Config config = Options.config(a);
        if (a.positionals().isEmpty()) {
            throw new InvalidInputException("eval needs at least one input VALUE, such as ./hsig eval 0.5 -1/3");
        }
        List<Rational> values = new ArrayList<>();
        for (String text : a.positionals()) {
            values.add(Rational.parse(text));
        }
        Datapath datapath = DatapathPlanner.plan(config);
        Warnings.print(datapath, err);
        ScalarModel model = new ScalarModel(datapath);
        QFormat in = config.input();
        QFormat outFormat = config.output();
        for (Rational x : values) {
            long xRaw = quantize(x, in);
            long yRaw = model.evaluate(xRaw);
            Rational exact = config.function().at(x);
            Rational error = outFormat.inUlps(outFormat.value(yRaw).subtract(exact));
            out.println("x=" + x.toDecimalString() + " x_raw=" + xRaw + " x_q=" + in.value(xRaw).toDecimalString()
                    + " y_raw=" + yRaw + " y=" + outFormat.value(yRaw).toDecimalString() + " exact="
                    + exact.toDecimalString() + " error_ulps=" + approx(error));
        }
        return 0;
    }

    /**
     * Round to nearest (ties to even) in the input format, saturating at its ends; an affine format's zero point is
     * added after rounding, as a framework's quantize does.
     */
    static long quantize(Rational x, QFormat in) {
        BigInteger raw = RoundingMode.NEAREST_EVEN.round(in.inUlps(x)).add(BigInteger.valueOf(in.zero()));
        return raw.max(BigInteger.valueOf(in.minRaw())).min(BigInteger.valueOf(in.maxRaw())).longValueExact();
    }

    /** Exact when the decimal expansion is finite and short, otherwise 9 significant digits. */
    static String approx(Rational r) {
        String exact = r.toDecimalString();
        if (!exact.contains("/") && exact.length() <= 16) {
            return exact;
        }
        return new BigDecimal(r.num()).divide(new BigDecimal(r.den()), new MathContext(9)).stripTrailingZeros()
                .toPlainString();
    }
}
