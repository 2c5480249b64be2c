#!/usr/bin/env bash
# Benchmark of the HTTP service (issue 5): time from 'serve' to a healthy /actuator/health, and the
# latency of warm scans over HTTP (examples/tech-heavy.csv as text/csv, medium, as of 2022-12-05, on
# ../shared/market-data), measured by curl itself (time_total), one request after another. The
# per-caller scan limit is lifted for the run (UPSTREAM_CALLS_PER_MINUTE), the benchmark being one caller.
# Usage: bench/service-benchmark.sh [DATA_DIR] [SCANS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${MARKET_DATA_DIR:-../shared/market-data}}
scans=${2:-100}
port=${PORT:-18090}
[ -d "$data" ] || { echo "market data folder $data not found" >&2; exit 2; }
[ -f target/market-opportunities.jar ] || ./mvnw -q -B package -DskipTests
url="http://127.0.0.1:$port"

start=$(date +%s%N)
UPSTREAM_CALLS_PER_MINUTE=1000000 java -jar target/market-opportunities.jar serve --port "$port" --data "$data" --no-warm-up > /tmp/service-benchmark.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "$url/actuator/health" > /dev/null; do
  kill -0 $server 2>/dev/null || { cat /tmp/service-benchmark.log; exit 1; }
  sleep 0.05
done
echo "service start to healthy: $(( ($(date +%s%N) - start) / 1000000 )) ms (target < 10000 ms)"

scan() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST -H 'Content-Type: text/csv' \
    --data-binary @examples/tech-heavy.csv "$url/api/bourse/opportunities?horizon=medium&as_of=2022-12-05"
}
echo "cold scan over HTTP: $(scan | awk '{printf "%.0f ms (HTTP %s)", $2 * 1000, $1}')"
for _ in $(seq 20); do scan > /dev/null; done
scan_times=$(for _ in $(seq "$scans"); do scan; done)
echo "$scan_times" | awk '$1 != 200 {bad++} END {if (bad) print bad " scans did not answer 200"}'
echo "$scan_times" | awk '{print $2 * 1000}' | sort -n | awk -v n="$scans" '
  {v[NR] = $1} END {printf "warm scan over HTTP: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms over %d scans (target p50 < 30 ms)\n",
    v[int(n * 0.5 + 0.5)], v[int(n * 0.9 + 0.5)], v[int(n * 0.99 + 0.5)], n}'
