#!/usr/bin/env bash
# Regenerates area-calibration.tsv next to this script: every configuration below measured by
#   ./hsig synth OPTIONS --implementation all
# (Yosys synth_ice40 then nextpnr-ice40 --pack-only for ICESTORM_LC, synth_xilinx for 7-series LUTs), one row per
# implementation. AreaEstimate's weights are a least-squares fit to these rows; AreaCalibrationTest checks auto's
# choice against them, and re-measures a few of them to show the file matches what this code prints.
# Needs yosys and nextpnr-ice40 (./test installs them). Takes about 10 minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$here/../../.."
out="$here/area-calibration.tsv"

configs=()
# Every preset at 4, 6, 8, 10 and 12 input bits, to the preset's own output narrowed to the same width.
presets=(keras:UQ:1 pytorch:UQ:1 courbariaux:UQ:1 quarter:UQ:1 qkeras-smooth:UQ:1 plan:UQ:1 hard-tanh:Q:2
  relu6:UQ:3 hard-swish:Q:4 hls4ml:Q:6)
for p in "${presets[@]}"; do
  IFS=: read -r f kind int <<< "$p"
  for io in Q3.5:8 Q2.2:4 Q4.4:8 Q3.3:6 Q4.6:10 Q4.8:12; do
    in=${io%%:*}; w=${io##*:}; i=$(( int < w ? int : w ))
    configs+=("--function $f --input $in --output $kind$i.$((w - i))")
  done
done
# The configurations of the issue that asked for the table.
configs+=("--function keras --input Q3.5 --output UQ0.8" "--function pytorch --input Q3.5 --output UQ0.8"
  "--function pytorch --input Q4.4 --output UQ1.7" "--function hard-swish --input Q3.5 --output Q3.5"
  "--function keras --input Q3.3 --output UQ0.6" "--function keras --input Q2.2 --output UQ0.4"
  "--function keras --input Q4.8 --output UQ1.11")

tmp="$out.tmp"
printf 'options\timplementation\tICESTORM_LC\tSB_LUT4\tSB_CARRY\tLUT\tCARRY4\n' > "$tmp"
for c in "${configs[@]}"; do
  # shellcheck disable=SC2086
  "$top/hsig" synth $c --implementation all | awk -v c="$c" -F'[ =]+' '
    $1 == "shift-add" || $1 == "table" {
      for (i = 2; i < NF; i += 2) v[$i] = $(i + 1)
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c, $1, v["ICESTORM_LC"], v["SB_LUT4"], v["SB_CARRY"], v["LUT"], v["CARRY4"]
    }' >> "$tmp"
done
mv "$tmp" "$out"
echo "wrote $out: $(($(wc -l < "$out") - 1)) rows"
