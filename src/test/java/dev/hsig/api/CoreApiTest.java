package dev.hsig.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hsig.Core;
import dev.hsig.arithmetic.Overflow;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.spec.ExactReference;
import dev.hsig.spec.Presets;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** The library API: the README's example as written, errors as the command line words them, threads. */
class CoreApiTest {
    static final QFormat Q4_12 = QFormat.parse("Q4.12");
    static final QFormat UQ1_15 = QFormat.parse("UQ1.15");

    /**
     * The Java block of the README's "Use as a Java library" section, compiled and run as it stands: the
     * statements go into a method that returns the example's variables, which must match the exact reference.
     */
    /** Affine formats and a framework's semantics through the library, as through the command line. */
    @Test
    void affineFormatsAndFrameworkSemantics() {
        Core tfl = Core.builder().function("hard-swish").input("int8[scale=0.03125,zero=-40]")
                .output("int8[scale=0.0625,zero=-100]").option("semantics", "tflite").build();
        Core exact = Core.builder().function("hard-swish").input("int8[scale=0.03125,zero=-40]")
                .output("int8[scale=0.0625,zero=-100]").build();
        // x_raw -112 is x = -2.25: f(x) is exactly -104.5 steps; TFLite gives -105, correct rounding (to even) -104.
        assertEquals(-105, tfl.eval(-112));
        assertEquals(-104, exact.eval(-112));
        // Past its first calls eval takes the compiled kernel: the same words as the interpreter gave, and the same
        // refusal of a word outside the format.
        long[] interpreted = new long[256];
        for (int i = 0; i < 256; i++) {
            interpreted[i] = tfl.eval(i - 128);
        }
        for (int repeat = 0; repeat < 12; repeat++) {
            for (int i = 0; i < 256; i++) {
                assertEquals(interpreted[i], tfl.eval(i - 128), "x_raw=" + (i - 128) + ", call " + repeat);
            }
        }
        assertEquals(-105, tfl.eval(-112));
        assertThrows(IllegalArgumentException.class, () -> tfl.eval(128));
        assertTrue(tfl.options().contains("--semantics tflite"), tfl.options());
        Core exactScale = Core.builder().function("keras").input("uint4[scale=1/3,zero=2]").output("uint8[scale=1/256]")
                .option("exact-scales", "true").build();
        assertEquals(128, exactScale.eval(2)); // x = 0: 1/2 = 128/256
        assertTrue(exactScale.inputFormat().contains("1/3"), exactScale.inputFormat());
        assertTrue(tfl.pythonModel("hs").contains("def eval(x_raw):"));
        assertThrows(IllegalArgumentException.class, () -> tfl.pythonModel("yield"));
        assertEquals(List.of("hs.h", "hs_dpi.sv", "hs_dpi.c", "hs_dpi_scoreboard.sv"), List.copyOf(tfl.dpi("hs").keySet()));
        assertTrue(tfl.dpi("hs").get("hs_dpi.sv").contains("import \"DPI-C\" pure function longint hs_dpi_eval("));
    }

