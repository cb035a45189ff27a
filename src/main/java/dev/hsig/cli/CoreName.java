package dev.hsig.cli;

import dev.hsig.arithmetic.Rational;
import dev.hsig.hdl.Interface;
import dev.hsig.hdl.Names;
import dev.hsig.spec.Config;
import dev.hsig.spec.Presets;

/**
 * Module and file names. {@code --name} is the only thing that names files, so it must be a plain identifier
 * (letters, digits, underscore; not starting with a digit; not a keyword of Verilog, SystemVerilog or VHDL; not a
 * port name): it can then neither leave the output directory nor inject text into the generated HDL.
 */
final class CoreName {

    private CoreName() {
    }

    static String validate(String name) {
        return Names.check(name);
    }

    /** A name that encodes the function and the formats, and anything that differs from the defaults. */
    static String defaultName(Config c, Interface iface) {
        StringBuilder s = new StringBuilder("hsig_").append(c.function().name().replace('-', '_'));
        c.function().line().filter(l -> c.function().name().equals("custom")).ifPresent(l -> {
            s.append("_a").append(token(l.alpha())).append("_b").append(token(l.beta()));
            if (l.lo().signum() != 0 || !l.hi().equals(Rational.ONE)) {
                s.append("_lo").append(token(l.lo())).append("_hi").append(token(l.hi()));
            }
        });
        if (c.function().name().equals("pwl")) {
            s.append('_').append(String.format("%08x", c.function().formula().hashCode()));
        }
        s.append('_').append(c.input().identifier()).append("_to_").append(c.output().identifier());
        var preset = Presets.find(c.function().name());
        if (c.rounding() != preset.map(Presets.Preset::rounding).orElse(dev.hsig.arithmetic.RoundingMode.DEFAULT)) {
            s.append('_').append(c.rounding().cliName().replace('-', '_'));
        }
        if (c.overflow() != preset.map(Presets.Preset::overflow).orElse(dev.hsig.arithmetic.Overflow.DEFAULT)) {
            s.append('_').append(c.overflow().cliName());
        }
        if (c.approximate()) {
            s.append("_t").append(c.terms());
        }
        if (c.implementation() != dev.hsig.area.Implementation.DEFAULT) {
            s.append('_').append(c.implementation().cliName().replace('-', '_'));
        }
        if (c.target() != dev.hsig.area.Target.DEFAULT) {
            s.append('_').append(c.target().cliName());
        }
        if (iface.kind() == Interface.Kind.AXIS) {
            s.append("_axis");
        }
        if (iface.pipeline() > 0) {
            s.append("_p").append(iface.pipeline());
        }
        if (iface.lanes() > 1) {
            s.append("_l").append(iface.lanes());
        }
        if (iface.ce()) {
            s.append("_ce");
        }
        if (iface.reset() != Interface.Reset.SYNC_HIGH) {
            s.append('_').append(iface.reset().cliName().replace('-', '_'));
        }
        if (iface.tlast()) {
            s.append("_tlast");
        }
        return s.toString();
    }

    private static String token(Rational r) {
        return r.toString().replace("-", "m").replace('/', '_');
    }
}
