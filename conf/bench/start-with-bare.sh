#!/usr/bin/env bash
# Starts, for ../shared/bench/proxy-bench (-s), the gateway of start-gateway.sh (port 18080: /bench
# and /expr) and the bar it must beat, Jetty's bare ProxyServlet (BareProxy.java, port 18090: /bench):
#   proxy-bench -d 10 -r 3 -c "1 50" -P /small -w 20 -s 'exec conf/bench/start-with-bare.sh' \
#     gw=http://127.0.0.1:18080/bench expr=http://127.0.0.1:18080/expr bare=http://127.0.0.1:18090/bench
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="${GATEWAY_JAR:-$here/../../gateway-runner/target/gateway-runner.jar}"
GATEWAY_ARGS="${GATEWAY_ARGS:---server.admin.port=-1 --metrics.jmx.enabled=false}" bash "$here/start-gateway.sh" &
java -Xms512m -Xmx512m -XX:+UseParallelGC -cp "$jar" "$here/BareProxy.java" 18090 "${BACKEND_URL:?}" &
wait
