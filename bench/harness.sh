#!/usr/bin/env bash
# The benchmark harness (BENCHMARKS.md): starts a Yahoo stand-in serving ../shared/market-data with
# latency and 429s, a Redis and instances of the service, all on 127.0.0.1, scans bench/portfolio-29.csv
# cold and warm, load-tests, kills Redis under load, checks two instances on one Redis; prints a table
# and writes target/benchmarks/harness.json. Everything it starts stops by itself.
# Usage: bench/harness.sh [--short | --scale-out] [--latency-ms N] [--rate-429 R] [--runs N] [--clients N] [--seconds T]
#   --short: the CI form (about 1-2 minutes); exits 1 when a regression gate fails.
#   --scale-out: the same scans and loads on memory, one Redis, Sentinel, Cluster and two instances on Cluster,
#     then a Sentinel and a Cluster master killed under load (about 8 minutes; BENCHMARKS.md, "Scale-out").
set -euo pipefail
cd "$(dirname "$0")/.."
data=${MARKET_DATA_DIR:-../shared/market-data}
[ -d "$data" ] || { echo "market data folder $data not found (set MARKET_DATA_DIR)" >&2; exit 2; }
if [ ! -f target/market-opportunities.jar ] || [ ! -f target/test-classes/com/marketopportunities/benchmark/harness/Harness.class ] \
   || [ -n "$(find src pom.xml -newer target/market-opportunities.jar -type f -print -quit)" ]; then
  ./mvnw -q -B -ntp package -DskipTests
fi
cp="target/classes:target/test-classes:$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
mkdir -p target/benchmarks
# Bounded: the harness stops by itself; the timeout is a backstop should a piece hang.
exec timeout --kill-after=30s 20m java -Xmx2g -cp "$cp" com.marketopportunities.benchmark.harness.Harness "$@"
