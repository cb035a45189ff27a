package dev.hsig.binarize;

/**
 * One step of the random source's mix, a bijection of F-bit words (every step is invertible modulo 2^F, so the
 * whole mix is a permutation and a counter run through it visits every word once per period). Each kind's meaning
 * is its {@link Visitor} method: the Java model and the Verilog, VHDL and C printers each implement all five.
 */
public sealed interface Step {
    <R> R accept(Visitor<R> v);

    interface Visitor<R> {
        /** v + k mod 2^F. */
        R add(Add s);

        /** v xor k. */
        R xor(Xor s);

        /** v xor (v >> shift): invertible for shift >= 1, the high bits pass unchanged. */
        R xorShift(XorShift s);

        /** v * k mod 2^F for odd k (odd, so invertible modulo 2^F), printed as shifts and adds. */
        R multiply(Multiply s);

        /** words[v]: a permutation of the 2^F words, for widths too narrow for the arithmetic mix to be good. */
        R table(Table s);
    }

    record Add(long k) implements Step {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.add(this);
        }
    }

    record Xor(long k) implements Step {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.xor(this);
        }
    }

    record XorShift(int shift) implements Step {
        public XorShift {
            if (shift < 1) {
                throw new IllegalArgumentException("an xorshift by " + shift + " is not a bijection");
            }
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.xorShift(this);
        }
    }

    record Table(java.util.List<Long> words) implements Step {
        public Table {
            java.util.List<Long> copy = java.util.List.copyOf(words);
            if (Long.bitCount(copy.size()) != 1 || new java.util.HashSet<>(copy).size() != copy.size()
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

    record Multiply(long k) implements Step {
        public Multiply {
            if ((k & 1) == 0) {
                throw new IllegalArgumentException("multiplying by the even " + k + " is not a bijection");
            }
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.multiply(this);
        }
    }
}
