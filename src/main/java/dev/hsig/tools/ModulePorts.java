package dev.hsig.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports of a Verilog module as Yosys elaborates it (its JSON netlist after {@code hierarchy; proc}): name,
 * direction and width, in declaration order. What {@code ./hsig prove} checks a file against before it proves
 * anything, since Yosys silently truncates or extends a port connected at the wrong width.
 */
public record ModulePorts(String module, Map<String, Port> ports) {
    private static final Pattern PORT = Pattern.compile(
            "\"([^\"]+)\":\\s*\\{\\s*\"direction\":\\s*\"(input|output|inout)\",\\s*\"bits\":\\s*\\[([^\\]]*)\\]");

    /** One port: whether it is an input, and its width in bits. */
    public record Port(boolean input, int width) {
    }

    public static ModulePorts of(String verilog, String top) throws IOException {
        Map<String, String> files = Map.of("core.v", verilog);
        return ExternalTool.inScratch(files, dir -> {
            ExternalTool.Run run = ExternalTool.runAny(dir, "yosys", "-q", "-p", "read_verilog core.v; hierarchy -top "
                    + top + "; proc; write_json ports.json");
            if (run.exit() != 0) {
                // The file is read here as core.v: name its lines, not that scratch name.
                throw new IOException("yosys could not read module " + top + ": " + firstError(Files.readString(
                        dir.resolve("run.log"))).replaceFirst("^core\\.v:(\\d+): ERROR: ", "line $1: "));
            }
            return parse(top, Files.readString(dir.resolve("ports.json")));
        });
    }

    /** The ports of {@code top} in a Yosys JSON netlist. */
    static ModulePorts parse(String top, String json) throws IOException {
        int module = json.indexOf("\"" + top + "\": {");
        int ports = module < 0 ? -1 : json.indexOf("\"ports\": {", module);
        int cells = ports < 0 ? -1 : json.indexOf("\"cells\": {", ports);
        if (cells < 0) {
            throw new IOException("yosys wrote no ports for module " + top);
        }
        Map<String, Port> found = new LinkedHashMap<>();
        Matcher m = PORT.matcher(json.substring(ports, cells));
        while (m.find()) {
            found.put(m.group(1), new Port(m.group(2).equals("input"), m.group(3).split(",").length));
        }
        return new ModulePorts(top, found);
    }

    private static String firstError(String log) {
        for (String line : log.split("\n")) {
            if (line.contains("ERROR")) {
                return line.trim();
            }
        }
        return log.substring(Math.max(0, log.length() - 300)).trim();
    }
}
