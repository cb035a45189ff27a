#!/usr/bin/env bash
# Regenerates tflite-tables.tsv next to this script from the real TFLite 2.6.2: its C library comes from the
# Maven artifact ai.djl.tflite:tflite-native-cpu:2.6.2 (linux-x86_64), fetched into a scratch directory, never a
# build dependency; tflite-runner.c is built against it with gcc, and tflite-tables.py writes the one-op models
# and the table. Needs mvn, gcc, unzip and Debian's python3-flatbuffers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mvn -q dependency:copy -Dartifact=ai.djl.tflite:tflite-native-cpu:2.6.2:jar:linux-x86_64 -DoutputDirectory="$scratch"
unzip -q -o "$scratch"/tflite-native-cpu-2.6.2-linux-x86_64.jar 'native/lib/*' -d "$scratch"
gcc -O1 -o "$scratch/tflite-runner" "$here/tflite-runner.c" -L"$scratch/native/lib" -ltensorflowlite_jni \
  -Wl,-rpath,"$scratch/native/lib"
/usr/bin/python3 "$here/tflite-tables.py" "$scratch/tflite-runner"
