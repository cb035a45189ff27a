package dev.hsig.testbench;

/**
 * Test vectors as parallel arrays: raw input words, expected raw output words from the model, and an optional
 * label per vector saying why it was chosen (null for exhaustive sets).
 */
public record Vectors(long[] x, long[] y, String[] labels) {
    public int size() {
        return x.length;
    }

    public String label(int i) {
        return labels == null ? null : labels[i];
    }

    @Override
    public String toString() {
        return "Vectors[" + x.length + "]";
    }
}
