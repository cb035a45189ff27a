package dev.hsig.datapath;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a generated kernel in memory with the JDK's own compiler (no dependency) and returns its static
 * {@code run(int[], int[], int, int)}. Empty when no compiler is available (a JRE), in which case the batch
 * model keeps its interpreted loops.
 */
final class KernelCompiler {
    private KernelCompiler() {
    }

    static Optional<MethodHandle> compile(String className, String source) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
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
        boolean ok = compiler.getTask(null, files, d -> { }, List.of("-g:none", "--release", "17"), null,
                List.of(input)).call();
        if (!ok) {
            return Optional.empty();
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
            return Optional.of(MethodHandles.publicLookup().findStatic(c, "run",
                    MethodType.methodType(void.class, int[].class, int[].class, int.class, int.class)));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }
}
