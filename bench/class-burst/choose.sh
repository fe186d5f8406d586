#!/usr/bin/env bash
# How a training worker should spend its processors on a class's Lab runs, measured before choosing its defaults:
# trains the assignment's convolutional VAE (8 epochs of the 8,000 digits) as several runs at once with PyTorch's
# intra-op threads split between them, and at other batch sizes, one line per combination with the wall time, the
# runs per minute and the final test loss (src/test/java/org/latentlab/bench/TrainingThroughput.java, one JVM per
# line, as on a worker). The worker's defaults, latentlab.training.compute-slots and latentlab.ml.intra-op-threads,
# come from these lines; a batch size changes the learning curve, so its test loss must stay within 5 %.
# Usage: bench/class-burst/choose.sh ["threads parallel batch" ...]   (default: the combinations below)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
./mvnw -B -q test-compile >&2
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/choose.classpath >&2
CLASSPATH="target/test-classes:target/classes:$(cat target/choose.classpath)"
COMBINATIONS=("$@")
if [[ ${#COMBINATIONS[@]} -eq 0 ]]; then
  COMBINATIONS=("2 1 64" "1 1 64" "1 2 64" "2 2 64" "1 3 64")
fi
for combination in "${COMBINATIONS[@]}"; do
  read -r threads parallel batch <<< "$combination"
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CLASSPATH" org.latentlab.bench.TrainingThroughput \
    --kind=CONV_VAE --epochs=8 --threads="$threads" --parallel="$parallel" --batch="$batch" 2>&1 \
    | grep -E '^kind=|Exception' || echo "threads=$threads parallel=$parallel batch=$batch failed"
done
