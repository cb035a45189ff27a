package dev.hsig.tools;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves with Yosys's SAT solver that a core's output satisfies a checker ({@code ok}) for every input at once.
 * A combinational core is proved directly. A pipelined core (the valid interface) is proved over N + 2 clock
 * cycles with {@code sat -seq}: an input is taken once, held, and after N cycles the output must satisfy the
 * checker; registers start at zero and the core is reset in the first cycle.
 */
public final class Prover {
    /** The outcome: proved, or the input word and core output of a counterexample (as bits). */
    public record Result(boolean proved, BigInteger xBits, BigInteger yBits, double seconds) {
    }

    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+\\s+)?\\\\(\\S+)\\s+\\S+\\s+\\S+\\s+([01]+)\\s*$",
            Pattern.MULTILINE);

    private Prover() {
    }

    /**
     * @param core      the core's Verilog text
     * @param top       its module name
     * @param checker   the checker's Verilog, a module {@code hsig_spec_check (x, y, ok)}
     * @param pipeline  the core's latency; 0 for a combinational core
     */
    public static Result prove(String core, String top, String checker, int inWidth, int outWidth, int pipeline)
            throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("core.v", core);
        files.put("check.v", checker);
        files.put("prove.v", wrapper(top, inWidth, outWidth, pipeline));
        String sat = pipeline == 0 ? "sat -prove ok 1 -show-ports hsig_prove"
                : "sat -seq " + (pipeline + 2) + " -prove ok 1 -set-init-zero -show-ports hsig_prove";
        String script = ExternalTool.readAll(files) + "hierarchy -top hsig_prove; proc; flatten; memory_map; opt_clean; "
                + sat;
        long start = System.nanoTime();
        return ExternalTool.inScratch(files, dir -> {
            ExternalTool.Run run = ExternalTool.runAny(dir, "yosys", "-p", script);
            double seconds = (System.nanoTime() - start) / 1e9;
            String log = Files.readString(dir.resolve("run.log"));
            if (run.exit() == 0 && log.contains("SUCCESS!")) {
                return new Result(true, null, null, seconds);
            }
            if (!log.contains("SAT proof finished - model found")) {
                throw new IOException("yosys could not run the proof: " + firstError(log));
            }
            // The table lists each port at each time step; the last step holds the checked output.
            Map<String, BigInteger> last = new LinkedHashMap<>();
            Matcher m = ROW.matcher(log.substring(log.indexOf("SAT proof finished - model found")));
            while (m.find()) {
                last.put(m.group(2), new BigInteger(m.group(3), 2));
            }
            return new Result(false, last.get(pipeline == 0 ? "x" : "held_x"), last.get("y"), seconds);
        });
    }

    private static String wrapper(String top, int in, int out, int pipeline) {
        if (pipeline == 0) {
            return "module hsig_prove (input wire [" + (in - 1) + ":0] x, output wire [" + (out - 1) + ":0] y,"
                    + " output wire ok);\n"
                    + "    " + top + " dut (.x(x), .y(y));\n"
                    + "    hsig_spec_check check (.x(x), .y(y), .ok(ok));\nendmodule\n";
        }
        return "module hsig_prove (input wire clk, input wire [" + (in - 1) + ":0] x, output wire [" + (out - 1)
                + ":0] y, output wire [" + (in - 1) + ":0] held_x, output wire ok);\n"
                + "    reg  [" + (in - 1) + ":0] held;\n    reg  [7:0] count;\n"
                + "    always @(posedge clk) begin\n"
                + "        if (count == 8'd0) held <= x;  // the input, taken once and held\n"
                + "        if (count != 8'd" + (pipeline + 1) + ") count <= count + 8'd1;\n"
                + "    end\n"
                + "    wire ok_now;\n"
                + "    " + top + " dut (.clk(clk), .rst(count == 8'd0), .in_valid(1'b1), .x(held), .out_valid(), .y(y));\n"
                + "    hsig_spec_check check (.x(held), .y(y), .ok(ok_now));\n"
                + "    assign held_x = held;\n"
                + "    assign ok = count != 8'd" + (pipeline + 1) + " || ok_now;  // checked once the input is through\n"
                + "endmodule\n";
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
