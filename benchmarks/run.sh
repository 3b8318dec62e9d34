#!/usr/bin/env bash
# Runs the performance reports of docs/performance.md and ends with their lines, the required
# ones last and in this order:
#   overhead-micrometer: sdk/raw=<ratio>   (the SDK with the Micrometer adapter, same raw call, same rounds)
#   overhead-otel: sdk/raw=<ratio>         (the SDK with the OpenTelemetry adapter)
#   overhead: sdk/raw=<ratio> aksk/raw=<ratio>
#   cpu: sdk/raw=<ratio> aksk/raw=<ratio>
#   scale: waits=<n> completed=<n> lost=<n> sdk_threads=<n> peak_heap_mb=<n> polls_per_job=<x> ideal_polls_per_job=<x>
#   latency-scale: waits=10000 rtt_ms=50 defaults=true completed=<n> lost=<n> lag_p99_ms=<n> sdk_threads=<n>
#   throttle: waits=10000 limit_rps=<n> requests=<n> throttled_pct=<x> lag_p99_ms=<n> lost=<n>
#   big-scale: waits=100000 completed=<n> lost=<n> sdk_threads=<n> live_heap_mb=<n> bytes_per_wait=<n>
#   cli-start: show_ms=<median> version_ms=<median> raw_java_ms=<median of a minimal Java HTTP call>
#   footprint: runtime_jars=<n> bytes=<n>
# and writes a chart of the scale runs, benchmarks/target/results/scale-runs.svg.
# Works from a fresh clone: it builds what it needs in the reactor (nothing is installed into
# ~/.m2, so a shared local repository is left as it was). Needs a JDK 17+ and Maven 3.8.1+.
# Environment: JAVA (the java to run with, default: java on the PATH), MVN (default: mvn),
# JMH_ARGS / SCALE_ARGS / GATEWAY_ARGS / CLI_ARGS (extra -D options, see OverheadMain, ScaleMain,
# GatewayScaleMain and CliStartMain).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
MVN=${MVN:-mvn}
RESULTS=benchmarks/target/results
start=$(date +%s)

echo "== build: openapi, sdk-extensions, sdk-testkit, micrometer, opentelemetry, cli, benchmarks (tests skipped)"
# build-classpath writes each module's runtime class path (its own jar excluded) to
# <module>/target/runtime-classpath.txt; reactor siblings appear as their target/*.jar.
"$MVN" -B -q -Dmaven.test.skip=true -pl benchmarks,cli -am package dependency:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
CP="benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)"
LOGLEVEL=-Dorg.slf4j.simpleLogger.defaultLogLevel=warn

echo "== 1/7 per-call overhead (JMH: raw OkHttp + Gson, SDK with a token, SDK with AK/SK; then alternating rounds, also with each telemetry adapter)"
# shellcheck disable=SC2086
"$JAVA" $LOGLEVEL ${JMH_ARGS:-} -cp "$CP" io.sfsturbo.jobs.bench.OverheadMain "$RESULTS/overhead.txt"

echo "== 2/7 waiter scale (10 000 async waits against the emulator)"
# shellcheck disable=SC2086
"$JAVA" -Xms32m -Xmx512m $LOGLEVEL ${SCALE_ARGS:-} -cp "$CP" io.sfsturbo.jobs.bench.ScaleMain "$RESULTS/scale.txt"

echo "== 3/7 latency scale (10 000 waits, 50 ms round trip, a client with no tuning)"
# shellcheck disable=SC2086
"$JAVA" -Xms32m -Xmx512m $LOGLEVEL ${GATEWAY_ARGS:-} -cp "$CP" io.sfsturbo.jobs.bench.GatewayScaleMain latency "$RESULTS"

echo "== 4/7 throttling gateway (the same, limited 30 % below the demand just measured)"
# shellcheck disable=SC2086
"$JAVA" -Xms32m -Xmx512m $LOGLEVEL ${GATEWAY_ARGS:-} -cp "$CP" io.sfsturbo.jobs.bench.GatewayScaleMain throttle "$RESULTS"

echo "== 5/7 big scale (100 000 waits pending together: memory and threads)"
# shellcheck disable=SC2086
"$JAVA" -Xms32m -Xmx1g $LOGLEVEL ${GATEWAY_ARGS:-} -cp "$CP" io.sfsturbo.jobs.bench.GatewayScaleMain big "$RESULTS"
"$JAVA" -cp "$CP" io.sfsturbo.jobs.bench.ScaleChart "$RESULTS"

echo "== 6/7 CLI start-up (cold runs of the distribution's launcher against a local emulator, beside a minimal Java HTTP call)"
# The archive as a person unpacks it: bin/sfsturbo-jobs runs lib/sfsturbo-jobs.jar.
DIST=benchmarks/target/cli-dist
rm -rf "$DIST" && mkdir -p "$DIST"
dists=(cli/target/sfsturbo-jobs-*.tar.gz)
tar -xzf "${dists[0]}" -C "$DIST"
launchers=("$DIST"/sfsturbo-jobs-*/bin/sfsturbo-jobs)
# shellcheck disable=SC2086
"$JAVA" $LOGLEVEL ${CLI_ARGS:-} -cp "$CP" io.sfsturbo.jobs.bench.CliStartMain "$RESULTS/cli-start.txt" \
  "${launchers[0]}" benchmarks/target/classes benchmarks/target/cli-start

echo "== 7/7 footprint (runtime class path of io.sfsturbo:sfsturbo-jobs-sdk)"
jars=()
for jar in sdk-extensions/target/sfsturbo-jobs-sdk-*.jar; do
  case "$jar" in *-sources.jar | *-javadoc.jar | *-tests.jar) ;; *) jars+=("$jar") ;; esac
done
IFS=: read -r -a deps < sdk-extensions/target/runtime-classpath.txt || true  # no final newline
jars+=("${deps[@]}")
bytes=0
for jar in "${jars[@]}"; do
  size=$(stat -c %s "$jar")
  bytes=$((bytes + size))
  printf '  %9d  %s\n' "$size" "${jar##*/}"
done
echo "footprint: runtime_jars=${#jars[@]} bytes=$bytes" > "$RESULTS/footprint.txt"

echo "== done in $(($(date +%s) - start)) s on $(nproc) cores; $("$JAVA" -version 2>&1 | head -1)"
cat "$RESULTS/overhead.txt" "$RESULTS/scale.txt" "$RESULTS/latency-scale.txt" "$RESULTS/throttle.txt" \
  "$RESULTS/big-scale.txt" "$RESULTS/cli-start.txt" "$RESULTS/footprint.txt"
