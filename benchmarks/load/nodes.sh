#!/usr/bin/env bash
# Throughput of two Gatehouse nodes against one, on one PostgreSQL, with the CPU each process took:
# benchmarks/load/nodes.sh
#
# Starts node 1 (and then node 2) of this tree's exec jar on loopback ports against a fresh PostgreSQL database, and
# measures with wrk, after a warm-up of the same load: token-authenticated GET /api/v1/me (me.lua) and user creation
# without a password (create-users.lua). One node gets all BENCH_CONNECTIONS (16) connections; with two, the client
# alternates: one wrk per node with half of them each, their rates added. For each run it records the CPU seconds
# of each node's JVM and of PostgreSQL's backends for this database (from /proc), so the table gives the CPU per
# operation of every process and shows whether a second node on the same machine only moves the work around.
#
# The figures mean something only on a quiet machine (nothing else running: no build, no tests) with more cores
# than the two nodes and PostgreSQL need; on 2 cores the second node competes with the first and with PostgreSQL,
# and the table says how busy the rest of the machine was. Loopback only, every wait bounded.
#
# Needs: wrk, curl, psql, PostgreSQL at 127.0.0.1:5432 as postgres without a password. Settings (environment):
# BENCH_DB (gatehouse_nodes_bench, dropped and made anew), BENCH_PORTS ("18191 18192"), BENCH_DURATION (20s),
# BENCH_WARMUP (30s), BENCH_CONNECTIONS (16), BENCH_JAVA_OPTS (as run.sh). Results: benchmarks/results/nodes-latest.md.
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
DB=${BENCH_DB:-gatehouse_nodes_bench}
read -ra PORTS <<<"${BENCH_PORTS:-18191 18192}"
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx256m -XX:MaxMetaspaceSize=192m -Xss512k}
ADMIN_PASSWORD='Gatekeeper#2026x'
JAR=server/target/gatehouse-server-0.1.0-SNAPSHOT-exec.jar
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)
RESULTS=benchmarks/results/nodes-latest.md
LOGS=$ROOT/benchmarks/target/nodes
TICK=$(getconf CLK_TCK)
mkdir -p "$LOGS"
WORK=$(mktemp -d)
NODE_PIDS=()

fail() { printf 'nodes.sh: %s\n' "$*" >&2; exit 1; }
command -v wrk >/dev/null || fail "wrk is not installed (Debian package wrk)"
[[ -f $JAR ]] || ./mvnw -B -ntp -q -pl server -DskipTests package
# a neutral name: whatever stops Gatehouse servers by their jar's name on a shared machine leaves these alone
cp "$JAR" "$WORK/node.jar"

cleanup() {
	for pid in "${NODE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	rm -rf "$WORK"
}
trap cleanup EXIT

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

start_node() {
	local port=$1
	GATEHOUSE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB GATEHOUSE_DB_USER=postgres GATEHOUSE_DB_PASSWORD= \
	GATEHOUSE_ADMIN_PASSWORD=$ADMIN_PASSWORD GATEHOUSE_PORT=$port \
		java $JAVA_OPTS -jar "$WORK/node.jar" --server.address=127.0.0.1 >"$LOGS/node-$port.log" 2>&1 &
	NODE_PIDS+=($!)
	local deadline=$((SECONDS + 300))
	until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
		((SECONDS < deadline)) || fail "the node on $port did not become ready"
		sleep 0.5
	done
}

# CPU ticks a process has used (user + system)
ticks() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0; }
# CPU ticks of PostgreSQL's backends serving this database now (pooled connections live through a run)
pg_ticks() {
	local sum=0 pid
	for pid in $("${PSQL[@]}" -d postgres -c "SELECT pid FROM pg_stat_activity WHERE datname = '$DB'"); do
		sum=$(( sum + $(ticks "$pid") ))
	done
	echo "$sum"
}
machine_ticks() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }' /proc/stat; }

