#!/usr/bin/env bash
# Runs schemathesis (PyPI) against the OpenAPI document of a demo server on loopback, in
# local mode and in team mode with a bearer token: every documented operation, generated and
# stateful cases, and not one server error allowed.
# Usage: bash .ci/schemathesis.sh [MAX_EXAMPLES]     default 30 per operation
set -euo pipefail
cd "$(dirname "$0")/.."
examples=${1:-30}
venv=${SCHEMATHESIS_VENV:-/tmp/cairn-schemathesis}
[ -x "$venv/bin/st" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q schemathesis; }
cargo build -q -p cairn
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
work=$(mktemp -d)
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
servers=()
trap 'kill "${servers[@]}" 2>/dev/null; rm -rf "$work"' EXIT
# Starts `cairn ARGS` in the background and sets `base` to the address it serves at.
serve() {
  local log="$work/serve-${#servers[@]}.log"
  "$target/debug/cairn" "$@" > /dev/null 2> "$log" &
  servers+=($!)
  for _ in $(seq 100); do grep -q " is serving " "$log" && break; sleep 0.1; done
  base=$(grep ' is serving ' "$log" | grep -o 'http://[^ /]*' | head -n 1)
}
echo "==> local mode (the owner, no login)"
serve --db "$work/demo.db" serve --demo --addr 127.0.0.1:0
"$venv/bin/st" run "$base/api/v1/openapi.json" --checks not_a_server_error -n "$examples" \
  --seed 20261124 2>&1 | tail -n 12
echo "==> team mode, with a manager's bearer token"
serve --db "$work/team.db" serve --team --demo --addr 127.0.0.1:0
token=$("$target/debug/cairn" --db "$work/team.db" token create --user marta@acme.example --name schemathesis 2>/dev/null)
# Revoking a token is its owner's right, so a run that revokes its own ends itself early;
# the Rust tests cover revocation.
"$venv/bin/st" run "$base/api/v1/openapi.json" --checks not_a_server_error -n "$examples" \
  --seed 20261124 -H "Authorization: Bearer $token" --exclude-path '/api/v1/tokens/{id}' \
  2>&1 | tail -n 12