    @Test
    void theReadmeExampleCompilesAndRuns() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("hsig.repo", ".")).resolve("README.md"));
        int section = readme.indexOf("## Use as a Java library");
        assertTrue(section >= 0, "the README has a section 'Use as a Java library'");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : block.split("\n")) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        String source = imports + "public class ReadmeExample {\n    public static Object[] run() {\n" + body
                + "        return new Object[] {y, yRaw, y2, text, verilog};\n    }\n}\n";
        Object[] values = (Object[]) compile("ReadmeExample", source).getMethod("run").invoke(null);
        ExactReference spec = new ExactReference(Presets.get("keras").function(), Q4_12, UQ1_15,
                RoundingMode.NEAREST_EVEN, Overflow.SATURATE);
        assertEquals(22938L, values[0], "the README's comment");
        assertEquals(spec.outputRaw(4096), values[0]);
        long[] yRaw = (long[]) values[1];
        assertArrayEquals(new long[] {spec.outputRaw(-32768), spec.outputRaw(0), spec.outputRaw(4096)}, yRaw);
        assertEquals(spec.outputRaw(Q4_12.fromBits(0xF000)), values[2]);
        assertTrue(((String) values[3]).contains("correctly_rounded        : true"), (String) values[3]);
        assertTrue(((String) values[4]).contains("module name ("), (String) values[4]);
    }

    /** A bad value throws IllegalArgumentException with exactly the command line's one-line message. */
    @Test
    void errorsCarryTheCommandLinesMessage() {
        String[][] cases = {{"input", "Q4.33"}, {"function", "relu"}, {"rounding", "up"}, {"terms", "40"},
            {"overflow", "clamp"}, {"output", "ap_fixed<8,2,AP_RND,AP_SAT_SYM>"}};
        sameMessageAsTheCommandLine(cases);
        IllegalArgumentException knots = assertThrows(IllegalArgumentException.class,
                () -> Core.builder().function("pwl").knots("0:0,0:1").build());
        assertEquals(cliError("generate", "--function", "pwl", "--knots", "0:0,0:1"), knots.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Core.builder().build().verilog("module"));
    }

    /**
     * The interface options too go through the command line's parsers: the same messages, target-mhz and hdl taken,
     * and a null is a one-line IllegalArgumentException, not a NullPointerException.
     */
    @Test
    void interfaceOptionsAreTheCommandLines() {
        String[][] cases = {{"pipeline", "20"}, {"lanes", "0"}, {"reset", "async"}, {"interface", "apb"},
            {"target-mhz", "900"}, {"hdl", "sv"}};
        sameMessageAsTheCommandLine(cases);
        Core timed = Core.builder().option("target-mhz", "100").build();
        assertTrue(timed.verilog("k").contains("input  wire clk"), "a target of 100 MHz pipelines the core");
        assertTrue(Core.builder().option("hdl", "vhdl").build().vhdl("k").contains("entity k is"));
        IllegalArgumentException nullValue = assertThrows(IllegalArgumentException.class,
                () -> Core.builder().function(null));
        assertEquals("option 'function' is null: give a name and a value, as the command line takes them",
                nullValue.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Core.builder().option(null, "1"));
    }

    /** Each {option, value} pair fails to build with exactly generate's one-line message for it. */
    private static void sameMessageAsTheCommandLine(String[][] cases) {
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Core.builder().option(c[0], c[1]).build());
            assertEquals(cliError("generate", "--" + c[0], c[1]), e.getMessage(), c[0] + " " + c[1]);
        }
    }

    private static String cliError(String... args) {
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--core-dir", "target/api-unused", "--testbench-dir", "target/api-unused"));
        dev.hsig.cli.Main.run(all.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
        return err.toString().trim().replaceFirst("^hsig: error: ", "");
    }

    /** Raw words outside the input format are refused; bit patterns go through evalBits. */
    @Test
    void wordsOutsideTheFormatAreRefused() {
        Core core = Core.builder().input("Q3.5").output("UQ1.7").build();
        assertThrows(IllegalArgumentException.class, () -> core.eval(160));
        assertThrows(IllegalArgumentException.class, () -> core.eval(new long[] {160}, new long[1]));
        // 160 = 0b10100000: as a Q3.5 word that is -96.
        assertEquals(core.eval(-96), core.evalBits(160));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> core.eval(new long[] {160}, new long[1]));
        assertTrue(e.getMessage().contains("for bit patterns use Core.evalBits"), e.getMessage());
        long[] bits = new long[256];
        long[] y = new long[256];
        for (int i = 0; i < 256; i++) {
            bits[i] = i + 0xABC00;  // high bits are ignored
        }
        core.evalBits(bits, y);
        for (int i = 0; i < 256; i++) {
            assertEquals(core.evalBits(i), y[i], "bits " + i);
        }
    }

    /** Every option the command line takes, as the same strings; the Verilog is what generate writes. */
    @Test
    void theBuilderTakesEveryOptionAndPrintsWhatGenerateWrites(@org.junit.jupiter.api.io.TempDir Path temp)
            throws Exception {
        Core core = Core.builder().function("custom").alpha("-3/5").beta("1/4").lo("-1/2").hi("3/2").input("Q4.8")
                .output("Q2.10").rounding("nearest-zero").overflow("saturate").pipeline(2).lanes(2).clockEnable(true)
                .reset("async-low").build();
        dev.hsig.cli.Main.run(new String[] {"generate", "--function", "custom", "--alpha", "-3/5", "--beta", "1/4",
            "--lo", "-1/2", "--hi", "3/2", "--input", "Q4.8", "--output", "Q2.10", "--rounding", "nearest-zero",
            "--pipeline", "2", "--lanes", "2", "--ce", "--reset", "async-low", "--name", "c1", "--core-dir",
            temp.toString(), "--testbench-dir", temp.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        assertEquals(Files.readString(temp.resolve("c1.v")), core.verilog("c1"));
        Core axis = Core.builder().function("pwl").knots("-1:0,1:1").interfaceKind("axis").pipeline("max").tlast(true)
                .build();
        assertTrue(axis.verilog("p1").contains("m_axis_tlast"));
        assertTrue(Core.builder().function("keras").terms(3).build().errorBound().startsWith("<= "));
        // keras at Q4.12 -> UQ1.15: 2/5 ulp (1/5 * x * 2^15 in multiples of 1/5); the double is not below 2/5.
        double bound = Core.builder().build().errorBoundUlps();
        assertTrue(new java.math.BigDecimal(bound).multiply(java.math.BigDecimal.valueOf(5))
                .compareTo(java.math.BigDecimal.valueOf(2)) >= 0 && bound < 0.4000001, Double.toString(bound));
        assertEquals(bound, Core.builder().build().errorBoundWhereRepresentableUlps());
        assertTrue(Core.builder().build().vhdl("k").contains("entity k is"));
        assertTrue(Core.builder().build().cModel("k").contains("static inline int64_t k_eval(int64_t x_raw)"));
    }

    /** A Core is immutable: many threads evaluating it at once get the single-threaded results. */
    @Test
    void aCoreIsSafeToShareBetweenThreads() throws Exception {
        Core core = Core.builder().function("pytorch").build();
        long[] x = new long[65536];
        for (int i = 0; i < x.length; i++) {
            x[i] = -32768 + i;
        }
        long[] expected = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = core.eval(x[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    long[] y = new long[x.length];
                    core.eval(x, y);
                    return y;
                }));
            }
            for (Future<long[]> f : results) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Compiles one class in memory against the test classpath and loads it. */
    static Class<?> compile(String className, String source) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JavaFileObject input = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavaFileManager files = new ForwardingJavaFileManager<>(compiler.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("bytes:///" + name + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return bytes;
                    }
                };
            }
        };
        StringWriter diagnostics = new StringWriter();
        boolean ok = compiler.getTask(diagnostics, files, null, List.of("-classpath", System.getProperty("java.class.path"),
                "--release", "17"), null, List.of(input)).call();
        assertTrue(ok, "the README example does not compile:\n" + diagnostics + "\n" + source);
        byte[] code = bytes.toByteArray();
        return new ClassLoader(CoreApiTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.equals(className)) {
                    return defineClass(name, code, 0, code.length);
                }
                throw new ClassNotFoundException(name);
            }
        }.loadClass(className);
    }
}
