#!/usr/bin/env bash
# Warm scans under load (issue 14): one instance of the service on ../shared/market-data (in-process
# cache), the benchmark portfolio (bench/portfolio-29.csv, 29 positions, 5 gaps) POSTed as text/csv by
# `hey` with 8 clients at 2022-12-05, medium horizon. The instance is warmed first with WARM scans
# (default 20,000: the JIT needs about that many before its cost settles), then measured ROUNDS times
# with SCANS scans each. Prints per round: scans/s, p50, p99, the service's CPU per scan (from
# /proc, user + system), and the HTTP statuses. Target: >= 500 scans/s, p99 < 50 ms.
# Usage: bench/warm-load-benchmark.sh [DATA_DIR]   (env: WARM, SCANS, ROUNDS, CLIENTS, PORT)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${MARKET_DATA_DIR:-../shared/market-data}}
warm=${WARM:-20000}
scans=${SCANS:-5000}
rounds=${ROUNDS:-3}
clients=${CLIENTS:-8}
port=${PORT:-18095}
[ -d "$data" ] || { echo "market data folder $data not found" >&2; exit 2; }
command -v hey > /dev/null || { echo "hey not found: apt-get install hey" >&2; exit 2; }
if [ ! -f target/market-opportunities.jar ] || [ -n "$(find src pom.xml -newer target/market-opportunities.jar -type f -print -quit)" ]; then
  ./mvnw -q -B -ntp package -DskipTests
fi
url="http://127.0.0.1:$port/api/bourse/opportunities?as_of=2022-12-05&horizon=medium"

# the per-caller limit on upstream calls is lifted: the load is one caller, and warm scans cost none
UPSTREAM_CALLS_PER_MINUTE=100000000 java -jar target/market-opportunities.jar serve --port "$port" --data "$data" \
  --no-warm-up > /tmp/warm-load-benchmark.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; do
  kill -0 $server 2>/dev/null || { cat /tmp/warm-load-benchmark.log; exit 1; }
  sleep 0.1
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
load() {
  hey -n "$1" -c "$clients" -m POST -T text/csv -D bench/portfolio-29.csv "$url"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "warming with $warm scans (the first is cold: the market data files are read)"
load "$warm" | awk '/Requests\/sec/ {printf "  warm-up: %.0f scans/s\n", $2}'
ticks_per_second=$(getconf CLK_TCK)
for round in $(seq "$rounds"); do
  before=$(cpu_ticks)
  out=$(load "$scans")
  after=$(cpu_ticks)
  echo "$out" | awk -v round="$round" -v n="$scans" -v c="$clients" \
    -v cpu="$(echo "($after - $before) * 1000 / $ticks_per_second / $scans" | bc -l)" '
    /Requests\/sec/ {rate = $2}
    / 50% in/ {p50 = $3 * 1000}
    / 99% in/ {p99 = $3 * 1000}
    /^[ \t]*\[[0-9]+\]/ {statuses = statuses " " $1 " x" $2}
    END {printf "round %d: %d scans, %d clients: %.0f scans/s, p50 %.1f ms, p99 %.1f ms, service CPU %.2f ms/scan, statuses%s\n",
      round, n, c, rate, p50, p99, cpu, statuses}'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "target: >= 500 scans/s and p99 < 50 ms with 8 clients"
