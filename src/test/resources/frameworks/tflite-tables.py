#!/usr/bin/python3
# Writes tflite-tables.tsv next to this script: the output word of TFLite's quantized HARD_SWISH for every one of
# the 256 input words, at 15 int8 and uint8 settings, as the real runtime computes them. Each setting is a
# one-op model, written here as a flatbuffer (the slots are those of TFLite's schema.fbs, version 3), run by
# tflite-runner. Called by tflite-tables.sh, which builds the runner against TFLite 2.6.2's C library.
# Needs Debian's python3-flatbuffers. Columns as in pytorch-tables.tsv.
import os
import struct
import subprocess
import sys
import tempfile

import flatbuffers

HARD_SWISH = 117
TYPES = {"int8": 9, "uint8": 3}

def f32(text):
    bits = struct.unpack("<I", struct.pack("<f", float(text)))[0]
    return struct.unpack("<f", struct.pack("<I", bits))[0], "%08X" % bits

def vector(b, prepend, size, items):
    b.StartVector(size, len(items), size)
    for x in reversed(items):
        prepend(x)
    return b.EndVector()

def model(kind, s_in, z_in, s_out, z_out):
    b = flatbuffers.Builder(1024)
    def quant(scale, zero):
        sc = vector(b, b.PrependFloat32, 4, [scale])
        zp = vector(b, b.PrependInt64, 8, [zero])
        b.StartObject(7)
        b.PrependUOffsetTRelativeSlot(2, sc, 0)
        b.PrependUOffsetTRelativeSlot(3, zp, 0)
        return b.EndObject()
    def tensor(name, buffer, q):
        n = b.CreateString(name)
        shape = vector(b, b.PrependInt32, 4, [1, 256])
        b.StartObject(8)
        b.PrependUOffsetTRelativeSlot(0, shape, 0)
        b.PrependInt8Slot(1, TYPES[kind], 0)
        b.PrependUint32Slot(2, buffer, 0)
        b.PrependUOffsetTRelativeSlot(3, n, 0)
        b.PrependUOffsetTRelativeSlot(4, q, 0)
        return b.EndObject()
    t_in = tensor("x", 1, quant(s_in, z_in))
    t_out = tensor("y", 2, quant(s_out, z_out))
    ins = vector(b, b.PrependInt32, 4, [0])
    outs = vector(b, b.PrependInt32, 4, [1])
    b.StartObject(9)
    b.PrependUint32Slot(0, 0, 0)
    b.PrependUOffsetTRelativeSlot(1, ins, 0)
    b.PrependUOffsetTRelativeSlot(2, outs, 0)
    op = b.EndObject()
    tensors = vector(b, b.PrependUOffsetTRelative, 4, [t_in, t_out])
    ops = vector(b, b.PrependUOffsetTRelative, 4, [op])
    sg_name = b.CreateString("main")
    sg_in = vector(b, b.PrependInt32, 4, [0])
    sg_out = vector(b, b.PrependInt32, 4, [1])
    b.StartObject(5)
    b.PrependUOffsetTRelativeSlot(0, tensors, 0)
    b.PrependUOffsetTRelativeSlot(1, sg_in, 0)
    b.PrependUOffsetTRelativeSlot(2, sg_out, 0)
    b.PrependUOffsetTRelativeSlot(3, ops, 0)
    b.PrependUOffsetTRelativeSlot(4, sg_name, 0)
    sg = b.EndObject()
    b.StartObject(4)
    b.PrependInt8Slot(0, HARD_SWISH, 0)
    b.PrependInt32Slot(2, 1, 1)
    b.PrependInt32Slot(3, HARD_SWISH, 0)
    code = b.EndObject()
    buffers = []
    for _ in range(3):
        b.StartObject(1)
        buffers.append(b.EndObject())
    bufs = vector(b, b.PrependUOffsetTRelative, 4, buffers)
    codes = vector(b, b.PrependUOffsetTRelative, 4, [code])
    sgs = vector(b, b.PrependUOffsetTRelative, 4, [sg])
    desc = b.CreateString("hsig HARD_SWISH probe")
    b.StartObject(5)
    b.PrependUint32Slot(0, 3, 0)
    b.PrependUOffsetTRelativeSlot(1, codes, 0)
    b.PrependUOffsetTRelativeSlot(2, sgs, 0)
    b.PrependUOffsetTRelativeSlot(3, desc, 0)
    b.PrependUOffsetTRelativeSlot(4, bufs, 0)
    root = b.EndObject()
    b.Finish(root, file_identifier=b"TFL3")
    return bytes(b.Output())

# (type, input scale, input zero, output scale, output zero): MobileNetV3-like settings, int8 and uint8.
settings = [
    ("int8", "0.0235294", -128, "0.0235294", -128),
    ("int8", "0.05", 0, "0.05", 0),
    ("int8", "0.0470588", -64, "0.0235294", -115),
    ("int8", "0.1", 20, "0.025", -125),
    ("int8", "0.03125", 0, "0.015625", -118),
    ("int8", "0.0392157", 63, "0.0627451", -121),
    ("int8", "0.0123", -51, "0.0311", -127),
    ("uint8", "0.0235294", 0, "0.0235294", 0),
    ("uint8", "0.05", 128, "0.05", 128),
    ("uint8", "0.1", 100, "0.025", 3),
    ("uint8", "0.0392157", 191, "0.0627451", 7),
    ("uint8", "0.0173", 200, "0.0137", 9),
    # Power-of-two scales: exact ties, where TFLite's fixed point rounds them its own way.
    ("int8", "0.0625", 0, "0.0625", 0),
    ("int8", "0.03125", -40, "0.0625", -100),
    ("uint8", "0.0625", 64, "0.03125", 20),
]

runner = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
rows = []
with tempfile.TemporaryDirectory() as tmp:
    for kind, si, zi, so, zo in settings:
        s_in, hex_in = f32(si)
        s_out, hex_out = f32(so)
        path = os.path.join(tmp, "m.tflite")
        with open(path, "wb") as f:
            f.write(model(kind, s_in, zi, s_out, zo))
        out = subprocess.run([runner, path, kind], check=True, capture_output=True, text=True).stdout.strip()
        assert len(out.split()) == 256, out
        rows.append("\t".join(["hardswish", kind, si, hex_in, str(zi), kind, so, hex_out, str(zo), out]))
with open(os.path.join(here, "tflite-tables.tsv"), "w") as f:
    f.write("# TFLite 2.6.2 C library (ai.djl.tflite:tflite-native-cpu:2.6.2 linux-x86_64), HARD_SWISH;"
            " written by tflite-tables.sh\n")
    f.write("\n".join(rows) + "\n")
print("wrote %d settings" % len(rows))
