package dev.hsig.area;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hsig.datapath.Datapath;
import dev.hsig.datapath.DatapathPlanner;
import dev.hsig.spec.Config;
import dev.hsig.tools.CoreArea;
import dev.hsig.verilog.HdlTools;
import dev.hsig.verilog.ModulePrinter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A sample of area-calibration.tsv measured again, now, with this code's printers and the installed Yosys and
 * nextpnr: the same figures, so the committed data is what {@code ./hsig synth --implementation all} prints (rerun
 * area-calibration.sh when a printer change makes this fail).
 */
@Execution(ExecutionMode.CONCURRENT)
class AreaCalibrationReproducesTest {
    @Test
    void aSampleOfTheCalibrationMeasuresTheSameToday() throws Exception {
        HdlTools.require("yosys", "nextpnr-ice40");
        List<String> sample = List.of("--function keras --input Q3.5 --output UQ0.8",
                "--function hard-tanh --input Q3.5 --output Q2.6", "--function relu6 --input Q2.2 --output UQ3.1");
        for (AreaCalibrationTest.Row r : AreaCalibrationTest.rows()) {
            if (!sample.contains(r.options())) {
                continue;
            }
            Config c = AreaCalibrationTest.config(r.options(), r.implementation(), Target.ICE40);
            Datapath d = DatapathPlanner.plan(c);
            Map<String, Long> m = CoreArea.measure(ModulePrinter.emit(d, "core", 0, List.of("calibration")), "core",
                    d.multipliers() > 0);
            assertEquals(r.logicCells(), m.get("ICESTORM_LC"), r.options() + " " + r.implementation().cliName());
            assertEquals(r.xilinxLuts(), m.get("LUT"), r.options() + " " + r.implementation().cliName());
        }
    }
}
