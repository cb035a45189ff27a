package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parsed {@code --name value} options, {@code --flag} switches and positional words of one command. Unknown
 * options, repeated options and missing values are rejected with one line naming them.
 */
final class Arguments {
    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flags = new TreeSet<>();
    private final List<String> positionals = new ArrayList<>();

    private Arguments(String command) {
        this.command = command;
    }

    static Arguments parse(String command, String[] args, int from, Set<String> valueOptions, Set<String> flagOptions,
            boolean allowPositionals) {
        Arguments a = new Arguments(command);
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg;
                String value = null;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                }
                if (flagOptions.contains(name)) {
                    if (value != null) {
                        throw new InvalidInputException("option " + name + " takes no value (got '" + value + "')");
                    }
                    if (!a.flags.add(name)) {
                        throw new InvalidInputException("option " + name + " is given twice: give it once");
                    }
                } else if (valueOptions.contains(name)) {
                    if (value == null) {
                        boolean nextIsOption = i + 1 < args.length && (valueOptions.contains(args[i + 1])
                                || flagOptions.contains(args[i + 1]) || args[i + 1].equals("--help"));
                        if (i + 1 >= args.length || nextIsOption) {
                            throw new InvalidInputException("option " + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (a.values.containsKey(name)) {
                        throw new InvalidInputException("option " + name + " is given twice ('" + a.values.get(name)
                                + "' and '" + value + "'): give it once");
                    }
                    a.values.put(name, value);
                } else {
                    throw new InvalidInputException("unknown option '" + name + "' for '" + command
                            + "': allowed options are " + String.join(", ", allOptions(valueOptions, flagOptions)));
                }
            } else if (allowPositionals && !(arg.equals("--"))) {
                a.positionals.add(arg);
            } else {
                throw new InvalidInputException("unexpected argument '" + arg + "' for '" + command
                        + "': see ./hsig " + command + " --help");
            }
        }
        return a;
    }

    private static Set<String> allOptions(Set<String> valueOptions, Set<String> flagOptions) {
        Set<String> all = new TreeSet<>(valueOptions);
        all.addAll(flagOptions);
        return all;
    }

    String command() {
        return command;
    }

    String value(String name) {
        return values.get(name);
    }

    String value(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    boolean has(String name) {
        return values.containsKey(name) || flags.contains(name);
    }

    List<String> positionals() {
        return positionals;
    }

    /** A non-negative integer option in [min, max]. */
    long integer(String name, long defaultValue, long min, long max) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(name + " '" + text + "' is not valid: expected an integer from " + min
                + " to " + max);
    }
}
