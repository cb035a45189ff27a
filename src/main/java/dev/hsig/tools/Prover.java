package dev.hsig.tools;

import dev.hsig.InvalidInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves with Yosys's SAT solver that a core's output satisfies a checker ({@code ok}) for every input at once, on
 * every lane. A combinational core is proved directly. A pipelined core (the valid interface) is proved over N + 2
 * clock cycles with {@code sat -seq}: it is reset in the first cycle, then takes any in_valid pattern the solver
 * picks, and out_valid must equal in_valid N cycles earlier (0 before that) on every cycle; an input taken in
 * the second cycle and held must come out right N cycles later whenever in_valid was high with it. Registers start
 * at zero; asynchronous resets are proved as synchronous ones ({@code async2sync}); a clock enable is held high.
 */
public final class Prover {
    /**
     * The outcome: proved; or a counterexample: the cycle it was found in, whether out_valid was wrong there (else
     * the value was), the input word and output of the failing lane (as bits), and out_valid as the core drove it.
     */
    public record Result(boolean proved, boolean validWrong, int cycle, int lane, BigInteger xBits, BigInteger yBits,
            boolean outValid, double seconds) {
    }

    /**
     * How the proof drives a core, read from its ports: lanes side by side, register stages, and for a pipelined
     * core its reset port (rst is active high, rst_n active low) and whether it has a ce.
     */
    public record Harness(int lanes, int pipeline, String reset, boolean ce) {
        /**
         * The harness for a module's ports, or one line saying what does not fit: a missing or extra port, a width
         * that is not a whole number of lanes of the formats, a clock where no --pipeline was given or none where
         * one was, AXI4-Stream ports.
         */
        public static Harness of(ModulePorts p, int inWidth, int outWidth, int pipeline) {
            Map<String, ModulePorts.Port> ports = p.ports();
            String m = "module " + p.module();
            if (ports.containsKey("aclk") || ports.keySet().stream().anyMatch(n -> n.startsWith("s_axis_"))) {
                throw new InvalidInputException(m + " has AXI4-Stream ports (aclk, s_axis_*, m_axis_*): prove takes"
                        + " the plain and valid interfaces; prove the same datapath generated with --interface valid");
            }
            ModulePorts.Port x = ports.get("x");
            ModulePorts.Port y = ports.get("y");
            if (x == null || !x.input() || y == null || y.input()) {
                throw new InvalidInputException(m + " has no input x and output y (its ports: " + String.join(", ",
                        ports.keySet()) + "): prove needs hsig's port names");
            }
            int lanes = x.width() / inWidth;
            if (x.width() % inWidth != 0 || lanes < 1 || y.width() != lanes * outWidth) {
                throw new InvalidInputException(m + "'s ports do not fit the formats: x has " + x.width() + " bits and y "
                        + y.width() + ", where each lane takes " + inWidth + " in and " + outWidth + " out"
                        + (x.width() % inWidth == 0 && y.width() == lanes ? " (one bit per lane is a --binarize core:"
                                + " prove its probability core with --top " + p.module() + "_p)" : ""));
            }
            boolean clocked = ports.containsKey("clk");
            if (clocked && pipeline == 0) {
                throw new InvalidInputException(m + " is clocked (port clk): give --pipeline N, its latency in cycles");
            }
            if (!clocked && pipeline > 0) {
                throw new InvalidInputException("--pipeline " + pipeline + " is not valid for " + m + ": it has no clk,"
                        + " so it is combinational (prove it without --pipeline)");
            }
            List<String> allowed = new ArrayList<>(List.of("x", "y"));
            String reset = null;
            if (clocked) {
                reset = ports.containsKey("rst") ? "rst" : ports.containsKey("rst_n") ? "rst_n" : null;
                for (String need : new String[] {"in_valid", "out_valid"}) {
                    if (!ports.containsKey(need) || ports.get(need).width() != 1) {
                        throw new InvalidInputException(m + " has a clk but no 1-bit " + need + ": prove takes the valid"
                                + " interface (clk, rst or rst_n, optional ce, in_valid, x, out_valid, y)");
                    }
                }
                if (reset == null) {
                    throw new InvalidInputException(m + " has a clk but no rst or rst_n: prove resets the core first");
                }
                allowed.addAll(List.of("clk", reset, "ce", "in_valid", "out_valid"));
            }
            List<String> extra = ports.keySet().stream().filter(n -> !allowed.contains(n)).toList();
            if (!extra.isEmpty()) {
                throw new InvalidInputException(m + " has ports prove does not know: " + String.join(", ", extra));
            }
            return new Harness(lanes, pipeline, reset, ports.containsKey("ce"));
        }
    }

    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+\\s+)?\\\\(\\S+)\\s+\\S+\\s+\\S+\\s+([01]+)\\s*$",
            Pattern.MULTILINE);

    private Prover() {
    }

    /**
     * @param core    the core's Verilog text
     * @param top     its module name
     * @param checker the checker's Verilog, a module {@code hsig_spec_check (x, y, ok)} for one lane
     */
    public static Result prove(String core, String top, String checker, int inWidth, int outWidth, Harness h)
            throws IOException {
        return prove(core, top, checker, inWidth, outWidth, h, 3600);
    }

    /** As above, giving Yosys at most {@code limitSeconds}; past them {@link ExternalTool.TimedOut}: no verdict. */
    public static Result prove(String core, String top, String checker, int inWidth, int outWidth, Harness h,
            long limitSeconds) throws IOException {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("core.v", core);
        files.put("check.v", checker);
        files.put("prove.v", wrapper(top, inWidth, outWidth, h));
        String sat = h.pipeline() == 0 ? "sat -prove ok 1 -show-ports hsig_prove"
                : "sat -seq " + (h.pipeline() + 2) + " -prove ok 1 -set-init-zero -show-ports hsig_prove";
        String script = ExternalTool.readAll(files) + "hierarchy -top hsig_prove; proc; flatten; async2sync; memory_map;"
                + " opt_clean; " + sat;
        long start = System.nanoTime();
        return ExternalTool.inScratch(files, dir -> {
            ExternalTool.Run run = ExternalTool.runAny(dir, limitSeconds, "yosys", "-p", script);
            double seconds = (System.nanoTime() - start) / 1e9;
            String log = Files.readString(dir.resolve("run.log"));
            if (run.exit() == 0 && log.contains("SUCCESS!")) {
                return new Result(true, false, 0, 0, null, null, false, seconds);
            }
            if (!log.contains("SAT proof finished - model found")) {
                throw new IOException("yosys could not run the proof: " + firstError(log));
            }
            // The table lists each port at each time step (none for a combinational proof): take the first step
            // whose ok is 0.
            Map<Integer, Map<String, BigInteger>> steps = new TreeMap<>();
            Matcher m = ROW.matcher(log.substring(log.indexOf("SAT proof finished - model found")));
            while (m.find()) {
                int step = m.group(1) == null ? 0 : Integer.parseInt(m.group(1).trim());
                steps.computeIfAbsent(step, k -> new java.util.HashMap<>()).put(m.group(2), new BigInteger(m.group(3),
                        2));
            }
            int failing = steps.keySet().stream().filter(k -> BigInteger.ZERO.equals(steps.get(k).get("ok")))
                    .findFirst().orElseThrow(() -> new IOException("yosys reported a counterexample with no failing step"));
            Map<String, BigInteger> s = steps.get(failing);
            BigInteger okLanes = s.get("lane_ok");
            int lane = 0;
            while (okLanes != null && lane < h.lanes() - 1 && okLanes.testBit(lane)) {
                lane++;
            }
            boolean validWrong = h.pipeline() > 0 && BigInteger.ZERO.equals(s.get("valid_ok"));
            BigInteger xs = s.get(h.pipeline() == 0 ? "x" : "held_x");
            BigInteger ys = s.get("y");
            BigInteger inMask = BigInteger.ONE.shiftLeft(inWidth).subtract(BigInteger.ONE);
            BigInteger outMask = BigInteger.ONE.shiftLeft(outWidth).subtract(BigInteger.ONE);
            return new Result(false, validWrong, Math.max(0, failing - 1), lane, xs.shiftRight(lane * inWidth).and(inMask),
                    ys.shiftRight(lane * outWidth).and(outMask), BigInteger.ONE.equals(s.get("out_valid")), seconds);
        });
    }

    private static String wrapper(String top, int in, int out, Harness h) {
        int n = h.pipeline();
        int lanes = h.lanes();
        String xw = "[" + (lanes * in - 1) + ":0]";
        String yw = "[" + (lanes * out - 1) + ":0]";
        StringBuilder s = new StringBuilder();
        String x = n == 0 ? "x" : "held";
        if (n == 0) {
            s.append("module hsig_prove (input wire ").append(xw).append(" x, output wire ").append(yw)
                    .append(" y, output wire [").append(lanes - 1).append(":0] lane_ok, output wire ok);\n");
            s.append("    ").append(top).append(" dut (.x(x), .y(y));\n");
        } else {
            s.append("module hsig_prove (input wire clk, input wire in_valid, input wire ").append(xw)
                    .append(" x, output wire ").append(yw).append(" y, output wire ").append(xw)
                    .append(" held_x, output wire out_valid, output wire valid_ok, output wire [").append(lanes - 1)
                    .append(":0] lane_ok, output wire ok);\n");
            s.append("    reg  ").append(xw).append(" held;\n    reg  [7:0] count;\n");
            s.append("    reg  [").append(n - 1).append(":0] expect;  // in_valid of the last N cycles, 0 from reset\n");
            s.append("    always @(posedge clk) begin\n");
            s.append("        if (count == 8'd0) held <= x;  // the input, taken once and held\n");
            s.append("        if (count != 8'd").append(n + 1).append(") count <= count + 8'd1;\n");
            s.append("        expect <= count == 8'd0 ? ").append(n).append("'d0 : ")
                    .append(n == 1 ? "in_valid" : "{expect[" + (n - 2) + ":0], in_valid}").append(";\n");
            s.append("    end\n");
            String reset = h.reset().equals("rst") ? "count == 8'd0" : "count != 8'd0";
            s.append("    ").append(top).append(" dut (.clk(clk), .").append(h.reset()).append("(").append(reset)
                    .append("), ").append(h.ce() ? ".ce(1'b1), " : "")
                    .append(".in_valid(in_valid), .x(held), .out_valid(out_valid), .y(y));\n");
            s.append("    assign held_x = held;\n");
            s.append("    assign valid_ok = count == 8'd0 || out_valid == expect[").append(n - 1).append("];\n");
        }
        for (int l = 0; l < lanes; l++) {
            s.append("    hsig_spec_check check").append(l).append(" (.x(").append(x).append("[").append(l * in)
                    .append(" +: ").append(in).append("]), .y(y[").append(l * out).append(" +: ").append(out)
                    .append("]), .ok(lane_ok[").append(l).append("]));\n");
        }
        if (n == 0) {
            s.append("    assign ok = &lane_ok;\n");
        } else {
            // The value is checked once the held input is through, when it came with in_valid high.
            s.append("    assign ok = valid_ok && (count != 8'd").append(n + 1).append(" || !expect[").append(n - 1)
                    .append("] || &lane_ok);\n");
        }
        return s.append("endmodule\n").toString();
    }

    private static String firstError(String log) {
        for (String line : log.split("\n")) {
            if (line.contains("ERROR") || line.contains("rror:")) {
                return line.trim();
            }
        }
        return log.substring(Math.max(0, log.length() - 300)).trim();
    }
}
