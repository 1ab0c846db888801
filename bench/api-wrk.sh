#!/usr/bin/env bash
# Load on the HTTP API from wrk (Debian's `wrk`): POST …/execute and GET /api/agents/task-runner
# against `agentry serve` on a new embedded database, or on AGENTRY_DATABASE_URL when set (an
# empty database). Usage: bench/api-wrk.sh [SECONDS] [CONNECTIONS] [STREAMS]
# The agents are writer_agent, which no node runs: executes queue tasks that stay pending, so the
# load measured is the API's and the enqueue's, not the agents'. docs/benchmarks.md has results.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-16}
streams=${3:-8}
port=${AGENTRY_BENCH_PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
[[ -f target/agentry.jar ]] || ./mvnw -q -B -DskipTests package
data=$(mktemp -d)
server=""
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
agentry() { java -XX:TieredStopAtLevel=1 -jar target/agentry.jar "$@" --data-dir "$data" 2>/dev/null; }

AGENTRY_LOG_LEVEL=${AGENTRY_LOG_LEVEL:-info} java ${AGENTRY_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseParallelGC} \
  -jar target/agentry.jar serve --data-dir "$data" --port "$port" >"$data/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 0.5; done
# The commands below share the embedded server that serve runs.
key=$(agentry keys create --org bench --role admin)
id() { grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4; }
agent=$(curl -sf "localhost:$port/api/agents" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  -d '{"agent_type": "writer_agent", "name": "bench writer"}' | id)
targets=""
for i in $(seq 1 "$streams"); do
  stream=$(curl -sf "localhost:$port/api/streams" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"name\": \"bench $i\", \"goal_criteria\": {\"industry\": [\"SaaS\"]}}" | id)
  targets="$targets $stream:$agent"
done

export AGENTRY_API_KEY=$key AGENTRY_BENCH_TARGETS=$targets
echo "== warm-up (10 s)"
wrk -t2 -c"$connections" -d10s -s bench/execute.lua "http://127.0.0.1:$port" >/dev/null 2>"$data/warmup.err"
echo "== POST /api/streams/{id}/agents/{agentId}/execute: $connections connections, $streams streams, ${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/execute.lua "http://127.0.0.1:$port" 2>"$data/execute.err"
echo "non-201 answers: $(wc -l <"$data/execute.err")"
echo "tasks queued: $(curl -s "localhost:$port/api/agents/task-runner" -H "Authorization: Bearer $key" | grep -o '"total":[0-9]*')"
echo "== GET /api/agents/task-runner: $connections connections, ${seconds}s"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $key" \
  "http://127.0.0.1:$port/api/agents/task-runner"
echo "server RSS: $(ps -o rss= -p "$server") KiB"
