#!/usr/bin/env bash
# Cold scans through the Yahoo client (issues 3 and 12), in process, against the local Yahoo stand-in
# serving ../shared/market-data with an injected latency on every answer (default 300 ms), optionally
# a share of data requests answered 429 and the first crumb requests answered 429. Each run is a new
# client: new session, empty caches, no Redis. Prints each run's time, the stand-in's requests by
# endpoint, and whether the scores equal the offline scan's of the same data.
# Usage: bench/yahoo-benchmark.sh [LATENCY_MS] [RATE_429] [RUNS] [PORTFOLIO] [CRUMB_429]
#   e.g. bench/yahoo-benchmark.sh 300 0 5 examples/tech-heavy.csv
#        bench/yahoo-benchmark.sh 300 0.15 3 examples/tech-heavy.csv 1
set -euo pipefail
cd "$(dirname "$0")/.."
latency=${1:-300}
rate=${2:-0}
runs=${3:-5}
portfolio=${4:-examples/tech-heavy.csv}
crumb=${5:-0}
data=${MARKET_DATA_DIR:-../shared/market-data}
[ -d "$data" ] || { echo "market data folder $data not found (set MARKET_DATA_DIR)" >&2; exit 2; }
if [ ! -d target/test-classes ] || [ -n "$(find src pom.xml -newer target/test-classes -type f -print -quit)" ]; then
  ./mvnw -q -B -ntp test-compile
fi
cp=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java -cp "target/classes:target/test-classes:$cp" com.marketopportunities.benchmark.YahooColdScanBenchmark \
  --latency-ms "$latency" --rate-429 "$rate" --runs "$runs" --portfolio "$portfolio" --crumb-429 "$crumb" \
  --data "$data" ${TIMELINE:+--timeline yes}
