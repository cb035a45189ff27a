#!/usr/bin/python3
# Regenerates pytorch-tables.tsv next to this script: the output word of PyTorch's quantized hardswish and
# hardsigmoid (engine qnnpack, quint8) for every one of the 256 input words, at 14 settings, as the real
# runtime computes them. Needs Debian's python3-torch (1.13.1): apt-get install python3-torch. Never a build
# dependency: FrameworkTablesTest compares hsig's --semantics pytorch with the committed file.
# Columns: op, then per side type, scale as written, its float32 bits, zero point; then the 256 outputs.
import os
import struct

import torch

torch.backends.quantized.engine = "qnnpack"

def f32(text):
    bits = struct.unpack("<I", struct.pack("<f", float(text)))[0]
    return struct.unpack("<f", struct.pack("<I", bits))[0], "%08X" % bits

# (op, input scale, input zero, output scale, output zero); hardsigmoid's output is fixed at 1/256, zero 0.
settings = [
    ("hardswish", "0.0235294", 0, "0.0235294", 0),
    ("hardswish", "0.05", 128, "0.05", 128),
    ("hardswish", "0.0470588", 64, "0.0235294", 13),
    ("hardswish", "0.1", 100, "0.025", 3),
    ("hardswish", "0.03125", 128, "0.015625", 10),
    ("hardswish", "0.0392157", 191, "0.0627451", 7),
    ("hardswish", "0.0123", 77, "0.0311", 1),
    ("hardswish", "0.0625", 128, "0.0625", 64),
    ("hardswish", "0.125", 100, "0.03125", 5),
    ("hardsigmoid", "0.0235294", 128, "0.00390625", 0),
    ("hardsigmoid", "0.05", 100, "0.00390625", 0),
    ("hardsigmoid", "0.03125", 128, "0.00390625", 0),
    ("hardsigmoid", "0.0627451", 40, "0.00390625", 0),
    ("hardsigmoid", "0.0173", 200, "0.00390625", 0),
]

rows = []
for op, si, zi, so, zo in settings:
    s_in, hex_in = f32(si)
    s_out, hex_out = f32(so)
    q = torch._make_per_tensor_quantized_tensor(torch.arange(0, 256, dtype=torch.uint8), s_in, zi)
    if op == "hardswish":
        y = torch.ao.nn.quantized.functional.hardswish(q, scale=s_out, zero_point=zo)
    else:
        y = torch.nn.functional.hardsigmoid(q)
        assert abs(y.q_scale() - s_out) == 0 and y.q_zero_point() == zo, (y.q_scale(), y.q_zero_point())
    out = [int(v) for v in y.int_repr().tolist()]
    rows.append("\t".join([op, "uint8", si, hex_in, str(zi), "uint8", so, hex_out, str(zo), " ".join(map(str, out))]))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "pytorch-tables.tsv"), "w") as f:
    f.write("# PyTorch %s, torch.backends.quantized.engine = qnnpack; written by pytorch-tables.py\n" % torch.__version__)
    f.write("\n".join(rows) + "\n")
print("wrote %d settings" % len(rows))
