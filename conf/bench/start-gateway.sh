#!/usr/bin/env bash
# Starts the runner for ../shared/bench/proxy-bench (-s): one API in front of the bench's
# backend ($BACKEND_URL), with an inbound and an outbound set-header, on port ${GATEWAY_PORT:-18080}.
#   proxy-bench -w 20 -s 'exec conf/bench/start-gateway.sh' gw=http://127.0.0.1:18080/bench
# JAVA_OPTS adds JVM options; GATEWAY_ARGS adds --name=value settings.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../../gateway-runner/target/gateway-runner.jar"
[[ -f $jar ]] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
config=$(mktemp /tmp/breakwater-bench.XXXXXX.json)
cat > "$config" <<JSON
{"revision": 1,
 "apis": [{"id": "bench", "path": "bench", "serviceUrl": "${BACKEND_URL:?}", "subscriptionRequired": false,
           "policy": "<policies><inbound><base/><set-header name=\"X-Bench\"><value>in</value></set-header></inbound><outbound><base/><set-header name=\"X-Served-By\"><value>breakwater</value></set-header></outbound></policies>"}]}
JSON
exec java ${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC} -jar "$jar" --server.http.host=127.0.0.1 \
  --server.http.port="${GATEWAY_PORT:-18080}" --config.local.file="$config" ${GATEWAY_ARGS:-}