rate_of() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1"; }
errors_of() { awk '/Non-2xx or 3xx responses:/ { e += $5 } /Socket errors:/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$1"; }

# args_for PHASE NODE SCRIPT ARGS...: the script's arguments for one wrk. create-users.lua names its users after its
# first argument and its own thread number, which is 1 in every wrk -t1: each wrk gets a run id of its own, or the
# measured run and the second node would ask for usernames already taken and count conflicts as the work done.
args_for() {
	local phase=$1 node=$2 script=$3; shift 3
	if [[ $script == create-users.lua ]]; then
		local id=$1; shift
		printf '%s\n' "${id}${phase}${node}" "$@"
	else
		printf '%s\n' "$@"
	fi
}

# measure LABEL NODES SCRIPT ARGS...: warm-up, then one wrk per node in parallel; prints a table row
measure() {
	local label=$1 nodes=$2 script=$3; shift 3
	local per=$(( CONNECTIONS / nodes )) i args
	for ((i = 0; i < nodes; i++)); do
		mapfile -t args < <(args_for w "$i" "$script" "$@")
		wrk -t1 -c"$per" -d"$WARMUP" -s "benchmarks/load/$script" "http://127.0.0.1:${PORTS[i]}" -- "${args[@]}" \
			>/dev/null &
	done
	wait
	local before=() pg_before busy_before all_before
	for ((i = 0; i < nodes; i++)); do before+=("$(ticks "${NODE_PIDS[i]}")"); done
	pg_before=$(pg_ticks)
	read -r busy_before all_before < <(machine_ticks)
	for ((i = 0; i < nodes; i++)); do
		mapfile -t args < <(args_for m "$i" "$script" "$@")
		wrk -t1 -c"$per" -d"$DURATION" --timeout 10s -s "benchmarks/load/$script" "http://127.0.0.1:${PORTS[i]}" \
			-- "${args[@]}" >"$WORK/wrk-$i.txt" &
	done
	wait
	local busy_after all_after pg_after
	read -r busy_after all_after < <(machine_ticks)
	pg_after=$(pg_ticks)
	local total=0 errors=0 cpu_cells="" node_ticks=0 used
	for ((i = 0; i < nodes; i++)); do
		total=$(( total + $(rate_of "$WORK/wrk-$i.txt") ))
		errors=$(( errors + $(errors_of "$WORK/wrk-$i.txt") ))
		used=$(( $(ticks "${NODE_PIDS[i]}") - before[i] ))
		node_ticks=$(( node_ticks + used ))
		cpu_cells+="$(awk -v t="$used" -v k="$TICK" 'BEGIN { printf "%.1f", t / k }') s, "
	done
	local seconds=${DURATION%s}
	local requests=$(( total * seconds ))
	local pg_used=$(( pg_after - pg_before ))
	awk -v label="$label" -v nodes="$nodes" -v rate="$total" -v errors="$errors" -v cells="${cpu_cells%, }" \
		-v node="$node_ticks" -v pg="$pg_used" -v k="$TICK" -v n="$requests" \
		-v busy="$(( busy_after - busy_before ))" -v all="$(( all_after - all_before ))" 'BEGIN {
		others = busy - node - pg; if (others < 0) others = 0
		printf "| %s | %d | %d | %d | %s | %.1f s | %.2f | %.2f | %d %% |\n", label, nodes, rate, errors, cells, pg / k,
			n ? 1000 * node / k / n : 0, n ? 1000 * pg / k / n : 0, all ? 100 * others / all : 0 }'
}

start_node "${PORTS[0]}"
jar=$WORK/cookies
session=$(curl -fsS -c "$jar" -H 'Content-Type: application/json' \
	-d "{\"login\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "http://127.0.0.1:${PORTS[0]}/api/v1/session")
csrf=$(grep -o '"csrfToken":"[^"]*"' <<<"$session" | cut -d'"' -f4)
TOKEN=$(curl -fsS -b "$jar" -H "X-XSRF-TOKEN: $csrf" -H 'Content-Type: application/json' -d '{"name":"nodes bench"}' \
	"http://127.0.0.1:${PORTS[0]}/api/v1/me/tokens" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
[[ $TOKEN == gh_pat_* ]] || fail "no token issued"
RUN=n$(date +%s)

rows=()
rows+=("$(measure "GET /api/v1/me" 1 me.lua "$TOKEN")")
rows+=("$(measure "POST /api/v1/users" 1 create-users.lua "${RUN}a" "$TOKEN")")
start_node "${PORTS[1]}"
rows+=("$(measure "GET /api/v1/me" 2 me.lua "$TOKEN")")
rows+=("$(measure "POST /api/v1/users" 2 create-users.lua "${RUN}b" "$TOKEN")")

{
	echo "Two nodes against one, $(date -u +%F), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"
	echo "$CONNECTIONS connections in all, $DURATION after a $WARMUP warm-up; PostgreSQL on the same machine."
	echo
	echo "| operation | nodes | requests/s | errors | CPU of each node | CPU of PostgreSQL (this database) | node CPU ms per request | PostgreSQL CPU ms per request | rest of the machine busy |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
	printf '%s\n' "${rows[@]}"
} | tee "$RESULTS"
