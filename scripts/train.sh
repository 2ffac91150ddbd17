#!/usr/bin/env bash
# Trains a config in the background-friendly way: resumes from <output>/last.pt when it exists, logs to
# <output>/train.log. Safe to rerun after an interruption (Ctrl-C, a killed session): it continues where it stopped.
#   scripts/train.sh configs/lite.json [output folder] [extra trainer flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
config="${1:?usage: scripts/train.sh CONFIG [OUTPUT] [flags...]}"
output="${2:-runs/$(basename "$config" .json)}"
shift $(( $# >= 2 ? 2 : 1 ))
mkdir -p "$output"
resume=()
[ -f "$output/last.pt" ] && resume=(--resume)
# Run from a published copy, so that rebuilding the repository meanwhile cannot touch the running trainer's files.
trainer="$output/.trainer"
dotnet publish -c Release -o "$trainer" src/DigitOcr.Training.Cli -v quiet -nologo >/dev/null
"$trainer/DigitOcr.Training.Cli" train --config "$config" --output "$output" "${resume[@]}" "$@" 2>&1 | tee -a "$output/train.log"
