#!/usr/bin/env bash
# The benchmark (issue #10): starts the service in its own JVM, drives payments, measures the raw
# PostgreSQL limit and a replay, prints a table and writes bench/results/<date>.json.
#   bench/run.sh [--build] [--quick] [options]      bench/run.sh --help     (see bench/README.md)
# --build rebuilds the service jar first (./mvnw -q install -DskipTests); it is built anyway when missing.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

build=false
custom_jar=false
args=()
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    --jar|--jar=*) custom_jar=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done
if $build || { ! $custom_jar && [ ! -f workbench/target/grow-payments-workbench.jar ]; }; then
  echo "building the service: ./mvnw -q install -DskipTests"
  ./mvnw -q install -DskipTests
fi

# the benchmark is plain JDK code, compiled here so that it stays out of the Maven build and its tests
classes=bench/work/classes
rm -rf "$classes"
mkdir -p "$classes"
javac -d "$classes" $(find bench/src -name '*.java')

exec java -Xmx1g -Dbench.repo="$repo" \
  -cp "$classes" com.grow.payments.bench.Bench ${args[@]+"${args[@]}"}
