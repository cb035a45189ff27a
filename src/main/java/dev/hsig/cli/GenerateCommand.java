package dev.hsig.cli;

import java.io.PrintWriter;

/** Placeholder until the Verilog emitter lands in this commit series. */
final class GenerateCommand implements Command {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write the Verilog core, its testbench and vectors";
    }

    @Override
    public String help() {
        return "usage: ./hsig generate [model options]\n";
    }

    @Override
    public void run(String[] args, PrintWriter out) {
        throw new dev.hsig.InvalidInputException("generate is not available yet");
    }
}
