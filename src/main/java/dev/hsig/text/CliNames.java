package dev.hsig.text;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The command-line spellings of a set of named values (rounding and overflow modes, languages, implementations,
 * targets): the value a spelling names, and the list of spellings an error message offers. Each caller keeps its
 * own message; this is only the lookup they all did by hand.
 */
public final class CliNames {
    private CliNames() {
    }

    /** The value whose name is exactly {@code text}, if any. */
    public static <E> Optional<E> find(E[] values, Function<E, String> name, String text) {
        return Arrays.stream(values).filter(v -> name.apply(v).equals(text)).findFirst();
    }

    /** {@code a, b, c}: every name, in declaration order. */
    public static <E> String list(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.joining(", "));
    }
}
