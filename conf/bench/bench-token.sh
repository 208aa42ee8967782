#!/usr/bin/env bash
# Prints the HS256 token the bench's /jwt API accepts (start-gateway.sh): subject "bench", audience
# "bench", expiring in 2100, signed with the bench's fixed test key. For benchmarks only.
set -euo pipefail
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
key_hex=$(printf 'breakwater-bench-signing-key-32b' | od -An -tx1 | tr -d ' \n')
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"bench","aud":"bench","exp":4102444800}' | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
