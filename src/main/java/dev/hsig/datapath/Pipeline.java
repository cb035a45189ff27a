package dev.hsig.datapath;

import java.util.Arrays;
import java.util.List;

/**
 * Where the pipeline registers go. With N &gt;= 1 registers the output is always registered and the logic is cut
 * into at most N stages so that the slowest stage is as fast as it can be, by each node's estimated delay
 * ({@link NodeDelay}) rather than by counting levels: a 4-bit adder and a table can share a stage that a second
 * 17-bit carry chain would make the slowest. Stage 0 starts at the input port; a node in stage s reads its operands
 * as they are in stage s, delayed by registers where they were computed earlier. When fewer stages suffice, the
 * registers left over delay the output, so the latency is always N.
 */
public record Pipeline(int registers, int[] stages) {
    public static final int MAX_REGISTERS = 16;

    public static Pipeline of(Datapath datapath, int registers) {
        int[] delay = delays(datapath);
        if (registers == 0) {
            return new Pipeline(0, new int[delay.length]);
        }
        // The smallest budget per stage for which placing each node as early as the budget allows needs at most N
        // stages. As early as possible is optimal for a given budget: an earlier node never delays its readers. A
        // node slower than the budget sits alone in its stage, so the budget starts below the slowest node: with
        // registers to spare (hard-swish's product is one long node), the rest is still cut as fine as they allow.
        for (int budget = 1; ; budget++) {
            int[] stages = asEarlyAsPossible(datapath, delay, budget);
            if (Arrays.stream(stages).max().orElse(0) < registers) {
                return new Pipeline(registers, stages);
            }
        }
    }

    private static int[] asEarlyAsPossible(Datapath datapath, int[] delay, int budget) {
        List<Node> nodes = datapath.nodes();
        int[] stage = new int[nodes.size()];
        Arrival arrival = new Arrival(nodes, delay);
        for (int i = 0; i < nodes.size(); i++) {
            int s = 0;
            for (int operand : Operands.of(nodes.get(i))) {
                s = Math.max(s, stage[operand]);
            }
            stage[i] = s;
            if (arrival.place(i, stage) > budget && arrival.readsInStage(i, stage)) {
                stage[i] = s + 1;
                arrival.place(i, stage);
            }
        }
        return stage;
    }

    /**
     * When each node's result is ready within its stage, in tenths of a ns. A node whose operands all come from
     * registers takes its own delay. Carry chains in one stage overlap: the low bits of a sum are ready one LUT
     * and a carry cell after the low bits of its operands, so a sum fed by another finishes a LUT and the bits it
     * shifts right after that one, or its own chain after its operands' low bits, whichever is later (keras's four
     * chained 17-bit adders take ~7 ns in one stage, not 4 x 2.6).
     */
    private static final class Arrival {
        private final List<Node> nodes;
        private final int[] delay;
        private final int[] finish;
        /** When the lowest bits are ready (a chain's start); the finish for anything but a sum. */
        private final int[] low;

        Arrival(List<Node> nodes, int[] delay) {
            this.nodes = nodes;
            this.delay = delay;
            this.finish = new int[nodes.size()];
            this.low = new int[nodes.size()];
        }

        boolean readsInStage(int i, int[] stage) {
            return Operands.of(nodes.get(i)).stream().anyMatch(o -> stage[o] == stage[i] && finish[o] > 0);
        }

        int place(int i, int[] stage) {
            Node node = nodes.get(i);
            int in = 0;
            int lowIn = 0;
            for (int operand : Operands.of(node)) {
                if (stage[operand] == stage[i]) {
                    in = Math.max(in, finish[operand]);
                    lowIn = Math.max(lowIn, low[operand]);
                }
            }
            if (node instanceof Node.Sum sum) {
                place(i, sum, stage, in, lowIn);
            } else {
                finish[i] = in + delay[i];
                low[i] = finish[i];
            }
            return finish[i];
        }

