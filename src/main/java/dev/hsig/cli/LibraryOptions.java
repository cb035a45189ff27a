package dev.hsig.cli;

import dev.hsig.InvalidInputException;
import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.hdl.Hdl;
import dev.hsig.hdl.Interface;
import dev.hsig.spec.ModelOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of the library's {@code Core.Builder}, read by the command line's own parsers ({@link Options},
 * {@link InterfaceOptions}), so that the library takes every option {@code ./hsig generate} takes, with the same
 * messages. Switches ({@code ce}, {@code tlast}) take "true" or "false".
 */
public final class LibraryOptions {
    /** What the options build: the datapath, its interface, and the language asked for. */
    public record Parsed(Datapath datapath, Interface iface, Hdl hdl, dev.hsig.binarize.Binarizer binarizer) {
    }

    /** The option names beyond the model's, in the order the command line lists them. */
    public static final List<String> HARDWARE = List.of("pipeline", "target-mhz", "interface", "lanes", "ce", "reset",
            "tlast", "hdl", "binarize", "seed");

    private static final Set<String> VALUES = Options.union(Options.union(Options.union(Options.MODEL,
            InterfaceOptions.VALUES), BinarizeOptions.VALUES), Set.of("--hdl"));

    private LibraryOptions() {
    }

    /** Whether the builder takes an option of this name. */
    public static boolean known(String name) {
        return ModelOptions.NAMES.contains(name) || HARDWARE.contains(name);
    }

    public static Parsed parse(Map<String, String> options) {
        List<String> argv = new ArrayList<>(List.of("generate"));
        for (Map.Entry<String, String> e : options.entrySet()) {
            String flag = "--" + e.getKey();
            if (InterfaceOptions.FLAGS.contains(flag) || Options.MODEL_FLAGS.contains(flag)) {
                if (!e.getValue().equals("true") && !e.getValue().equals("false")) {
                    throw new InvalidInputException(flag + " '" + e.getValue() + "' is not valid: expected true or"
                            + " false");
                }
                if (e.getValue().equals("true")) {
                    argv.add(flag);
                }
            } else {
                argv.add(flag + "=" + e.getValue());
            }
        }
        Arguments a = Arguments.parse("generate", argv.toArray(String[]::new), 1, VALUES,
                Options.union(InterfaceOptions.FLAGS, Options.MODEL_FLAGS), false);
        dev.hsig.spec.Config c = BinarizeOptions.config(a, Options.config(a));
        Datapath d = DatapathPlanner.plan(c);
        Interface iface = InterfaceOptions.of(a, d);
        return new Parsed(d, iface, Hdl.parse(a.value("--hdl", "verilog")), BinarizeOptions.of(a, c, iface));
    }
}
