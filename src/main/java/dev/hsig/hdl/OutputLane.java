package dev.hsig.hdl;

import dev.hsig.format.QFormat;

/** One lane of a core's output bus: its width and what the port's comment calls it. */
public record OutputLane(int width, String what) {
    /** A datapath's output word. */
    public static OutputLane of(QFormat f) {
        return new OutputLane(f.width(), f.toString());
    }

    /** A binarizer's one bit. */
    public static final OutputLane BIT = new OutputLane(1, "one bit per lane, 1 for +1, 0 for -1");
}