        private void place(int i, Node.Sum sum, int[] stage, int in, int lowIn) {
            int rightShift = 0;
            int lowBitsIn = 0;
            for (Node.Term t : sum.terms()) {
                int o = t.source();
                if (stage[o] == stage[i]) {
                    rightShift = Math.max(rightShift, -t.shift());
                    // The operand bits a narrow sum reads: its low bits, up to its width above the shift.
                    int bits = sum.width() - 1 + Math.max(0, -t.shift());
                    lowBitsIn = Math.max(lowBitsIn, Math.min(finish[o], low[o] + NodeDelay.CARRY_BIT * bits));
                }
            }
            if (sum.adders() == 0) {
                // Wiring: a slice of its operand, whose low bits are those the shift brings down.
                finish[i] = in;
                low[i] = in == 0 ? 0 : Math.min(in, lowIn + NodeDelay.CARRY_BIT * rightShift);
            } else if (sum.width() <= NodeDelay.SMALL_SUM_BITS) {
                // A few bits wide (the remainder network): it waits only for the low bits it reads.
                finish[i] = lowBitsIn + delay[i];
                low[i] = lowBitsIn + NodeDelay.LUT + NodeDelay.CARRY_BIT;
            } else {
                int fed = in == 0 ? 0 : in + NodeDelay.LUT + NodeDelay.CARRY_BIT * (1 + rightShift);
                finish[i] = Math.max(fed, lowIn + delay[i]);
                low[i] = lowIn + NodeDelay.LUT + NodeDelay.CARRY_BIT;
            }
        }

        int slowest() {
            return Arrays.stream(finish).max().orElse(0);
        }
    }

    private static int[] delays(Datapath datapath) {
        NodeDelay estimate = new NodeDelay(datapath.nodes());
        int[] delay = new int[datapath.nodes().size()];
        for (int i = 0; i < delay.length; i++) {
            delay[i] = estimate.of(i);
        }
        return delay;
    }

    /**
     * The estimated delay of the slowest stage in ns: the latest a result is ready between two registers (or the
     * ports) once the datapath is cut into {@code registers} stages.
     */
    public static double stageDelayNs(Datapath datapath, int registers) {
        return slowestStage(datapath, of(datapath, registers).stages) / 10.0;
    }

    /** The slowest stage of any placement, in tenths of a ns. */
    static int slowestStage(Datapath datapath, int[] stages) {
        Arrival arrival = new Arrival(datapath.nodes(), delays(datapath));
        for (int i = 0; i < stages.length; i++) {
            arrival.place(i, stages);
        }
        return arrival.slowest();
    }

    /** The logic depth in levels: adders, comparators and tables on the longest path. */
    public static int depth(Datapath datapath) {
        int[] level = levels(datapath);
        return level[level.length - 1];
    }

    private static int[] levels(Datapath datapath) {
        List<Node> nodes = datapath.nodes();
        int[] level = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            int deepest = 0;
            for (int operand : Operands.of(nodes.get(i))) {
                deepest = Math.max(deepest, level[operand]);
            }
            level[i] = deepest + nodes.get(i).depth();
        }
        return level;
    }

    /** The most logic levels between two registers (or the ports). */
    public static int levelsPerStage(Datapath datapath, int registers) {
        int[] level = levels(datapath);
        Pipeline p = of(datapath, registers);
        int[] start = new int[registers + 1];
        int[] end = new int[registers + 1];
        Arrays.fill(start, Integer.MAX_VALUE);
        for (int i = 0; i < level.length; i++) {
            int s = p.stages[i];
            int own = datapath.nodes().get(i).depth();
            start[s] = Math.min(start[s], level[i] - own);
            end[s] = Math.max(end[s], level[i]);
        }
        int worst = 0;
        for (int s = 0; s <= registers; s++) {
            if (start[s] != Integer.MAX_VALUE) {
                worst = Math.max(worst, end[s] - start[s]);
            }
        }
        return worst;
    }

    public int stage(int node) {
        return stages[node];
    }
}
