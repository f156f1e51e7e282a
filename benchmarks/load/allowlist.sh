#!/usr/bin/env bash
# What the sign-in hardening checks cost a token-authenticated request: benchmarks/load/allowlist.sh
#
# Starts the server on a fresh PostgreSQL database and measures GET /api/v1/me per second with a personal access
# token (wrk -t2 -c16) for three users: no allowlist, 10 rules and 100 rules (the maximum), the address the load
# comes from (127.0.0.1) matching only the last rule, the worst case. The runs alternate (A B C A B C) so that a
# drifting machine shifts all three alike. Prints a table and writes it to benchmarks/results/allowlist-latest.md.
# Load goes to 127.0.0.1 only; every run and wait is bounded.
#
# Needs: wrk, curl, PostgreSQL at 127.0.0.1:5432 as postgres without a password. Settings (environment):
# BENCH_PORT (18182), BENCH_DB (gatehouse_allowlist_bench), BENCH_DURATION (20s), BENCH_WARMUP (20s),
# BENCH_ROUNDS (2), BENCH_JAVA_OPTS (the load run's small-server flags).
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PORT=${BENCH_PORT:-18182}
DB=${BENCH_DB:-gatehouse_allowlist_bench}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-20s}
ROUNDS=${BENCH_ROUNDS:-2}
JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx256m -XX:MaxMetaspaceSize=192m -Xss512k}
ADMIN_PASSWORD='Gatekeeper#2026x'
PASSWORD='Turnstile#7Quartz'
BASE=http://127.0.0.1:$PORT
SERVER_JAR=server/target/gatehouse-server-0.1.0-SNAPSHOT-exec.jar
RESULTS=benchmarks/results/allowlist-latest.md
WORK=$(mktemp -d)
SERVER_PID=

fail() { printf 'allowlist.sh: %s\n' "$*" >&2; exit 1; }
cleanup() {
	if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID"; sleep 2; kill -9 "$SERVER_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || fail "wrk is missing: apt-get install -y wrk"
pg_isready -q -h 127.0.0.1 -p 5432 || fail "PostgreSQL is not up at 127.0.0.1:5432"
curl -fs -o /dev/null "$BASE/actuator/health" && fail "something already listens on port $PORT"
if [[ ! -f $SERVER_JAR ]] || [[ -n $(find server/src server/pom.xml -newer "$SERVER_JAR" -print -quit) ]]; then
	./mvnw -q -DskipTests -pl server package
fi
cp "$SERVER_JAR" "$WORK/server.jar"

psql -h 127.0.0.1 -U postgres -qtA -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql -h 127.0.0.1 -U postgres -qtA -d postgres -c "CREATE DATABASE $DB" >/dev/null
# shellcheck disable=SC2086
(cd "$WORK" && exec env MALLOC_ARENA_MAX=2 GATEHOUSE_PORT="$PORT" GATEHOUSE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
	GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GATEHOUSE_DB_USER=postgres \
	java $JAVA_OPTS -jar server.jar) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 1200); do
	curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"' && break
	kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/server.log" >&2; fail "the server exited"; }
	sleep 0.05
done

# sign in (cookie jar + CSRF header) and make a token; prints the token
token_for() {
	local login=$1 password=$2 jar=$WORK/jar-$1
	curl -fs -c "$jar" -H 'Content-Type: application/json' -d "{\"login\":\"$login\",\"password\":\"$password\"}" \
		"$BASE/api/v1/session" >/dev/null
	curl -fs -b "$jar" -H "X-XSRF-TOKEN: $(awk '/XSRF-TOKEN/{print $7}' "$jar")" -H 'Content-Type: application/json' \
		-d '{"name":"bench"}' "$BASE/api/v1/me/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
ADMIN_TOKEN=$(token_for admin "$ADMIN_PASSWORD")
# rules that do not admit 127.0.0.1, then 127.0.0.1 last: every request compares against all of them
rules_json() {
	local n=$1 out=""
	for ((i = 0; i < n - 1; i++)); do out+="\"198.51.$((i % 250)).0/24\","; done
	echo "[$out\"127.0.0.1\"]"
}
declare -A TOKENS
for users in none:0 ten:10 hundred:100; do
	name=bench.${users%%:*}; count=${users##*:}
	id=$(curl -fs -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
		-d "{\"username\":\"$name\",\"email\":\"$name@example.com\",\"password\":\"$PASSWORD\",\"bindings\":[{\"roleId\":\"00000000-0000-0000-0000-0000000000a4\"}]}" \
		"$BASE/api/v1/users" | sed 's/.*"id":"\([^"]*\)".*/\1/' | cut -c1-36)
	TOKENS[$name]=$(token_for "$name" "$PASSWORD")
	if ((count > 0)); then
		curl -fs -X PUT -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
			-d "{\"rules\":$(rules_json "$count")}" "$BASE/api/v1/users/$id/ip-allowlist" >/dev/null
	fi
	curl -fs -o /dev/null -H "Authorization: Bearer ${TOKENS[$name]}" "$BASE/api/v1/me" \
		|| fail "$name cannot read /api/v1/me"
done

rate() { # token duration -> requests per second; fails on any error
	local out
	out=$(wrk -t2 -c16 -d"$2" -s benchmarks/load/me.lua "$BASE" -- "$1")
	grep -q 'Non-2xx\|Socket errors' <<<"$out" && { echo "$out" >&2; fail "errors during the run"; }
	awk '/Requests\/sec/{printf "%d", $2}' <<<"$out"
}
declare -A SUM
for name in bench.none bench.ten bench.hundred; do rate "${TOKENS[$name]}" "$WARMUP" >/dev/null; SUM[$name]=0; done
for ((r = 1; r <= ROUNDS; r++)); do
	for name in bench.none bench.ten bench.hundred; do
		load=$(cut -d' ' -f1 /proc/loadavg)
		value=$(rate "${TOKENS[$name]}" "$DURATION")
		echo "round $r $name: $value req/s (load average before: $load)" >&2
		SUM[$name]=$(( SUM[$name] + value ))
	done
done

{
	echo "# Token-authenticated GET /api/v1/me with and without an IP allowlist"
	echo
	echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD), $(nproc) cores, PostgreSQL, wrk -t2 -c16 -d$DURATION, mean of $ROUNDS alternating rounds after a $WARMUP warm-up each"
	echo
	echo "| user's allowlist | requests/s |"
	echo "| --- | ---: |"
	echo "| none | $(( SUM[bench.none] / ROUNDS )) |"
	echo "| 10 rules, matching the last | $(( SUM[bench.ten] / ROUNDS )) |"
	echo "| 100 rules, matching the last | $(( SUM[bench.hundred] / ROUNDS )) |"
} | tee "$RESULTS"
