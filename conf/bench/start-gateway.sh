#!/usr/bin/env bash
# Starts the runner for ../shared/bench/proxy-bench (-s), in front of the bench's backend
# ($BACKEND_URL), on port ${GATEWAY_PORT:-18080}, with these APIs:
#   /bench  an inbound and an outbound set-header (the foundation's bench API)
#   /expr   choose on a header, set-variable and a set-header from an expression (issue 9)
#   /callout a send-request to the bench's backend (/small) before forwarding, its status in a header (issue 10)
#   /typical the "typical policy set" (issue 11): a subscription key, rate-limit-by-key by subscription, a set-header
#            from an expression
#   /jwt     validate-jwt of an HS256 token in the query parameter token (conf/bench/bench-token.sh prints it)
#   proxy-bench's wrk sends no headers and its targets take no query, so the key and the token go in the query of
#   every path (-P); the bench subscription opens every API (scope /apis), so each API checks the key:
#   proxy-bench -w 20 -s 'exec conf/bench/start-gateway.sh' gw=http://127.0.0.1:18080/bench \
#     expr=http://127.0.0.1:18080/expr callout=http://127.0.0.1:18080/callout typical=http://127.0.0.1:18080/typical \
#     jwt=http://127.0.0.1:18080/jwt -P "/small?subscription-key=bench-key-0123456789abcdef&token=$(conf/bench/bench-token.sh)"
# HTTPS (issue 13): the same APIs on https://127.0.0.1:${GATEWAY_HTTPS_PORT:-18443} (HTTP/2 by ALPN, HTTP/1.1 for wrk),
# with a throwaway self-signed EC certificate made by openssl at each start (GATEWAY_HTTPS_PORT=off: no HTTPS):
#   proxy-bench -d 10 -r 2 -c "1 50" -P /small -w 20 -s 'exec conf/bench/start-gateway.sh' \
#     gw=http://127.0.0.1:18080/bench gw-tls=https://127.0.0.1:18443/bench
# JAVA_OPTS adds JVM options; GATEWAY_ARGS adds --name=value settings.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="${GATEWAY_JAR:-$here/../../gateway-runner/target/gateway-runner.jar}"
[[ -f $jar ]] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }
config=$(mktemp /tmp/breakwater-bench.XXXXXX.json)
cat > "$config" <<JSON
{"revision": 1,
 "apis": [{"id": "bench", "path": "bench", "serviceUrl": "${BACKEND_URL:?}", "subscriptionRequired": false,
           "policy": "<policies><inbound><base/><set-header name=\"X-Bench\"><value>in</value></set-header></inbound><outbound><base/><set-header name=\"X-Served-By\"><value>breakwater</value></set-header></outbound></policies>"},
          {"id": "expr", "path": "expr", "serviceUrl": "${BACKEND_URL:?}", "subscriptionRequired": false,
           "policy": "<policies><inbound><base/><choose><when condition=\"@(context.Request.Headers.GetValueOrDefault(\"X-Tier\", \"\") == \"gold\")\"><set-variable name=\"tier\" value=\"gold\"/></when><otherwise><set-variable name=\"tier\" value=\"@(context.Request.Method.ToLower())\"/></otherwise></choose><set-header name=\"X-Tier\"><value>@((string)context.Variables[\"tier\"] + \":\" + context.Request.Url.Path)</value></set-header></inbound><outbound><base/><set-header name=\"X-Served-By\"><value>breakwater</value></set-header></outbound></policies>"},
          {"id": "callout", "path": "callout", "serviceUrl": "${BACKEND_URL:?}", "subscriptionRequired": false,
           "policy": "<policies><inbound><base/><send-request mode=\"new\" response-variable-name=\"lookup\" timeout=\"10\"><set-url>${BACKEND_URL:?}/small</set-url></send-request><set-header name=\"X-Lookup\"><value>@(((IResponse)context.Variables[\"lookup\"]).StatusCode.ToString())</value></set-header></inbound></policies>"},
          {"id": "typical", "path": "typical", "serviceUrl": "${BACKEND_URL:?}",
           "policy": "<policies><inbound><base/><rate-limit-by-key calls=\"100000000\" renewal-period=\"300\" counter-key=\"@(context.Subscription.Id)\"/><set-header name=\"X-Caller\"><value>@(context.Subscription.Name + \"/\" + context.Request.IpAddress)</value></set-header></inbound></policies>"},
          {"id": "jwt", "path": "jwt", "serviceUrl": "${BACKEND_URL:?}", "subscriptionRequired": false,
           "policy": "<policies><inbound><base/><validate-jwt query-parameter-name=\"token\"><issuer-signing-keys><key>YnJlYWt3YXRlci1iZW5jaC1zaWduaW5nLWtleS0zMmI=</key></issuer-signing-keys><audiences><audience>bench</audience></audiences></validate-jwt></inbound></policies>"}],
 "subscriptions": [{"id": "bench", "displayName": "Bench", "scope": "/apis", "primaryKey": "bench-key-0123456789abcdef"}]}
JSON
https=()
if [[ ${GATEWAY_HTTPS_PORT:-18443} != off ]]; then
  tls=$(mktemp -d /tmp/breakwater-bench-tls.XXXXXX)
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$tls/key.pem" -out "$tls/cert.pem" 2>/dev/null
  https=(--server.https.port="${GATEWAY_HTTPS_PORT:-18443}" --server.https.certificate="$tls/cert.pem"
         --server.https.key="$tls/key.pem")
fi
exec java ${JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC} -jar "$jar" --server.http.host=127.0.0.1 \
  --server.http.port="${GATEWAY_PORT:-18080}" --config.local.file="$config" "${https[@]}" ${GATEWAY_ARGS:-}
