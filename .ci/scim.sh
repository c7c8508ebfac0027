#!/usr/bin/env bash
# Runs the SCIM tester (PyPI scim2-tester, pinned in .ci/scim/requirements.txt) against a
# team server on loopback with an admin's scim token: every check it runs must pass.
# Usage: bash .ci/scim.sh
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${SCIM_VENV:-/tmp/cairn-scim-tester}
if ! "$venv/bin/python" -c 'import scim2_tester' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r .ci/scim/requirements.txt
fi
cargo build -q -p cairn
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
cairn="$target/debug/cairn"
work=$(mktemp -d)
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
printf 'correct horse battery staple\n' | "$cairn" --db "$work/team.db" user add \
  --name 'Directory Admin' --email admin@ci.example --level L3 --role admin 2>/dev/null
token=$("$cairn" --db "$work/team.db" token create --user admin@ci.example --name scim-tester --scope scim 2>/dev/null)
"$cairn" --db "$work/team.db" serve --team --addr 127.0.0.1:0 2> "$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q " is serving " "$work/serve.log" && break; sleep 0.1; done
base=$(grep ' is serving ' "$work/serve.log" | grep -o 'http://[^ /]*' | head -n 1)
# 55 checks with the enterprise extension and the root search; fewer would mean some
# disappeared from discovery.
SCIM_TOKEN="$token" "$venv/bin/python" .ci/scim/run_tester.py --url "$base/scim/v2" --min-passed 55 \
  | tail -n 3
