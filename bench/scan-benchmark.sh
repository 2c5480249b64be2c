#!/usr/bin/env bash
# Benchmarks of the offline scanner (issue 2), on the real data of ../shared/market-data:
#  1. scoring the whole candidate universe for one horizon, in-process (cold and warm);
#  2. a whole offline scan as a process, from start to exit (median of several runs).
# Usage: bench/scan-benchmark.sh [DATA_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${MARKET_DATA_DIR:-../shared/market-data}}
runs=${2:-7}
[ -d "$data" ] || { echo "market data folder $data not found" >&2; exit 2; }
[ -f target/market-opportunities.jar ] && [ -d target/test-classes ] || ./mvnw -q -B package -DskipTests

cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
echo "== 1. scoring the candidate universe in-process"
for horizon in short medium long; do
  java -cp "target/classes:target/test-classes:$cp" com.marketopportunities.benchmark.UniverseScoringBenchmark \
    "$data" "$horizon" 2022-12-05
done

echo "== 2. a whole offline scan as a process (examples/tech-heavy.csv, medium), $runs runs"
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  java -jar target/market-opportunities.jar scan examples/tech-heavy.csv --data "$data" --as-of 2022-12-05 -q >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
echo "process start to exit: median ${median} ms, min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms (target < 3000 ms)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
