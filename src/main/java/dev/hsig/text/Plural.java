package dev.hsig.text;

/** "1 adder", "7 adders": counts in reports read as English. */
public final class Plural {
    private Plural() {
    }

    public static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
