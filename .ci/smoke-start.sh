#!/usr/bin/env bash
# The README's first command on a fresh data dir: starts, loads demo data once, answers ready,
# keeps its data across a restart and exits 0 on SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."

root=$(mktemp -d)
chmod 755 "$root"
export DATA_DIR="$root/data" PORT="${SMOKE_PORT:-3917}" LOG_LEVEL=warn
unset DATABASE_URL
log="$root/start.log"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$root"' EXIT

wait_ready() {
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo 'the service exited' >&2; return 1; }
    sleep 0.5
  done
  cat "$log"; echo 'not ready in 60 s' >&2; return 1
}
# npm itself reports a forwarded SIGTERM as 143; the service must still shut down cleanly,
# which shows as its data-dir lock being released.
stop() {
  kill -TERM "$pid"
  local code=0
  wait "$pid" || code=$?
  [ "$code" -eq 0 ] || [ "$code" -eq "${1:-0}" ] || { cat "$log"; echo "exit code $code after SIGTERM" >&2; return 1; }
  for _ in $(seq 1 50); do [ -e "$DATA_DIR/app.lock" ] || return 0; sleep 0.2; done
  echo 'data dir still locked after shutdown' >&2; return 1
}

npm start >"$log" 2>&1 &
pid=$!
wait_ready
grep -q 'Demo data loaded' "$log"
grep -q "OpenAPI (Swagger UI) http://localhost:$PORT/api/docs" "$log"
curl -fsS "http://127.0.0.1:$PORT/api/docs-json" | grep -q '"openapi"'
# The web app is served at / by the same service.
curl -fsS "http://127.0.0.1:$PORT/" | grep -q '<div id="root">'
# The printed demo credentials work.
read -r _ email password < <(grep -E '^  COORDINATOR ' "$log")
curl -fsS "http://127.0.0.1:$PORT/api/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" | grep -q accessToken
stop 143

node dist/src/main.js >"$log" 2>&1 &
pid=$!
wait_ready
if grep -q 'Demo data loaded' "$log"; then echo 'demo data loaded twice' >&2; exit 1; fi

# A second process on the same data dir is refused with one clear line.
if PORT=$((PORT + 1)) node dist/src/main.js >"$root/second.log" 2>&1; then
  echo 'a second process on the same data dir started' >&2; exit 1
fi
grep -q 'is in use by another process' "$root/second.log"
[ "$(wc -l <"$root/second.log")" -eq 1 ]
stop

# The report command line on the same data: the demo department's annual report as PDF and
# XLSX, and its audit packet, written into REPORTS_DIR.
export REPORTS_DIR="$root/reports"
node dist/src/cli/report.js annual --department DEMO --fy 2025-26 --format pdf,xlsx >"$log" 2>&1 \
  || { cat "$log"; exit 1; }
node dist/src/cli/report.js audit --department DEMO --format pdf >>"$log" 2>&1 || { cat "$log"; exit 1; }
for file in um-annual-report-DEMO-2025-26-draft-department.pdf \
  um-annual-report-DEMO-2025-26-draft-department.xlsx; do
  [ -s "$REPORTS_DIR/$file" ] || { cat "$log"; echo "report CLI did not write $file" >&2; exit 1; }
done
head -c 5 "$REPORTS_DIR/um-annual-report-DEMO-2025-26-draft-department.pdf" | grep -q '%PDF-'
ls "$REPORTS_DIR"/um-audit-packet-DEMO-*-department.pdf >/dev/null
echo 'smoke: ok'
