package dev.hsig.model;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a generated kernel in memory with the JDK's own compiler (no dependency) and returns its static
 * {@code run(int[], int[], int, int)}. Empty only when no compiler is available (a JRE): the batch model then keeps
 * its interpreted loops, and says so once on stderr. Generated code that does not compile is a bug in the kernel
 * printer, and fails loudly with the compiler's messages.
 */
final class KernelCompiler {
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private KernelCompiler() {
    }

    /** A compiled kernel's two entry points: run over arrays, and eval of one word. */
    record Kernel(MethodHandle run, MethodHandle eval) {
    }

    static Optional<MethodHandle> compile(String className, String source) {
        return compileKernel(className, source, ToolProvider.getSystemJavaCompiler()).map(Kernel::run);
    }

    static Optional<MethodHandle> compile(String className, String source, JavaCompiler compiler) {
        return compileKernel(className, source, compiler).map(Kernel::run);
    }

    static Optional<Kernel> compileKernel(String className, String source) {
        return compileKernel(className, source, ToolProvider.getSystemJavaCompiler());
    }

    static Optional<Kernel> compileKernel(String className, String source, JavaCompiler compiler) {
        if (compiler == null) {
            if (!WARNED.getAndSet(true)) {
                System.err.println("hsig: note: no Java compiler in this runtime (a JRE?): the batch model runs its"
                        + " interpreted loops, with the same results, more slowly");
            }
            return Optional.empty();
        }
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
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = compiler.getTask(null, files, diagnostics, List.of("-g:none", "--release", "17"), null,
                List.of(input)).call();
        if (!ok) {
            throw new IllegalStateException("the generated kernel " + className + " does not compile (a bug in the"
                    + " kernel printer): " + diagnostics.getDiagnostics() + "\n" + source);
        }
        byte[] code = bytes.toByteArray();
        ClassLoader loader = new ClassLoader(KernelCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.equals(className)) {
                    return defineClass(name, code, 0, code.length);
                }
                throw new ClassNotFoundException(name);
            }
        };
        try {
            Class<?> c = loader.loadClass(className);
            MethodHandle run = MethodHandles.publicLookup().findStatic(c, "run",
                    source.contains("run(long[] xs") ? MethodType.methodType(int.class, long[].class, long[].class, int.class,
                    int.class) : MethodType.methodType(int.class, int[].class, int[].class, int.class, int.class));
            MethodHandle eval = source.contains("public static long eval(long x)") ? MethodHandles.publicLookup()
                    .findStatic(c, "eval", MethodType.methodType(long.class, long.class)) : null;
            return Optional.of(new Kernel(run, eval));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the generated kernel " + className + " has no run method", e);
        }
    }
}
