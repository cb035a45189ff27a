package dev.hsig.cli;

import dev.hsig.area.AreaEstimate;
import dev.hsig.area.Implementation;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.datapath.Region;
import dev.hsig.hdl.CoreHeader;
import dev.hsig.spec.Config;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Configurations that are valid but probably not what the user meant: one line each, on stderr. */
final class Warnings {
    private Warnings() {
    }

    /** More computed pieces than this (PLAN has 5) make a shift-add core that deserves a word of warning. */
    static final int MANY_PIECES = 8;

    static List<String> of(Datapath d) {
        List<String> w = new ArrayList<>();
        Config c = d.config();
        if (d.constant()) {
            long raw = ((Region.Constant) d.regions().regions().get(0).value()).raw();
            w.add("the output is " + c.output().value(raw).toDecimalString() + " (raw " + raw + ") for every input of "
                    + c.input() + ": " + c.function().equation() + " is constant on its range " + c.input().minValue()
                    .toDecimalString() + " to " + c.input().maxValue().toDecimalString() + " in this output format");
        }
        long pieces = d.regions().regions().stream().map(Region::value).filter(v -> v instanceof Region.Computed)
                .distinct().count();
        if (pieces > MANY_PIECES && d.build().implementation() == Implementation.SHIFT_ADD) {
            w.add("the shift-add core computes " + pieces + " pieces, each with its own datapath: " + CoreHeader.cost(d)
                    + ", an estimated " + Math.round(AreaEstimate.of(d, c.target())) + " " + c.target().unit()
                    + (c.input().width() > Implementation.MAX_TABLE_INPUT_BITS ? "; with an input of up to "
                            + Implementation.MAX_TABLE_INPUT_BITS + " bits a table may be smaller (auto picks it where"
                            + " it is), and fewer knots cost less" : "; fewer knots cost less"));
        }
        if (c.approximate() && d.build().implementation() == Implementation.TABLE) {
            w.add("--terms " + c.terms() + " approximates the slope, but the core is a table, whose size does not"
                    + " depend on the slope, and its error is " + d.errorBound() + ": leave --terms out");
        } else if (c.approximate()) {
            Datapath exact = DatapathPlanner.plan(new Config(c.function(), c.input(), c.output(), c.rounding(),
                    c.overflow(), 0, Implementation.SHIFT_ADD, c.target()));
            // Adder bits, not adders: more terms make wider words, and width is what costs area. Measured on iCE40,
            // keras at Q4.12 -> UQ1.15: --terms 5 and 6 (95% of the adder bits) take 123 and 144 LUT4 against 119.
            if (exact.adderBits() == 0) {
                w.add("--terms " + c.terms() + " changes nothing here: the correctly rounded core needs no adder (the"
                        + " slope is a power of two, one term), so it is already the smallest: leave --terms out");
            } else if (d.adderBits() * 10 >= exact.adderBits() * 9) {
                w.add("--terms " + c.terms() + " needs " + d.adderBits() + " adder bits (" + d.adders() + " adders),"
                        + " within 10% of the " + exact.adderBits() + " (" + exact.adders() + " adders) of the correctly"
                        + " rounded core, so it saves little or no area, and its error is " + d.errorBound()
                        + " against " + exact.errorBound() + ": leave --terms out");
            }
        }
        return w;
    }

    static void print(Datapath d, PrintWriter err) {
        for (String line : of(d)) {
            err.println("hsig: warning: " + Main.printable(line));
        }
        err.flush();
    }
}
