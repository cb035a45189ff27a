package dev.hsig.testbench;

/** One test vector: raw input word, expected raw output word from the model, and why it was chosen. */
public record Vector(long x, long y, String label) {
}
