#!/usr/bin/env bash
# Benchmark of the Yahoo source (issue 3): a cold scan of examples/tech-heavy.csv through the Yahoo
# client, against the local Yahoo stand-in serving ../shared/market-data with injected latency
# (default 300 ms a response) and an optional share of 429s. Each run is a new process, so every
# scan is cold. Prints the wall time of each run, the scan's upstream calls and the stand-in's count.
# Usage: bench/yahoo-benchmark.sh [LATENCY_MS] [RATE_429] [RUNS] [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
latency=${1:-300}
rate=${2:-0}
runs=${3:-5}
data=${4:-${MARKET_DATA_DIR:-../shared/market-data}}
[ -d "$data" ] || { echo "market data folder $data not found" >&2; exit 2; }
[ -f target/market-opportunities.jar ] && [ -d target/test-classes ] || ./mvnw -q -B package -DskipTests
cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)

log=$(mktemp)
java -cp "target/classes:target/test-classes:$cp" com.marketopportunities.marketdata.yahoo.standin.YahooStandIn \
  --data "$data" --latency-ms "$latency" --rate-429 "$rate" > "$log" 2>&1 &
standin=$!
trap 'kill $standin 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q YAHOO_STANDIN_URL "$log" && break; sleep 0.2; done
url=$(sed -n 's/^YAHOO_STANDIN_URL=//p' "$log")
echo "stand-in at $url: latency ${latency} ms, 429 rate ${rate}"

times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  calls=$(java -jar target/market-opportunities.jar scan examples/tech-heavy.csv --yahoo-url "$url" ${BENCH_CONFIG:+--config "$BENCH_CONFIG"} \
            --as-of 2022-12-05 --format json -q | python3 -c 'import json,sys; print(json.load(sys.stdin)["stats"]["upstream_calls"])')
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: cold scan ${ms} ms, ${calls} upstream calls"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "cold scan through Yahoo: median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms over $runs runs (target < 6000 ms)"
echo "sequential equivalent: $(( calls * latency )) ms ($calls calls x $latency ms)"
