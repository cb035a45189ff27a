package dev.hsig.testbench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An ASCII text buffer written byte by byte, with exact decimal printing of fixed-point values, so that a
 * million vectors are written in well under a second.
 */
final class ByteText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf;
    private int size;

    ByteText(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    ByteText append(char c) {
        ensure(1);
        buf[size++] = (byte) c;
        return this;
    }

    ByteText append(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    ByteText append(long v) {
        if (v == Long.MIN_VALUE) {
            return append(Long.toString(v));
        }
        ensure(20);
        if (v < 0) {
            buf[size++] = '-';
            v = -v;
        }
        int start = size;
        do {
            buf[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        reverse(start, size - 1);
        return this;
    }

    /** {@code digits} lowercase hexadecimal digits of the low bits of {@code v}. */
    ByteText hex(long v, int digits) {
        ensure(digits);
        for (int i = digits - 1; i >= 0; i--) {
            buf[size + i] = HEX[(int) (v & 15)];
            v >>>= 4;
        }
        size += digits;
        return this;
    }

    /**
     * The exact decimal value of {@code raw * 2^-fraction} (every such value has a finite expansion), the same
     * text as {@code Rational.toDecimalString()}: {@code -0.000244140625}, {@code 7.5}, {@code 1}.
     */
    ByteText fixed(long raw, int fraction) {
        if (raw < 0) {
            append('-');
            raw = -raw;
        }
        append(raw >>> fraction);
        long mask = (1L << fraction) - 1;
        long f = raw & mask;
        if (f != 0) {
            append('.');
            ensure(fraction);
            while (f != 0) {
                f *= 10;
                buf[size++] = (byte) ('0' + (f >>> fraction));
                f &= mask;
            }
        }
        return this;
    }

    private void reverse(int i, int j) {
        while (i < j) {
            byte t = buf[i];
            buf[i++] = buf[j];
            buf[j--] = t;
        }
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }
}
