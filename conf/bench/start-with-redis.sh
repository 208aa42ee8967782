#!/usr/bin/env bash
# Starts, for ../shared/bench/proxy-bench (-s), what issue 12's figure compares in one run: the
# gateway of start-gateway.sh counting in its memory (port 18080, and HTTPS on 18443), the same
# gateway counting in a redis-server started here (port 18081, no HTTPS; Redis on
# ${REDIS_PORT:-18379}, no persistence), and Jetty's bare ProxyServlet (port 18090). The /typical API checks a subscription key, counts a
# rate-limit-by-key by subscription and sets a header from an expression:
#   T=$(conf/bench/bench-token.sh)
#   proxy-bench -d 10 -r 3 -c "1 50" -w 20 -P "/small?subscription-key=bench-key-0123456789abcdef&token=$T" \
#     -s 'exec conf/bench/start-with-redis.sh' typical-local=http://127.0.0.1:18080/typical \
#     typical-redis=http://127.0.0.1:18081/typical bare=http://127.0.0.1:18090/bench \
#     gw=http://127.0.0.1:18080/bench gw-https=https://127.0.0.1:18443/bench
# Everything runs in proxy-bench's process group, which it stops at the end: Redis included.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="${GATEWAY_JAR:-$here/../../gateway-runner/target/gateway-runner.jar}"
redis_port=${REDIS_PORT:-18379}
command -v redis-server > /dev/null || { echo "redis-server is not installed" >&2; exit 1; }
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --logfile '' &
quiet="--server.admin.port=-1 --metrics.jmx.enabled=false"
GATEWAY_ARGS="$quiet" bash "$here/start-gateway.sh" &
GATEWAY_PORT=18081 GATEWAY_HTTPS_PORT=off GATEWAY_ARGS="$quiet --gateway.name=bench-redis --counters.store=redis \
--redis.url=redis://127.0.0.1:$redis_port" bash "$here/start-gateway.sh" &
java -Xms512m -Xmx512m -XX:+UseParallelGC -cp "$jar" "$here/BareProxy.java" 18090 "${BACKEND_URL:?}" &
wait
