#!/usr/bin/env bash
# Runs bytez.js@3.0.0 (Bytez's own v2 SDK, unchanged) against the standalone emulator: list, run, stream, media.
#
#   eng/bytezjs/run.sh            install bytez.js into $BYTEZJS_HOME (default: a temp folder outside the repo),
#                                 start the standalone tool, `dotnet run --project src/Bytez.AI.Emulator.Tool -- --port <free> --api v2`,
#                                 run flow.mjs against it, stop the emulator.
#
# Needs node (18+) and npm with access to the npm registry for the first install. Exit status: flow.mjs's.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
home="${BYTEZJS_HOME:-${TMPDIR:-/tmp}/bytezjs-3.0.0}"
api="${BYTEZ_EMULATOR_API:-v2}"

if [ ! -f "$home/node_modules/bytez.js/package.json" ]; then
  mkdir -p "$home"
  (cd "$home" && npm init -y >/dev/null && npm install --no-audit --no-fund bytez.js@3.0.0 >/dev/null)
fi

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
dotnet build "$repo/src/Bytez.AI.Emulator.Tool" -c Release -v quiet >/dev/null
dotnet run --project "$repo/src/Bytez.AI.Emulator.Tool" -c Release --no-build -- --port "$port" --api "$api" &
emulator=$!
trap 'kill "$emulator" 2>/dev/null || true; wait "$emulator" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  if curl -sf "http://127.0.0.1:$port/health" >/dev/null; then break; fi
  sleep 0.2
done

BYTEZJS_DIR="$home/node_modules/bytez.js" BYTEZ_EMULATOR_URL="http://127.0.0.1:$port/" node "$repo/eng/bytezjs/flow.mjs"
