#!/usr/bin/env bash
# What the buy plan costs in process (issue 13): warm scans of bench/portfolio-29.csv on the CSV folder,
# alternately with and without an amount to invest; the difference of the medians is the plan.
# Usage: bench/plan-benchmark.sh [DATA_DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-${MARKET_DATA_DIR:-../shared/market-data}}
rounds=${2:-200}
[ -d "$data" ] || { echo "market data folder $data not found (set MARKET_DATA_DIR)" >&2; exit 2; }
if [ ! -d target/test-classes ] || [ -n "$(find src pom.xml -newer target/test-classes -type f -print -quit)" ]; then
  ./mvnw -q -B -ntp test-compile
fi
cp=$(./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java -cp "target/classes:target/test-classes:$cp" com.marketopportunities.benchmark.PlanBenchmark "$data" "$rounds"
