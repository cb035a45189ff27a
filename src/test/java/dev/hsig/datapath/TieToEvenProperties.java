package dev.hsig.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hsig.arithmetic.Rational;
import dev.hsig.arithmetic.RoundingMode;
import dev.hsig.format.QFormat;
import dev.hsig.model.ScalarModel;
import dev.hsig.spec.Activation;
import dev.hsig.spec.Config;
import dev.hsig.spec.Presets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The TieToEven node itself, as the model evaluates it, against exact ties-to-even rounding of the rational it
 * stands for: a datapath of three nodes, x, n = x + 2^(k-1) (the bias) and ylin = TieToEven(n, k), rounds x / 2^k.
 */
class TieToEvenProperties {
    @Property(tries = 3000)
    void theNodeRoundsHalfToEven(@ForAll @IntRange(min = -40000, max = 40000) int x,
            @ForAll @IntRange(min = 1, max = 8) int k) {
        QFormat in = QFormat.parse("Q17.0");
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node.Input("x", 17, true, "x"));
        nodes.add(new Node.Sum("n", 19, true, List.of(Node.Term.of(0)), 1L << (k - 1), "x + half"));
        nodes.add(new Node.TieToEven("ylin", 18, 1, k, -1, 1, "round"));
        nodes.add(new Node.Select("y", 18, true, Choice.Leaf.of(2), "y"));
        Activation any = Presets.get("keras").function();
        Config c = Config.of(any, in, new QFormat(true, 18, 0), RoundingMode.NEAREST_EVEN);
        Datapath d = DatapathPlanner.plan(c).withNodes(nodes);
        assertEquals(RoundingMode.NEAREST_EVEN.round(Rational.of(x, 1L << k)).longValueExact(),
                new ScalarModel(d).evaluate(x), x + " / 2^" + k);
    }
}
