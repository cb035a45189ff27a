package dev.hsig.datapath;

import java.util.List;

/**
 * Where the pipeline registers go. Each node gets a logic level (its own depth plus its deepest operand's); with
 * N &gt;= 1 registers the output is always registered and the levels are cut into N stages of about equal depth,
 * so the adder chain is balanced between registers. Stage 0 starts at the input port; a node in stage s reads
 * its operands as they are in stage s, delayed by registers where they were computed earlier.
 */
public record Pipeline(int registers, int[] stages) {
    public static final int MAX_REGISTERS = 16;

    public static Pipeline of(Datapath datapath, int registers) {
        List<Node> nodes = datapath.nodes();
        int[] level = levels(datapath);
        int total = Math.max(1, level[nodes.size() - 1]);
        int[] stages = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            // Levels 1..total map onto stages 0..registers-1 in equal slices.
            int s = registers == 0 || level[i] == 0 ? 0 : ((level[i] - 1) * registers) / total;
            for (int operand : Operands.of(nodes.get(i))) {
                s = Math.max(s, stages[operand]);
            }
            stages[i] = s;
        }
        return new Pipeline(registers, stages);
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

    /** The most logic levels between two registers (or the ports), the figure that sets the clock rate. */
    public static int levelsPerStage(Datapath datapath, int registers) {
        int[] level = levels(datapath);
        Pipeline p = of(datapath, registers);
        int[] start = new int[registers + 1];
        int[] end = new int[registers + 1];
        java.util.Arrays.fill(start, Integer.MAX_VALUE);
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
