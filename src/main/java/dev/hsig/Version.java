package dev.hsig;

/** The generator version, printed by {@code --version} and in every generated file's header. */
public final class Version {
    /** The version, as in the pom (a test keeps the two equal). */
    public static final String VERSION = "0.2.0";

    private Version() {
    }
}
