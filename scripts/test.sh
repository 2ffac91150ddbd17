#!/usr/bin/env bash
# Sets up the machine (scripts/setup.sh) and runs the whole test suite. This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet test DigitOcr.sln -c Release --logger "console;verbosity=normal" "$@"
