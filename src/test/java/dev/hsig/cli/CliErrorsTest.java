package dev.hsig.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A catalogue of bad invocations: each gets exit status 2, exactly one line on stderr starting with
 * {@code hsig: error:} that names the bad value, no stack trace, and no file written.
 */
class CliErrorsTest {
    @TempDir
    Path temp;

    static Arguments bad(String fragment, String... args) {
        return Arguments.of(String.join(" ", args), fragment, args);
    }

    static Stream<Arguments> catalogue() {
        String gen = "generate";
        return Stream.of(
                bad("'Q4.33'", gen, "--input", "Q4.33"),
                bad("'Q0.8'", gen, "--input", "Q0.8"),
                bad("'ap_fixed<16,20>'", gen, "--output", "ap_fixed<16,20>"),
                bad("'garbage'", gen, "--input", "garbage"),
                bad("'ap_fixed<16,4'", gen, "--input", "ap_fixed<16,4"),
                bad("'relu'", gen, "--function", "relu"),
                bad("'up'", gen, "--rounding", "up"),
                bad("alpha 0 ", gen, "--function", "custom", "--alpha", "0", "--beta", "1/2"),
                bad("lo 1 and hi 1", gen, "--function", "custom", "--alpha", "1", "--beta", "0", "--lo", "1", "--hi", "1"),
                bad("--lo '2'", gen, "--function", "keras", "--lo", "2"),
                bad("--knots '0:0'", gen, "--function", "pwl", "--knots", "0:0"),
                bad("1 is followed by 0", gen, "--function", "pwl", "--knots", "0:0,1:1,0:2"),
                bad("'y1' is not an exact number", gen, "--function", "pwl", "--knots", "0:0,1:y1"),
                bad("knot '3'", gen, "--function", "pwl", "--knots", "0:0,3"),
                bad("--knots", gen, "--function", "pwl"),
                bad("--knots '0:0,1:1' is only allowed with --function pwl", gen, "--knots", "0:0,1:1"),
                bad("--alpha '1' is not allowed with --function pwl", gen, "--function", "pwl", "--knots", "0:0,1:1",
                        "--alpha", "1"),
                bad("--terms 2 is not valid for function 'plan'", gen, "--function", "plan", "--terms", "2"),
                bad("overflow mode 'clamp'", gen, "--overflow", "clamp"),
                bad("'AP_SAT_ZERO'", gen, "--output", "ap_ufixed<8,0,AP_RND,AP_SAT_ZERO>"),
                bad("'AP_FOO'", gen, "--output", "ap_ufixed<8,0,AP_FOO>"),
                bad("--rounding 'floor' conflicts", gen, "--output", "ap_ufixed<8,0,AP_RND_CONV,AP_SAT>", "--rounding",
                        "floor"),
                bad("--overflow 'saturate' conflicts", gen, "--output", "ap_fixed<16,6,AP_TRN,AP_WRAP>", "--overflow",
                        "saturate"),
                bad("'x' is not valid: it is the name of a port", gen, "--name", "x"),
                bad("'clk' is not valid", gen, "--name", "clk"),
                bad("'signal' is not valid: it is a VHDL", gen, "--name", "signal"),
                bad("'Entity' is not valid: it is a VHDL", gen, "--name", "Entity"),
                bad("'a__b' is not valid", gen, "--name", "a__b"),
                bad("--pipeline '12' is not valid: expected an integer from 0 to 9", gen, "--pipeline", "12"),
                bad("--ce is an option of --interface valid", gen, "--ce"),
                bad("--reset async-low is an option of --interface valid", gen, "--reset", "async-low"),
                bad("--reset 'async'", gen, "--pipeline", "1", "--reset", "async"),
                bad("--lanes '65'", gen, "--lanes", "65"),
                bad("--interface plain is combinational", gen, "--interface", "plain", "--pipeline", "2"),
                bad("--interface valid needs --pipeline", gen, "--interface", "valid"),
                bad("--verilog-dir and --core-dir", gen, "--verilog-dir", "a", "--core-dir", "b"),
                bad("--hdl 'systemc'", gen, "--hdl", "systemc"),
                bad("--interface axis needs --pipeline", gen, "--interface", "axis"),
                bad("--tlast is an option of --interface axis", gen, "--pipeline", "2", "--tlast"),
                bad("--ce is an option of --interface valid (an axis core stalls through tready)", gen, "--interface",
                        "axis", "--pipeline", "2", "--ce"),
                bad("--interface 'apb'", gen, "--interface", "apb", "--pipeline", "2"),
                bad("'1/x'", gen, "--function", "custom", "--alpha", "1/x", "--beta", "1/2"),
                bad("'1/0'", gen, "--function", "custom", "--alpha", "1/0", "--beta", "1/2"),
                bad("--beta", gen, "--function", "custom", "--alpha", "0.2"),
                // Affine formats and framework semantics.
                bad("zero point 300 is not valid for int8: it must lie in the raw range [-128, 127]", gen, "--input",
                        "int8[scale=0.05,zero=300]"),
                bad("format 'int1[scale=0.5]' is not valid: an affine format is int2 to int16", gen, "--input",
                        "int1[scale=0.5]"),
                bad("format 'uint17[scale=0.5]' is not valid", gen, "--input", "uint17[scale=0.5]"),
                bad("an affine format needs its scale", gen, "--input", "int8[zero=3]"),
                bad("scale '-0.5' is not valid: the scale must be positive", gen, "--input", "int8[scale=-0.5]"),
                bad("scale 'abc' is not valid", gen, "--input", "int8[scale=abc]"),
                bad("expected [scale=S] or [scale=S,zero=Z]", gen, "--input", "int8[step=0.5]"),
                bad("zero is given twice", gen, "--input", "int8[scale=0.5,zero=1,zero=2]"),
                bad("the zero point '1.5' must be an integer", gen, "--input", "int8[scale=0.5,zero=1.5]"),
                bad("outside float32's normal range", gen, "--input", "int8[scale=1e-50]"),
                bad("--semantics 'tensorrt'", gen, "--semantics", "tensorrt"),
                bad("TFLite has no such quantized op", gen, "--semantics", "tflite", "--function", "keras", "--input",
                        "int8[scale=0.05]"),
                bad("--semantics tflite needs an 8-bit affine input", gen, "--semantics", "tflite", "--function",
                        "hard-swish"),
                bad("--semantics pytorch needs quint8 input and output", gen, "--semantics", "pytorch", "--function",
                        "hard-swish", "--input", "int8[scale=0.05]"),
                bad("QNNPACK supports no other", gen, "--semantics", "pytorch", "--function", "pytorch", "--input",
                        "uint8[scale=0.05]", "--output", "uint8[scale=0.01]"),
                bad("--rounding 'floor' is not allowed with --semantics onnx", gen, "--semantics", "onnx", "--input",
                        "int8[scale=0.05]", "--rounding", "floor"),
                bad("--implementation shift-add is not valid with --semantics tflite here: 20 inputs differ, more than"
                        + " the 16 a patched core takes", gen, "--semantics", "tflite", "--function", "hard-swish",
                        "--input", "int8[scale=0.03125,zero=-40]", "--output", "int8[scale=0.0625,zero=-100]",
                        "--implementation", "shift-add"),
                bad("--implementation hybrid is not valid here: the computed region spans", gen, "--input", "Q3.5",
                        "--implementation", "hybrid"),
                bad("--implementation hybrid is not valid here: every input gives a constant", gen, "--input", "Q3.5",
                        "--output", "UQ0.1", "--function", "custom", "--alpha", "1/1000", "--beta", "3/4",
                        "--implementation", "hybrid"),
                bad("ONNX has HardSigmoid", gen, "--semantics", "onnx", "--function", "plan", "--input",
                        "int8[scale=0.05]"),
                bad("--alpha '0.3'", gen, "--function", "keras", "--alpha", "0.3"),
                bad("--terms '0'", gen, "--terms", "0"),
                bad("--terms 'many'", gen, "--terms", "many"),
                bad("--terms '40'", gen, "--terms", "40"),
                bad("--terms '17'", gen, "--terms", "17"),
                bad("--pipeline '-1'", gen, "--pipeline", "-1"),
                bad("--pipeline '17'", gen, "--pipeline", "17"),
                bad("--pipeline 'x'", gen, "--pipeline", "x"),
                bad("'--frobnicate'", gen, "--frobnicate"),
                bad("--input needs a value", gen, "--input"),
                bad("'1core'", gen, "--name", "1core"),
                bad("'module'", gen, "--name", "module"),
                bad("--name 'lambda' is not valid with a Python model: it is a Python keyword", gen, "--name", "lambda",
                        "--python-model"),
                bad("--dpi is not valid with --hdl vhdl", gen, "--dpi", "--hdl", "vhdl"),
                bad("'../evil'", gen, "--name", "../evil"),
                bad("'a;b'", gen, "--name", "a;b"),
                bad("'k\\nmodule x'", gen, "--name", "k\nmodule x"),
                bad("--vectors 'lots'", gen, "--vectors", "lots"),
                bad("--vectors '0'", gen, "--vectors", "0"),
                bad("--vectors '100' is more than the 16 words of the input Q2.2: give at most 16, or exhaustive", gen,
                        "--input", "Q2.2", "--vectors", "100"),
                bad("--count '17' is more than the 16 words of the input Q2.2", "vectors", "--input", "Q2.2",
                        "--count", "17"),
                bad("option --ce is given twice: give it once", gen, "--pipeline", "1", "--ce", "--ce"),
                bad("--implementation 'rom' is not valid: expected one of auto, shift-add, table", gen,
                        "--implementation", "rom"),
                bad("--implementation table is not valid for the 16-bit input Q4.12", gen, "--implementation", "table"),
                bad("--target 'ecp5' is not valid: expected one of ice40, xilinx7", gen, "--target", "ecp5"),
                bad("--implementation 'al' is not valid: expected one of auto, shift-add, table, hybrid, or all (synth only",
                        "synth", "--implementation", "al"),
                bad("--pipeline '2' is not allowed with --implementation all", "synth", "--implementation", "all", "--pipeline", "2"),
                bad("32-bit input", gen, "--input", "Q16.16", "--vectors", "exhaustive"),
                bad("given twice", gen, "--input", "Q4.12", "--input", "Q3.5"),
                bad("--all", gen, "--all", "--name", "foo"),
                bad("wider than 62 bits", gen, "--function", "custom", "--alpha", "123456789012345/987654321098767",
                        "--beta", "1/3", "--input", "Q16.16", "--output", "UQ1.31"),
                bad("wider than 62 bits", gen, "--function", "custom", "--alpha", "1/4294967291", "--beta", "1/3",
                        "--input", "Q16.16", "--output", "UQ1.31"),
                bad("--exhaustive or --count", "vectors"),
                bad("--exhaustive or --count", "vectors", "--exhaustive", "--count", "5"),
                bad("--count '0'", "vectors", "--count", "0"),
                bad("--seed 'abc'", "vectors", "--count", "5", "--seed", "abc"),
                bad("'frobnicate'", "frobnicate"),
                bad("VALUE", "eval"),
                bad("'abc'", "eval", "abc"),
                bad("'abc'", "eval", "3", "abc"),
                bad("--no-pnr skips place and route", "synth", "--pipeline", "2", "--no-pnr"),
                bad("--format 'xml'", "report", "--format", "xml"),
                bad("--out", "plot"),
                bad("x.png' is not valid", "plot", "--out", "x.png"),
                bad("unexpected argument 'extra'", "report", "extra"),
                bad("--binarize 'stochastik'", gen, "--binarize", "stochastik", "--pipeline", "1"),
                bad("needs a clock", gen, "--function", "courbariaux", "--binarize", "stochastic"),
                bad("--seed is an option of --binarize stochastic", gen, "--seed", "7"),
                bad("draws no random numbers", gen, "--binarize", "deterministic", "--seed", "7"),
                bad("--seed '-1'", gen, "--binarize", "stochastic", "--pipeline", "1", "--seed", "-1"),
                bad("--seed 'x7'", gen, "--binarize", "stochastic", "--pipeline", "1", "--seed", "x7"),
                bad("relu6 takes values from 0 to 6", gen, "--function", "relu6", "--binarize", "deterministic"),
                bad("hard-tanh", gen, "--function", "hard-tanh", "--output", "UQ1.14", "--binarize", "deterministic"),
                bad("--output Q2.14 is not one", gen, "--function", "courbariaux", "--output", "Q2.14", "--binarize",
                        "deterministic"),
                bad("--output uint8[scale=0.00390625] is not one", gen, "--output", "uint8[scale=0.00390625]",
                        "--binarize", "deterministic"),
                bad("--output UQ4.0 is not one", gen, "--output", "UQ4.0", "--binarize", "deterministic"),
                bad("--dpi is not valid with --binarize", gen, "--binarize", "deterministic", "--dpi"),
                bad("--binarize 'yes'", "report", "--binarize", "yes"),
                bad("--rounding nearest-even is not valid with --binarize deterministic", gen, "--binarize",
                        "deterministic", "--rounding", "nearest-even"),
                bad("--bits '40'", "random", "--bits", "40"),
                bad("--lanes '1'", "random", "--lanes", "1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void rejectedWithOneLineAndNoFiles(String title, String fragment, String[] args) throws IOException {
        List<String> full = new ArrayList<>(List.of(args));
        if (args[0].equals("generate") && !full.contains("--core-dir") && !full.contains("--verilog-dir")) {
            full.addAll(List.of("--verilog-dir", temp.resolve("v").toString(), "--testbench-dir",
                    temp.resolve("t").toString()));
        }
        if (args[0].equals("plot") && full.contains("--out")) {
            int i = full.indexOf("--out");
            full.set(i + 1, temp.resolve(full.get(i + 1)).toString());
        }
        Cli.Result r = Cli.run(full.toArray(String[]::new));
        assertEquals(2, r.status(), "exit status; stderr: " + r.err() + " stdout: " + r.out());
        assertEquals("", r.out(), "nothing on stdout");
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "exactly one line: " + r.err());
        assertTrue(lines.get(0).startsWith("hsig: error: "), lines.get(0));
        assertTrue(lines.get(0).contains(fragment),
                "names the bad value (" + fragment + "): " + lines.get(0));
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
        try (Stream<Path> s = Files.walk(temp)) {
            assertEquals(List.of(temp), s.toList(), "no file may be written");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unwritable")
    void outputDirectoryProblemsWriteNothing(String title, String which) throws IOException {
        Path file = temp.resolve("a-file");
        Files.writeString(file, "x");
        Path ok = temp.resolve("ok");
        String[] args = which.equals("verilog")
                ? new String[] {"generate", "--verilog-dir", file.toString(), "--testbench-dir", ok.toString()}
                : new String[] {"generate", "--verilog-dir", ok.toString(), "--testbench-dir", file.resolve("sub").toString()};
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("a-file"), r.err());
        assertFalse(Files.exists(ok), "the other directory must not be left behind");
        try (Stream<Path> s = Files.list(temp)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    static Stream<Arguments> unwritable() {
        return Stream.of(Arguments.of("verilog dir is a file", "verilog"),
                Arguments.of("testbench dir below a file", "testbench"));
    }
}
