#!/usr/bin/env bash
# Runs the three performance reports of docs/PERFORMANCE.md and ends with their three lines:
#   overhead: sdk/raw=<ratio> aksk/raw=<ratio>
#   overhead-micrometer: sdk/raw=<ratio>   (the SDK with the Micrometer adapter, same raw call, same rounds)
#   overhead-otel: sdk/raw=<ratio>         (the SDK with the OpenTelemetry adapter)
#   scale: waits=<n> completed=<n> lost=<n> sdk_threads=<n> peak_heap_mb=<n> polls_per_job=<x> ideal_polls_per_job=<x>
#   footprint: runtime_jars=<n> bytes=<n>
# Works from a fresh clone: it builds what it needs in the reactor (nothing is installed into
# ~/.m2, so a shared local repository is left as it was). Needs a JDK 17+ and Maven 3.8.1+.
# Environment: JAVA (the java to run with, default: java on the PATH), MVN (default: mvn),
# JMH_ARGS / SCALE_ARGS (extra -D options, see OverheadMain and ScaleMain).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
MVN=${MVN:-mvn}
RESULTS=benchmarks/target/results
start=$(date +%s)

echo "== build: openapi, sdk-generated, sdk-extensions, sdk-testkit, benchmarks (tests skipped)"
# build-classpath writes each module's runtime class path (its own jar excluded) to
# <module>/target/runtime-classpath.txt; reactor siblings appear as their target/*.jar.
"$MVN" -B -q -Dmaven.test.skip=true -pl benchmarks -am package dependency:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
CP="benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)"
LOGLEVEL=-Dorg.slf4j.simpleLogger.defaultLogLevel=warn

echo "== 1/3 per-call overhead (JMH: raw OkHttp + Gson, SDK with a token, SDK with AK/SK; then alternating rounds, also with each telemetry adapter)"
# shellcheck disable=SC2086
"$JAVA" $LOGLEVEL ${JMH_ARGS:-} -cp "$CP" io.sfsturbo.jobs.bench.OverheadMain "$RESULTS/overhead.txt"

echo "== 2/3 waiter scale (10 000 async waits against the emulator)"
# shellcheck disable=SC2086
"$JAVA" -Xms32m -Xmx512m $LOGLEVEL ${SCALE_ARGS:-} -cp "$CP" io.sfsturbo.jobs.bench.ScaleMain "$RESULTS/scale.txt"

echo "== 3/3 footprint (runtime class path of io.sfsturbo:sfsturbo-jobs-sdk)"
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
cat "$RESULTS/overhead.txt" "$RESULTS/scale.txt" "$RESULTS/footprint.txt"
