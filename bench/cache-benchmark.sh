#!/usr/bin/env bash
# Benchmark of the score cache (issue 4) on a real Redis started for the run, with the real data of
# ../shared/market-data (examples/tech-heavy.csv, medium, as of 2022-12-05):
#  1. in one JVM: a warm scan in process; a warm scan by a new instance served by Redis alone; the
#     Redis commands (round trips) that scan sends;
#  2. as processes: a cold scan, then scans by new processes served by Redis (REDIS_URL).
# Usage: bench/cache-benchmark.sh [DATA_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${MARKET_DATA_DIR:-../shared/market-data}}
runs=${2:-5}
[ -d "$data" ] || { echo "market data folder $data not found" >&2; exit 2; }
[ -f target/market-opportunities.jar ] && [ -d target/test-classes ] || ./mvnw -q -B package -DskipTests
cp="target/classes:target/test-classes:$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"

echo "== 1. in process"
java -cp "$cp" com.marketopportunities.benchmark.CacheBenchmark "$data"

echo "== 2. as processes (java -jar, REDIS_URL)"
log=$(mktemp)
java -cp "$cp" com.marketopportunities.testredis.RealRedis --ignore-stdin > "$log" 2>&1 &
redis=$!
trap 'kill $redis 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q REDIS_URL "$log" && break; sleep 0.2; done
export REDIS_URL=$(sed -n "s/^REDIS_URL=//p" "$log")
echo "Redis for this run: $REDIS_URL"
scan() {
  local start=$(date +%s%N)
  local stats=$(java -jar target/market-opportunities.jar scan examples/tech-heavy.csv --data "$data" --as-of 2022-12-05 \
                  --format json -q | python3 -c 'import json,sys; s=json.load(sys.stdin)["stats"]; print(s["cache_hits"], s["cache_misses"], s["upstream_calls"])')
  echo "$(( ($(date +%s%N) - start) / 1000000 )) $stats"
}
read -r ms hits misses upstream <<< "$(scan)"
echo "cold process: ${ms} ms (${misses} scores computed, ${upstream} upstream calls)"
times=()
for i in $(seq "$runs"); do
  read -r ms hits misses upstream <<< "$(scan)"
  times+=("$ms")
  echo "new process $i: ${ms} ms, ${hits} score hits, ${misses} misses, ${upstream} upstream calls"
done
echo "new process served by Redis: median $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p") ms (JVM start included)"
