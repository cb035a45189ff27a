package dev.hsig.verilog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Place and route on an iCE40 HX8K with nextpnr, the core between an input and an output register, and read the
 * maximum clock frequency nextpnr reports after routing.
 */
public final class Synthesis {
    private static final Pattern FMAX = Pattern.compile("Max frequency for clock '[^']*': ([0-9.]+) MHz");

    private Synthesis() {
    }

    public static boolean nextpnrInstalled() {
        return Yosys.onPath("nextpnr-ice40") && Yosys.installed();
    }

    /** A top level that registers x and y around the core, so every path starts and ends at a flip-flop. */
    public static String registeredTop(String core, int inWidth, int outWidth, boolean pipelined) {
        return "module fmax_top (input wire clk, input wire [" + (inWidth - 1) + ":0] x_pin, output reg ["
                + (outWidth - 1) + ":0] y_pin);\n"
                + "    reg [" + (inWidth - 1) + ":0] x_r;\n"
                + "    wire [" + (outWidth - 1) + ":0] y_w;\n"
                + "    always @(posedge clk) x_r <= x_pin;\n"
                + "    always @(posedge clk) y_pin <= y_w;\n"
                + "    " + core + " u_core (" + (pipelined ? ".clk(clk), .rst(1'b0), .in_valid(1'b1), .out_valid(), "
                        : "") + ".x(x_r), .y(y_w));\n"
                + "endmodule\n";
    }

    /** The post-route maximum frequency in MHz. */
    public static double fmax(Map<String, String> files) throws IOException {
        Path dir = Files.createTempDirectory("hsig-pnr");
        try {
            StringBuilder read = new StringBuilder();
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
                read.append("read_verilog ").append(f.getKey()).append("; ");
            }
            run(dir, "yosys", "-q", "-p", read + "synth_ice40 -top fmax_top -json top.json");
            String log = run(dir, "nextpnr-ice40", "--hx8k", "--package", "ct256", "--json", "top.json",
                    "--pcf-allow-unconstrained", "--timing-allow-fail", "--freq", "100", "--seed", "1");
            Matcher m = FMAX.matcher(log);
            double last = -1;
            while (m.find()) {
                last = Double.parseDouble(m.group(1));
            }
            if (last < 0) {
                throw new IOException("nextpnr reported no maximum frequency");
            }
            return last;
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String run(Path dir, String... command) throws IOException {
        Path log = dir.resolve("run.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(900, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command[0] + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
            throw new IOException(command[0] + " failed: " + out.substring(Math.max(0, out.length() - 400)).trim());
        }
        return out;
    }
}
