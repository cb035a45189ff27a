package dev.hsig.binarize;

import java.util.HashSet;
import java.util.List;

/**
 * One step of the random source's mix, a bijection of F-bit words (every step is invertible, so the whole mix is a
 * permutation and a counter run through it visits every word once per period). Each kind's meaning is its
 * {@link Visitor} method: the Java model and the Verilog, VHDL and C printers each implement all four.
 */
public sealed interface Step {
    <R> R accept(Visitor<R> v);

    interface Visitor<R> {
        /** v xor k. */
        R xor(Xor s);

        /**
         * The substitution layer: v xor k, then every 4-bit chunk (bits 4j to 4j + 3) through {@link #BOX4}, and the
         * F mod 4 bits above the last whole chunk through {@link #BOX3}, {@link #BOX2} or unchanged.
         */
        R substitute(Substitute s);

        /** Bit i of v moves to bit {@code to.get(i)}. */
        R permute(Permute s);

        /** words[v]: a permutation of the 2^F words, for widths of a chunk or less. */
        R table(Table s);
    }

    /**
     * PRESENT's 4-bit S-box (Bogdanov et al., CHES 2007): no linear or differential bias above 1/4, the best a
     * 4-bit permutation can do; one LUT4 per output bit, with the key folded in.
     */
    List<Long> BOX4 = List.of(0xCL, 0x5L, 0x6L, 0xBL, 0x9L, 0x0L, 0xAL, 0xDL, 0x3L, 0xEL, 0xFL, 0x8L, 0x4L, 0x7L, 0x1L, 0x2L);
    /** A 3-bit permutation with no affine structure, for the top chunk when F mod 4 = 3. */
    List<Long> BOX3 = List.of(0L, 1L, 3L, 6L, 7L, 4L, 5L, 2L);
    /** The 2-bit permutation 0, 2, 3, 1 for F mod 4 = 2 (every 2-bit permutation is affine; the key still differs). */
    List<Long> BOX2 = List.of(0L, 2L, 3L, 1L);

    /** The box of a chunk of {@code width} bits (1 bit: none, the identity). */
    static List<Long> box(int width) {
        return switch (width) {
            case 4 -> BOX4;
            case 3 -> BOX3;
            case 2 -> BOX2;
            default -> List.of(0L, 1L);
        };
    }

    record Xor(long k) implements Step {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.xor(this);
        }
    }

    record Substitute(long key) implements Step {
        /** One box's input: bits low to low + width - 1, xored with the key's bits there. */
        public record Chunk(int low, int width, long key) {
            public List<Long> box() {
                return Step.box(width);
            }
        }

        /** The chunks of an F-bit word, lowest first: 4 bits each, the top one F mod 4 when that is not 0. */
        public List<Chunk> chunks(int bits) {
            List<Chunk> chunks = new java.util.ArrayList<>();
            for (int low = 0; low < bits; low += 4) {
                int width = Math.min(4, bits - low);
                chunks.add(new Chunk(low, width, (key >>> low) & ((1L << width) - 1)));
            }
            return chunks;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.substitute(this);
        }
    }

    record Permute(List<Integer> to) implements Step {
        public Permute {
            List<Integer> copy = List.copyOf(to);
            if (new HashSet<>(copy).size() != copy.size() || copy.stream().anyMatch(i -> i < 0 || i >= copy.size())) {
                throw new IllegalArgumentException("not a permutation of the bits: " + copy);
            }
            to = copy;
        }

        /** The bit that moves to bit j: the inverse, which printers read output bit by output bit. */
        public int from(int j) {
            return to.indexOf(j);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.permute(this);
        }
    }

    record Table(List<Long> words) implements Step {
        public Table {
            List<Long> copy = List.copyOf(words);
            if (Long.bitCount(copy.size()) != 1 || new HashSet<>(copy).size() != copy.size()
                    || copy.stream().anyMatch(w -> w < 0 || w >= copy.size())) {
                throw new IllegalArgumentException("a table step must be a permutation of 0 to 2^F - 1: " + copy);
            }
            words = copy;
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.table(this);
        }
    }
}
