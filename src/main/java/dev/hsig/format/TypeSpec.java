package dev.hsig.format;

import dev.hsig.InvalidInputException;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output type as hls4ml users write it: a format, and with the full ap_fixed form also its quantization and
 * overflow modes, {@code ap_ufixed<8,0,AP_RND_CONV,AP_SAT>}. The short forms ({@code UQ1.15},
 * {@code ap_fixed<16,6>}) leave both modes to the options.
 */
public record TypeSpec(QFormat format, Optional<RoundingMode> rounding, Optional<Overflow> overflow) {
    private static final Pattern AP_FULL = Pattern.compile(
            "(ap_u?fixed<\\s*\\d{1,3}\\s*,\\s*-?\\d{1,3})\\s*,\\s*([A-Za-z_]*)\\s*(?:,\\s*([A-Za-z_]*)\\s*)?(?:,\\s*(\\d{1,3})\\s*)?>");
    private static final String ROUNDING_NAMES = "AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF,"
            + " AP_RND_CONV";

    public static TypeSpec parse(String text) {
        return parse(text, false);
    }

    /** As {@link #parse(String)}; with {@code exactScales} an affine scale is kept exactly as written. */
    public static TypeSpec parse(String text, boolean exactScales) {
        Matcher m = AP_FULL.matcher(text.trim());
        if (!m.matches()) {
            return new TypeSpec(QFormat.parse(text, exactScales), Optional.empty(), Optional.empty());
        }
        QFormat format = QFormat.parse(m.group(1) + ">");
        RoundingMode rounding = RoundingMode.fromApName(m.group(2)).orElseThrow(() -> new InvalidInputException(
                "quantization '" + m.group(2) + "' in '" + text + "' is not valid: expected one of " + ROUNDING_NAMES));
        Optional<Overflow> overflow = Optional.empty();
        if (m.group(3) != null) {
            overflow = Optional.of(overflow(m.group(3), text));
        }
        if (m.group(4) != null && Integer.parseInt(m.group(4)) != 0) {
            throw new InvalidInputException("saturation bits " + m.group(4) + " in '" + text + "' are not supported:"
                    + " give W, I, the quantization and AP_SAT or AP_WRAP only");
        }
        return new TypeSpec(format, Optional.of(rounding), overflow);
    }

    private static Overflow overflow(String name, String text) {
        return switch (name) {
            case "AP_SAT" -> Overflow.SATURATE;
            case "AP_WRAP" -> Overflow.WRAP;
            case "AP_SAT_ZERO", "AP_SAT_SYM", "AP_WRAP_SM" -> throw new InvalidInputException("overflow '" + name
                    + "' in '" + text + "' is not supported: hsig supports AP_SAT (--overflow saturate) and AP_WRAP"
                    + " (--overflow wrap)");
            default -> throw new InvalidInputException("overflow '" + name + "' in '" + text + "' is not valid:"
                    + " expected AP_SAT or AP_WRAP");
        };
    }
}
