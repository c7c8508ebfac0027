#!/usr/bin/env bash
# Runs schemathesis (PyPI) against the OpenAPI document of a demo server on loopback: every
# documented operation, generated and stateful cases, and not one server error allowed.
# Usage: bash .ci/schemathesis.sh [MAX_EXAMPLES]     default 30 per operation
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${1:-30}
venv=${SCHEMATHESIS_VENV:-/tmp/cairn-schemathesis}
[ -x "$venv/bin/st" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q schemathesis; }
cargo build -q -p cairn
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
work=$(mktemp -d)
"$target/debug/cairn" --db "$work/demo.db" serve --demo --addr 127.0.0.1:0 2> "$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q "http://" "$work/serve.log" && break; sleep 0.1; done
base=$(grep -o 'http://[^ /]*' "$work/serve.log" | head -n 1)
"$venv/bin/st" run "$base/api/v1/openapi.json" --checks not_a_server_error -n "$examples" \
  --seed 20261124 2>&1 | tail -n 12
