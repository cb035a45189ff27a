package dev.hsig.arithmetic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Canonical signed digits: the unique representation of an integer with digits in {-1, 0, 1} and no two
 * adjacent nonzero digits, which has the fewest nonzero digits of any signed-binary form. Multiplying by a
 * constant with n nonzero digits costs n - 1 adders.
 */
public final class Csd {
    /** One nonzero digit: {@code sign * 2^position}. */
    public record Digit(int position, boolean negative) {
        public BigInteger value() {
            BigInteger v = BigInteger.ONE.shiftLeft(position);
            return negative ? v.negate() : v;
        }
    }

    private Csd() {
    }

    /** The nonzero digits of {@code n}, most significant first. {@code n} must be positive. */
    public static List<Digit> digits(BigInteger n) {
        if (n.signum() <= 0) {
            throw new IllegalArgumentException("CSD of a non-positive number: " + n);
        }
        List<Digit> lowFirst = new ArrayList<>();
        BigInteger x = n;
        int pos = 0;
        while (x.signum() != 0) {
            if (x.testBit(0)) {
                // x mod 4 == 3 takes digit -1 (carry into the run of ones); x mod 4 == 1 takes +1.
                boolean negative = x.testBit(1);
                lowFirst.add(new Digit(pos, negative));
                x = negative ? x.add(BigInteger.ONE) : x.subtract(BigInteger.ONE);
            }
            x = x.shiftRight(1);
            pos++;
        }
        List<Digit> highFirst = new ArrayList<>(lowFirst.size());
        for (int i = lowFirst.size() - 1; i >= 0; i--) {
            highFirst.add(lowFirst.get(i));
        }
        return highFirst;
    }

    public static List<Digit> digits(long n) {
        return digits(BigInteger.valueOf(n));
    }

    /**
     * The digits a shift-and-add multiplier uses: as few as the canonical form's, and all positive when the plain
     * binary form has that few (3 is 2 + 1, not 4 - 1). On an FPGA a subtraction puts an inverter in front of the
     * carry chain: on iCE40 that LUT and its routing cost ~0.9 ns, the difference between 190 and 224 MHz for
     * keras in 5 stages.
     */
    public static List<Digit> adderDigits(BigInteger n) {
        List<Digit> canonical = digits(n);
        if (n.bitCount() > canonical.size()) {
            return canonical;
        }
        List<Digit> binary = new ArrayList<>();
        for (int pos = n.bitLength() - 1; pos >= 0; pos--) {
            if (n.testBit(pos)) {
                binary.add(new Digit(pos, false));
            }
        }
        return binary;
    }

    public static int nonzeroCount(BigInteger n) {
        return digits(n).size();
    }

    /** {@code +2^4 -2^2 +2^0} style text, most significant first. */
    public static String format(List<Digit> digits) {
        StringBuilder s = new StringBuilder();
        for (Digit d : digits) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(d.negative ? '-' : '+').append("2^").append(d.position);
        }
        return s.toString();
    }
}
