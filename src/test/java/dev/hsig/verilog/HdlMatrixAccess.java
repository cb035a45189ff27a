package dev.hsig.verilog;

import dev.hsig.spec.Config;
import java.util.List;

/** The HDL matrix's configurations, for the tests of other printers (the C model) that cover the same ground. */
public final class HdlMatrixAccess {
    public record Named(String name, Config config) {
    }

    private HdlMatrixAccess() {
    }

    public static List<Named> cases() {
        return HdlMatrixTest.matrix().map(c -> new Named(c.name(), c.config())).toList();
    }
}
