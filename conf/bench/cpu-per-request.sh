#!/usr/bin/env bash
# CPU time per request of the gateway's bench APIs and of the bare ProxyServlet, the figure that
# req/s ratios on a shared machine blur: starts start-with-bare.sh in front of $BACKEND_URL (a server
# answering GET /small, e.g. nginx), warms every target, then alternates wrk -c50 runs of 8 s and
# reads each JVM's user+system ticks from /proc before and after.
#   BACKEND_URL=http://127.0.0.1:18070 conf/bench/cpu-per-request.sh [rounds]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${1:-4}
: "${BACKEND_URL:?a backend answering GET /small}"
query="?subscription-key=bench-key-0123456789abcdef"
bash "$here/start-with-bare.sh" > /tmp/cpu-per-request.log 2>&1 &
starter=$!
gateway="" bare=""
trap 'kill $gateway $bare $starter 2>/dev/null' EXIT
for port in 18080 18090; do
  for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.5; done
done
pid_on() { ss -Hltnp "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
gateway=$(pid_on 18080); bare=$(pid_on 18090)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
tick_us=$((1000000 / $(getconf CLK_TCK)))
measure() { # name pid url
  local before after requests
  before=$(ticks "$2")
  requests=$(wrk -t1 -c50 -d8 "$3" | awk '/requests in/ {print $1}')
  after=$(ticks "$2")
  echo "$1 requests=$requests cpu_us_per_request=$(( (after - before) * tick_us / requests ))"
}
targets=("typical $gateway http://127.0.0.1:18080/typical/small$query"
         "gw $gateway http://127.0.0.1:18080/bench/small$query"
         "bare $bare http://127.0.0.1:18090/bench/small$query")
for target in "${targets[@]}"; do read -r _ _ url <<< "$target"; wrk -t1 -c50 -d15 "$url" > /dev/null; done
for _ in $(seq 1 "$rounds"); do
  for target in "${targets[@]}"; do read -r name pid url <<< "$target"; measure "$name" "$pid" "$url"; done
done
