package dev.hsig.cli;

import dev.hsig.spec.Activation;
import dev.hsig.spec.Breakpoint;
import dev.hsig.spec.ClippedLine;
import dev.hsig.spec.Polynomial;
import java.util.List;

/**
 * The baseline of {@code ./hsig bench}: the function as a plain double loop, written as a programmer would,
 * without rounding to any format. A clipped line is max(lo, min(hi, a*x + b)), hard-swish is
 * x * min(max(x + 3, 0), 6) / 6, anything else is evaluated piece by piece.
 */
abstract class DoubleLoop {
    abstract void run(double[] x, double[] y);

    static DoubleLoop of(Activation f) {
        if (f.line().isPresent()) {
            ClippedLine l = f.line().get();
            double a = l.alpha().toDouble();
            double b = l.beta().toDouble();
            double lo = l.lo().toDouble();
            double hi = l.hi().toDouble();
            return new DoubleLoop() {
                @Override
                void run(double[] x, double[] y) {
                    for (int i = 0; i < x.length; i++) {
                        y[i] = Math.max(lo, Math.min(hi, a * x[i] + b));
                    }
                }
            };
        }
        if (f.name().equals("hard-swish")) {
            return new DoubleLoop() {
                @Override
                void run(double[] x, double[] y) {
                    for (int i = 0; i < x.length; i++) {
                        y[i] = x[i] * Math.min(Math.max(x[i] + 3, 0), 6) / 6;
                    }
                }
            };
        }
        List<Breakpoint> breaks = f.shape().breakpoints();
        List<Polynomial> pieces = f.shape().pieces();
        double[] at = breaks.stream().mapToDouble(b -> b.x().toDouble()).toArray();
        double[][] c = pieces.stream().map(p -> new double[] {p.c0().toDouble(), p.c1().toDouble(), p.c2().toDouble()})
                .toArray(double[][]::new);
        return new DoubleLoop() {
            @Override
            void run(double[] x, double[] y) {
                for (int i = 0; i < x.length; i++) {
                    int k = 0;
                    while (k < at.length && x[i] >= at[k]) {
                        k++;
                    }
                    double[] p = c[k];
                    y[i] = p[0] + x[i] * (p[1] + x[i] * p[2]);
                }
            }
        };
    }
}
