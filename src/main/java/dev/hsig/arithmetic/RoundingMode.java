package dev.hsig.arithmetic;

import dev.hsig.InvalidInputException;
import dev.hsig.text.CliNames;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * How the exact result is quantized to the output format: the ap_fixed / MATLAB {@code fi} family. Mind the
 * names: {@code nearest-up} sends ties toward +infinity (AP_RND), which is not Java's HALF_UP (that one sends
 * ties away from zero, our {@code nearest-away}).
 */
public enum RoundingMode {
    FLOOR("floor", "AP_TRN", "toward -infinity (truncation)"),
    CEIL("ceil", "(none; MATLAB 'ceil')", "toward +infinity"),
    ZERO("zero", "AP_TRN_ZERO", "toward zero"),
    NEAREST_UP("nearest-up", "AP_RND", "to nearest, ties toward +infinity"),
    NEAREST_DOWN("nearest-down", "AP_RND_MIN_INF", "to nearest, ties toward -infinity"),
    NEAREST_ZERO("nearest-zero", "AP_RND_ZERO", "to nearest, ties toward zero"),
    NEAREST_AWAY("nearest-away", "AP_RND_INF", "to nearest, ties away from zero"),
    NEAREST_EVEN("nearest-even", "AP_RND_CONV", "to nearest, ties to even (convergent)");

    public static final RoundingMode DEFAULT = NEAREST_EVEN;

    private final String cliName;
    private final String apName;
    private final String meaning;

    RoundingMode(String cliName, String apName, String meaning) {
        this.cliName = cliName;
        this.apName = apName;
        this.meaning = meaning;
    }

    public String cliName() {
        return cliName;
    }

    public String apName() {
        return apName;
    }

    public String meaning() {
        return meaning;
    }

    public boolean isNearest() {
        return name().startsWith("NEAREST");
    }

    public static RoundingMode parse(String text) {
        return CliNames.find(values(), RoundingMode::cliName, text).orElseThrow(() -> new InvalidInputException(
                "rounding mode '" + text + "' is not valid: expected one of " + allNames()));
    }

    public static String allNames() {
        return CliNames.list(values(), RoundingMode::cliName);
    }

    /** Rounds the exact rational {@code v} to an integer in this mode. */
    public BigInteger round(Rational v) {
        BigInteger floor = v.floor();
        Rational frac = v.subtract(Rational.of(floor, BigInteger.ONE));
        if (frac.signum() == 0) {
            return floor;
        }
        BigInteger up = floor.add(BigInteger.ONE);
        int half = frac.compareTo(Rational.HALF);
        boolean negative = v.signum() < 0;
        return switch (this) {
            case FLOOR -> floor;
            case CEIL -> up;
            case ZERO -> negative ? up : floor;
            case NEAREST_UP -> half >= 0 ? up : floor;
            case NEAREST_DOWN -> half > 0 ? up : floor;
            case NEAREST_ZERO -> half > 0 || (half == 0 && negative) ? up : floor;
            case NEAREST_AWAY -> half > 0 || (half == 0 && !negative) ? up : floor;
            case NEAREST_EVEN -> half > 0 || (half == 0 && floor.testBit(0)) ? up : floor;
        };
    }

    /** Whether the mode treats negative and positive values alike (so it commutes with adding an integer). */
    public boolean isSignFree() {
        return this == forNonNegative() && this == forNegative();
    }

    /**
     * The sign-free mode that gives the same result as this one on every non-negative value: zero is floor,
     * nearest-zero is nearest-down, nearest-away is nearest-up. The planner rounds each region of the input in a
     * sign-free mode, splitting a region where its value changes sign when the mode depends on the sign.
     */
    public RoundingMode forNonNegative() {
        return switch (this) {
            case ZERO -> FLOOR;
            case NEAREST_ZERO -> NEAREST_DOWN;
            case NEAREST_AWAY -> NEAREST_UP;
            default -> this;
        };
    }

    /** The sign-free mode that equals this one on every value at or below zero: zero is ceil, and so on. */
    public RoundingMode forNegative() {
        return switch (this) {
            case ZERO -> CEIL;
            case NEAREST_ZERO -> NEAREST_UP;
            case NEAREST_AWAY -> NEAREST_DOWN;
            default -> this;
        };
    }

    /** The mode with this ap_fixed quantization name (AP_TRN, AP_RND_CONV, ...), if there is one. */
    public static java.util.Optional<RoundingMode> fromApName(String apName) {
        return Arrays.stream(values()).filter(m -> m.apName.equals(apName)).findFirst();
    }

    @Override
    public String toString() {
        return cliName;
    }
}
