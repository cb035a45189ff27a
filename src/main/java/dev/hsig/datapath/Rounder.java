package dev.hsig.datapath;

import dev.hsig.arithmetic.Integers;
import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The last step of a computed value: rounding N / (D * 2^k) to an integer in a sign-free mode. Three ways, all
 * exact: a small table on the remainder (which also corrects the quotient), or a bias folded into N followed by
 * dropping fraction bits, with ties to even clearing the LSB on an exact tie.
 */
final class Rounder {
    /** A remainder table has 2*D entries; beyond this the rounding is done with logic instead. */
    static final int MAX_TABLE_ENTRIES = 128;

    private final NodeBuilder b;

    Rounder(NodeBuilder b) {
        this.b = b;
    }

    /**
     * What must be added to N so that floor((N + bias) / (D*2^k)) rounds N / (D*2^k) in a sign-free mode:
     * nothing for floor, all but one unit for ceil, half (less one unit for ties down) for the nearest modes.
     */
    static BigInteger bias(RoundingMode mode, BigInteger d, int k) {
        if (!mode.isSignFree()) {
            throw new IllegalArgumentException("rounding bias for a sign-dependent mode: " + mode);
        }
        BigInteger unit = d.shiftLeft(k);
        BigInteger half = d.shiftLeft(k - 1);
        return switch (mode) {
            case FLOOR -> BigInteger.ZERO;
            case CEIL -> unit.subtract(BigInteger.ONE);
            case NEAREST_DOWN -> half.subtract(BigInteger.ONE);
            default -> half; // nearest-up, and nearest-even before its tie fix
        };
    }

    /** The table's entries: for index i in [0, 2D), the rounded 2^u * (i mod D) / D plus 2^u when i &gt;= D. */
    static List<Long> tableEntries(RoundingMode mode, long d, int u) {
        List<Long> entries = new ArrayList<>();
        for (long idx = 0; idx < 2 * d; idx++) {
            long carry = idx >= d ? 1 : 0;
            long rem = idx - carry * d;
            BigInteger frac = mode.round(Rational.of(BigInteger.valueOf(rem).shiftLeft(u), BigInteger.valueOf(d)));
            entries.add((carry << u) + frac.longValueExact());
        }
        return entries;
    }

    /**
     * y = 2^u*q' + T(rem): the table folds the quotient correction (rem &gt;= D means q' was one short) and the
     * rounding of the fraction 2^u*R/D into one small lookup.
     */
    int byTable(Divider.Quotient quotient, BigInteger d, int u, RoundingMode mode, BigInteger yLow, BigInteger yHigh) {
        List<Long> entries = tableEntries(mode, d.longValueExact(), u);
        long maxEntry = entries.stream().mapToLong(Long::longValue).max().orElse(0);
        int tab = b.add(new Node.Table(b.unique("frac"), Math.max(1, 64 - Long.numberOfLeadingZeros(maxEntry)),
                quotient.rem(), entries, "round(2^" + u + "*R/" + d + ") plus 2^" + u + " when rmd >= " + d
                        + " (q' was one short)"));
        b.note("y = 2^" + u + "*q' + table(rmd), " + entries.size() + " entries, rounded " + mode);
        return b.exact("ylin", List.of(Node.Term.of(quotient.q(), u), Node.Term.of(tab)), 0, yLow, yHigh,
                "correctly rounded value");
    }

    /** Without a table: the exact quotient q0 = q' + (rem &gt;= D), then its k fraction bits dropped. */
    int exactQuotient(Divider.Quotient quotient, BigInteger d, int k, BigInteger nLow, BigInteger nHigh,
            BigInteger yLow, BigInteger yHigh, RoundingMode mode, String divisor) {
        long dl = b.fits(d, "the divisor");
        int short1 = b.add(new Node.Compare(b.unique("q_short"), quotient.rem(), false, dl - 1,
                "q' was one short: rmd >= " + d));
        int q0 = b.exact("q0", List.of(Node.Term.of(quotient.q()), Node.Term.of(short1)), 0, Integers.floorDiv(nLow, d),
                Integers.floorDiv(nHigh, d), "floor(N/" + d + "), exact");
        b.note("rounded " + mode + " by the offset" + (mode == RoundingMode.NEAREST_EVEN
                ? " and an LSB cleared on ties (remainder zero)" : "") + ", then " + k + " fraction bit"
                + (k == 1 ? "" : "s") + " of the exact quotient dropped");
        return truncate(q0, k, quotient.rem(), dl, yLow, yHigh, mode, "N / " + divisor);
    }

    /** floor(source / 2^k), the bias being already in the source, with the ties-to-even fix when needed. */
    int truncate(int source, int k, int remainder, long divisor, BigInteger yLow, BigInteger yHigh, RoundingMode mode,
            String what) {
        int width = b.signedWidth(yLow, yHigh);
        if (mode == RoundingMode.NEAREST_EVEN) {
            return b.add(new Node.TieToEven(b.unique("ylin"), width, source, k, remainder, divisor,
                    "round(" + what + "), ties to even"));
        }
        return b.add(new Node.Sum(b.unique("ylin"), width, true, List.of(Node.Term.of(source, -k)), 0,
                "round(" + what + ") " + mode.cliName() + ", the rounding being in the offset"));
    }
}
