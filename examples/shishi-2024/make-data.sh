#!/usr/bin/env bash
# Generates the example's synthetic registry, inspector directory and
# conflicts (not committed: the registry is large and confidential in real
# life), then the population statistics that the plan names (committed, as a
# bureau's plan repository would). Deterministic: the same settings give the
# same bytes, so stats-2024.yaml is reproduced exactly.
#   examples/shishi-2024/make-data.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build}"
out="$here/data"
mkdir -p "$out"
# The settings: 60,000 market entities, seed 2024; 160 inspectors; 40 conflicts.
"$build/planc-gen" registry --rows 60000 --seed 2024 -o "$out/registry.csv"
"$build/planc-gen" inspectors --seed 2024 -o "$out/inspectors.csv"
"$build/planc-gen" conflicts --seed 2024 --rows 60000 -o "$out/conflicts.csv"
"$build/planc" stats --registry "$out/registry.csv" --plan "$here/plan.plan" \
  -o "$here/stats-2024.yaml"
# The committed sample/: the first 200 rows of the same registry (a row
# depends only on the seed and its index), the whole inspector directory and
# the conflicts, so a reader can see the formats without generating anything.
mkdir -p "$here/sample"
"$build/planc-gen" registry --rows 200 --seed 2024 -o "$here/sample/registry.csv"
cp "$out/inspectors.csv" "$out/conflicts.csv" "$here/sample/"
