#!/usr/bin/env bash
# Starts a management plane and one gateway connected to it, configured with the sample APIs
# (conf/sample-managed.json). Builds the jars first if they are missing. Ctrl-C stops both.
#   MP_PORT (9090), GATEWAY_PORT (8080), ADMIN_PORT (8091, the gateway's /status) and DATA_DIR
#   (./data/quickstart) can be overridden.
set -euo pipefail
cd "$(dirname "$0")/.."
mp_port=${MP_PORT:-9090}
gateway_port=${GATEWAY_PORT:-8080}
data_dir=${DATA_DIR:-./data/quickstart}
mp_jar=management-plane/target/management-plane.jar
gateway_jar=gateway-runner/target/gateway-runner.jar
[[ -f $mp_jar && -f $gateway_jar ]] || mvn -B -q package -DskipTests

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT
trap 'exit 0' INT TERM

java -jar "$mp_jar" --server.http.port="$mp_port" --data.dir="$data_dir" &
pids+=($!)
mp=http://127.0.0.1:$mp_port
for _ in $(seq 1 300); do
  [[ -s $data_dir/admin-token ]] && curl -s -o /dev/null "$mp/admin" && break
  sleep 0.1
done
admin="Authorization: Bearer $(cat "$data_dir/admin-token")"

curl -sf -X PUT -H "$admin" -H 'Content-Type: application/json' --data-binary @conf/sample-managed.json \
  "$mp/admin/config" > /dev/null
token=$(curl -sf -X POST -H "$admin" -H 'Content-Type: application/json' -d '{}' \
  "$mp/admin/gateways/quickstart/tokens" | sed -E 's/.*"value":"([^"]+)".*/\1/')

CONFIG_SERVICE_AUTH=$token java -jar "$gateway_jar" --server.http.port="$gateway_port" \
  --server.admin.port="${ADMIN_PORT:-8091}" --config.backup.path="$data_dir/gateway-backup" \
  --gateway.name=quickstart --config.service.endpoint="$mp" &
pids+=($!)
echo "management plane: $mp (admin token in $data_dir/admin-token); gateway: http://127.0.0.1:$gateway_port," \
  "its status: http://127.0.0.1:${ADMIN_PORT:-8091}/status"
echo "try: curl -i http://127.0.0.1:$gateway_port/hello"
wait
