#!/usr/bin/env bash
# Starts a management plane and one gateway connected to it. The first run seeds the sample
# APIs (conf/sample-managed.json); later runs keep whatever you changed. Builds the jars first if
# they are missing. Ctrl-C stops both.
#   MP_PORT       the management plane's port               (default 9090)
#   GATEWAY_PORT  the gateway's traffic port                (default 8080)
#   ADMIN_PORT    the gateway's /status, /health, /metrics  (default 8091)
#   DATA_DIR      the management plane's store, the admin token and the gateway's backup
#                 (default ./data/quickstart); remove it to start over with the sample
set -euo pipefail
cd "$(dirname "$0")/.."
mp_port=${MP_PORT:-9090}
gateway_port=${GATEWAY_PORT:-8080}
admin_port=${ADMIN_PORT:-8091}
data_dir=${DATA_DIR:-./data/quickstart}
mp_jar=management-plane/target/management-plane.jar
gateway_jar=gateway-runner/target/gateway-runner.jar

fail() {
  echo "quickstart: $*" >&2
  exit 1
}

# A port that is taken stops everything at once, before anything starts.
check_port() { # variable, port, what needs it
  local variable=$1 port=$2 what=$3
  [[ $port =~ ^[0-9]+$ ]] && ((port >= 1 && port <= 65535)) \
    || fail "$variable=$port is not a port number (1 to 65535)"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is in use, and $what needs it. Stop what listens there, or choose another port:" \
      "$variable=$((port + 100)) conf/quickstart.sh"
  fi
}
check_port MP_PORT "$mp_port" "the management plane"
check_port GATEWAY_PORT "$gateway_port" "the gateway"
check_port ADMIN_PORT "$admin_port" "the gateway's admin listener"
[[ $mp_port != "$gateway_port" && $mp_port != "$admin_port" && $gateway_port != "$admin_port" ]] \
  || fail "MP_PORT, GATEWAY_PORT and ADMIN_PORT must differ ($mp_port, $gateway_port, $admin_port)"
command -v java > /dev/null || fail "java is not on the PATH: install a JDK 17 or later"
command -v curl > /dev/null || fail "curl is not on the PATH: install it"

[[ -f $mp_jar && -f $gateway_jar ]] || mvn -B -q package -DskipTests

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT
trap 'exit 0' INT TERM

# Waits (bounded) until a command succeeds, while the process of the given pid runs.
await() { # pid, seconds, what, command...
  local pid=$1 seconds=$2 what=$3
  shift 3
  for _ in $(seq 1 $((seconds * 5))); do
    "$@" && return 0
    kill -0 "$pid" 2>/dev/null || fail "$what stopped; its messages are above"
    sleep 0.2
  done
  fail "$what did not become ready within $seconds s; its messages are above"
}

java -jar "$mp_jar" --server.http.port="$mp_port" --data.dir="$data_dir" &
pids+=($!)
mp=http://127.0.0.1:$mp_port
await "${pids[0]}" 60 "the management plane" curl -s -o /dev/null "$mp/admin"
if [[ -n ${ADMIN_TOKEN:-} ]]; then
  admin_token=$ADMIN_TOKEN
else
  admin_token=$(cat "$data_dir/admin-token")
fi

# One admin API call: prints the answer, or stops with its status and message.
admin() { # method, path, curl arguments...
  local method=$1 path=$2 answer status
  shift 2
  answer=$(mktemp)
  status=$(curl -sS -o "$answer" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $admin_token" "$@" "$mp$path")
  if [[ $status != 2* ]]; then
    echo "quickstart: $method $path answered $status: $(cat "$answer")" >&2
    rm -f "$answer"
    return 1
  fi
  cat "$answer"
  rm -f "$answer"
}

revision=$(admin GET /admin/config | grep -o '"revision":[0-9]*' | head -1 | cut -d: -f2)
if [[ $revision == 0 ]]; then
  admin PUT /admin/config -H 'Content-Type: application/json' --data-binary @conf/sample-managed.json > /dev/null
  echo "quickstart: first run: the management plane is seeded with conf/sample-managed.json"
else
  echo "quickstart: keeping the configuration in $data_dir (revision $revision); to start over with the sample," \
    "stop and remove $data_dir"
fi
token=$(admin POST /admin/gateways/quickstart/tokens -H 'Content-Type: application/json' -d '{}' \
  | sed -E 's/.*"value":"([^"]+)".*/\1/') \
  || fail "no token for gateway 'quickstart': re-create it (PUT /admin/gateways/quickstart), or start over" \
    "with another DATA_DIR"

CONFIG_SERVICE_AUTH=$token java -jar "$gateway_jar" --server.http.port="$gateway_port" \
  --server.admin.port="$admin_port" --config.backup.path="$data_dir/gateway-backup" \
  --gateway.name=quickstart --config.service.endpoint="$mp" &
pids+=($!)
ready() {
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$gateway_port/status-0123456789abcdef") == 200 ]]
}
await "${pids[1]}" 90 "the gateway" ready

cat << READY
quickstart: ready.
  management plane: $mp (admin token in $data_dir/admin-token)
  gateway:          http://127.0.0.1:$gateway_port, its status: http://127.0.0.1:$admin_port/status
try:
  curl -i http://127.0.0.1:$gateway_port/hello
  curl -s -H "Authorization: Bearer \$(cat $data_dir/admin-token)" $mp/admin/gateways/quickstart/status
Ctrl-C stops both.
READY
wait -n
fail "the management plane or the gateway stopped; its messages are above. Stopping the other"
