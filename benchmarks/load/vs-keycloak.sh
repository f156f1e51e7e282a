#!/usr/bin/env bash
# Gatehouse beside Keycloak 26, the same load phases in one run: benchmarks/load/vs-keycloak.sh
#
# For each database kind in BENCH_DBS (h2: each server's embedded one; postgresql: a fresh database each), starts
# Gatehouse as the README starts it (bin/gatehouse, the runnable jar with its launcher's defaults) and measures,
# with wrk on the same machine: (create) users created through the admin API, (read) a token-authenticated read of
# the caller's own account, (signin) password sign-ins. Then Keycloak (bin/keycloak-dist, `kc.sh start-dev` on its
# dev-file H2 database or on PostgreSQL, its own JVM defaults) through the same phases: POST
# /admin/realms/bench/users, GET .../userinfo, the password grant. One server runs at a time; every answer is
# checked (status, and a token in a Keycloak sign-in). Each phase reports requests per second, p50 / p90 / p99 and
# the server's CPU time per request (the JVM's user + system time over the measurement; on PostgreSQL the
# database's own CPU is shown apart). Also measured in the same run, with no server up: the two-thread Argon2 hash
# rate of the implementation Gatehouse uses (JMH), the bound for sign-ins, once per database kind right after
# Gatehouse's phases. Prints the tables, with ratios and the targets, and writes them to
# benchmarks/results/vs-keycloak-latest.md. Sends load to 127.0.0.1 only.
#
# Needs: wrk (apt-get install -y wrk), curl, python3, a JDK 21+ for Keycloak (KEYCLOAK_JAVA_HOME, default Temurin
# 25), the built jars (./mvnw -B -ntp -DskipTests package); for postgresql, PostgreSQL at 127.0.0.1:5432 as user
# postgres without a password.
# Settings (environment): BENCH_DBS ("h2 postgresql"), BENCH_PHASES (create,read,signin), BENCH_DURATION (20s),
# BENCH_WARMUP (30s), BENCH_SIGNIN_WARMUP (90s), BENCH_CLIENT_THREADS (1), BENCH_ONLY (gatehouse or keycloak),
# BENCH_PORT (18381), BENCH_KC_PORT (18380),
# BENCH_GATEHOUSE_JAVA (the java that runs Gatehouse; default Keycloak's, so that both run on the same JVM), GATEHOUSE_JAVA_OPTS (passed to
# bin/gatehouse: replaces its defaults), BENCH_KC_HEAP (Keycloak's JAVA_OPTS_KC_HEAP; default kc.sh's own),
# BENCH_RESULTS. Logs stay in benchmarks/target/vs-keycloak/.
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

DBS=${BENCH_DBS:-h2 postgresql}
PHASES=${BENCH_PHASES:-create,read,signin}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-30s}
# Sign-ins come 50 times slower than reads, so their own code paths reach the JIT's thresholds late: after 30 s of
# sign-ins the C2 compiler still took 6-8 % of the CPU (perf; jstat: ~100 methods compiled per 10 s), after three
# minutes 1.5 %. The longer warm-up measures both servers' steady state, not their compilers.
SIGNIN_WARMUP=${BENCH_SIGNIN_WARMUP:-90s}
# One load thread by default: the client shares the two cores with the server, and a second busy wrk thread adds
# the scheduler's time slice (~10 ms here) to a share of the answers of either server: the tail it would measure is
# the client's, not the server's (GET /api/v1/me: p90 10.5 ms, p99 21 ms with -t2; 3.0 and 5.7 ms with -t1).
CLIENT_THREADS=${BENCH_CLIENT_THREADS:-1}
ONLY=${BENCH_ONLY:-}
PORT=${BENCH_PORT:-18381}
KC_PORT=${BENCH_KC_PORT:-18380}
KC_JAVA_HOME=${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# the same JVM for both servers by default (Keycloak needs 21+)
GATEHOUSE_JAVA=${BENCH_GATEHOUSE_JAVA:-$KC_JAVA_HOME/bin/java}
RESULTS=${BENCH_RESULTS:-benchmarks/results/vs-keycloak-latest.md}
SERVER_JAR=server/target/gatehouse-server-0.1.0-SNAPSHOT-exec.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
ADMIN_PASSWORD='Gatekeeper#2026x'
KC_ADMIN_PASSWORD='Keykeeper#2026x'
SIGNIN_PASSWORD='Turnstile#7Quartz'
SIGNIN_USERS=16
WORK=$(mktemp -d)
LOGS=$ROOT/benchmarks/target/vs-keycloak
mkdir -p "$LOGS"
PIDS=()
CLK_TCK=$(getconf CLK_TCK)

# shellcheck source=benchmarks/load/servers.sh
source "$ROOT/benchmarks/load/servers.sh"
want() { [[ ",$PHASES," == *",$1,"* ]]; }

[[ -f $SERVER_JAR && -f $BENCH_JAR ]] || fail "build first: ./mvnw -B -ntp -DskipTests package"
[[ $ONLY == "" || $ONLY == gatehouse || $ONLY == keycloak ]] || fail "BENCH_ONLY is gatehouse or keycloak"
for p in "$PORT" "$KC_PORT"; do
	if curl -s -o /dev/null "http://127.0.0.1:$p/"; then fail "something already listens on port $p; set BENCH_PORT / BENCH_KC_PORT"; fi
done

psql_admin() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA -d postgres "$@"; }
fresh_database() { psql_admin -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }

# The java process under a launcher's process (or the process itself).
java_of() { pgrep -P "$1" java || echo "$1"; }
# CPU ticks (user + system) a process has used so far.
ticks_of() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
postgres_ticks() {
	local sum=0 p
	for p in $(pgrep -x postgres || true); do
		[[ -r /proc/$p/stat ]] && sum=$(( sum + $(ticks_of "$p" 2>/dev/null || echo 0) ))
	done
	echo "$sum"
}

# Warms up, then measures one phase. $1: label, $2: server's java pid, $3: connections, $4: base URL, then the
# arguments of phase.lua. Prints "requests/s p50 p90 p99 cpu_ms_per_request db_cpu_ms_per_request" (ms). Refuses a run
# with an unexpected answer or a socket error.
measure() {
	local label=$1 pid=$2 connections=$3 base=$4; shift 4
	local warmup=$WARMUP
	[[ $1 == signin ]] && warmup=$SIGNIN_WARMUP
	wrk --timeout 10s -t"$CLIENT_THREADS" -c"$connections" -d"$warmup" -s benchmarks/load/phase.lua "$base" -- "$@" >/dev/null
	local out t0 t1 d0 d1
	t0=$(ticks_of "$pid"); d0=$(postgres_ticks)
	out=$(wrk --timeout 10s -t"$CLIENT_THREADS" -c"$connections" -d"$DURATION" -s benchmarks/load/phase.lua "$base" -- "$@")
	t1=$(ticks_of "$pid"); d1=$(postgres_ticks)
	echo "$out" >&2
	echo "$label: load average $(cut -d' ' -f1-3 /proc/loadavg) after" >>"$WORK/load"
	local rate requests bad sockets
	rate=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
	requests=$(grep -o 'requests=[0-9]*' <<<"$out" | cut -d= -f2)
	bad=$(grep -o 'unexpected_answers=[0-9]*' <<<"$out" | cut -d= -f2)
	sockets=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' <<<"$out")
	[[ $(( ${bad:-0} + ${sockets:-0} )) -eq 0 ]] || fail "$label: $bad unexpected answers, ${sockets:-0} socket errors"
	local p50 p90 p99
	p50=$(grep -o 'p50_ms=[0-9.]*' <<<"$out" | cut -d= -f2)
	p90=$(grep -o 'p90_ms=[0-9.]*' <<<"$out" | cut -d= -f2)
	p99=$(grep -o 'p99_ms=[0-9.]*' <<<"$out" | cut -d= -f2)
	awk -v r="$rate" -v n="$requests" -v c=$(( t1 - t0 )) -v d=$(( d1 - d0 )) -v hz="$CLK_TCK" -v db="$DB_KIND" \
		-v p50="$p50" -v p90="$p90" -v p99="$p99" \
		'BEGIN { printf "%s %s %s %s %.2f %s\n", r, p50, p90, p99, 1000 * c / hz / n, db == "h2" ? "-" : sprintf("%.2f", 1000 * d / hz / n) }'
}

rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

# --- Gatehouse ---------------------------------------------------------------------------------------------------
run_gatehouse() {
	local env=(GATEHOUSE_PORT="$PORT" GATEHOUSE_ADMIN_USERNAME=admin GATEHOUSE_ADMIN_PASSWORD="$ADMIN_PASSWORD")
	if [[ $DB_KIND == postgresql ]]; then
		fresh_database gatehouse_bench_vs
		env+=(GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:5432/gatehouse_bench_vs" GATEHOUSE_DB_USER=postgres)
	fi
	log "Gatehouse on $DB_KIND: starting (bin/gatehouse${GATEHOUSE_JAVA_OPTS:+, GATEHOUSE_JAVA_OPTS=$GATEHOUSE_JAVA_OPTS})"
	local dir=$WORK/gatehouse-$DB_KIND logfile=$LOGS/gatehouse-$DB_KIND-$(date +%Y%m%d-%H%M%S).log
	mkdir -p "$dir"
	# setsid: its own process group, stopped as one; the launcher runs from the run's directory (./data is there)
	(cd "$dir" && exec setsid env "${env[@]}" GATEHOUSE_JAR="$ROOT/$SERVER_JAR" JAVA="$GATEHOUSE_JAVA" \
		"$ROOT/bin/gatehouse") >"$logfile" 2>&1 &
	local launcher=$!
	PIDS+=("$launcher")
	wait_up "http://127.0.0.1:$PORT/actuator/health/readiness" 180 "$launcher" "$logfile"
	local pid base=http://127.0.0.1:$PORT
	pid=$(java_of "$launcher")
	IMPLEMENTATION=$(grep -o 'Hashing passwords with [a-z]*' "$logfile" | awk '{ print $4 }')
	GATEHOUSE_COMMAND=$(tr '\0' ' ' <"/proc/$pid/cmdline" | sed "s|$ROOT/||g; s|$WORK/||g")
	local cookies=$WORK/cookies session csrf token
	session=$(curl -fsS -c "$cookies" -H 'Content-Type: application/json' \
		-d "{\"login\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$base/api/v1/session")
	csrf=$(json "['csrfToken']" <<<"$session")
	token=$(curl -fsS -b "$cookies" -H "X-XSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
		-d '{"name":"bench"}' "$base/api/v1/me/tokens" | json "['token']")
	for n in $(seq 1 "$SIGNIN_USERS"); do
		curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
			-d "{\"email\":\"signin$n@bench.example\",\"username\":\"bench.signin$n\",\"password\":\"$SIGNIN_PASSWORD\",\"bindings\":[{\"roleId\":\"00000000-0000-0000-0000-0000000000a4\"}]}" \
			"$base/api/v1/users"
	done
	local run_id
	run_id=$(date +%s)
	if want create; then
		log "Gatehouse on $DB_KIND: users created"
		G[create]=$(measure "Gatehouse $DB_KIND create" "$pid" 16 "$base" create gatehouse /api/v1/users "$token" "${run_id}g")
	fi
	if want read; then
		log "Gatehouse on $DB_KIND: GET /api/v1/me with a token"
		G[read]=$(measure "Gatehouse $DB_KIND read" "$pid" 16 "$base" read /api/v1/me "$token")
	fi
	if want signin; then
		log "Gatehouse on $DB_KIND: password sign-ins"
		G[signin]=$(measure "Gatehouse $DB_KIND sign-in" "$pid" 4 "$base" signin gatehouse /api/v1/session bench.signin "$SIGNIN_PASSWORD" "$SIGNIN_USERS")
	fi
	G[rss]=$(rss_mb "$pid")
	stop "$launcher"
}

# --- Keycloak ----------------------------------------------------------------------------------------------------
run_keycloak() {
	[[ -x $KC_JAVA_HOME/bin/java ]] || fail "Keycloak needs Java 21+: set KEYCLOAK_JAVA_HOME"
	KC=$(bin/keycloak-dist)
	local home=$WORK/keycloak-$DB_KIND db_args=()
	# a copy of the distribution: its dev-file database and build state stay in this run's directory
	cp -r "$KC" "$home"
	if [[ $DB_KIND == postgresql ]]; then
		fresh_database keycloak_bench_vs
		db_args=(--db=postgres --db-url=jdbc:postgresql://127.0.0.1:5432/keycloak_bench_vs --db-username=postgres --db-password=unused)
	fi
	log "Keycloak $(basename "$KC") on $DB_KIND: starting (start-dev${BENCH_KC_HEAP:+, JAVA_OPTS_KC_HEAP=$BENCH_KC_HEAP})"
	local logfile=$LOGS/keycloak-$DB_KIND-$(date +%Y%m%d-%H%M%S).log heap_env=()
	[[ -n ${BENCH_KC_HEAP:-} ]] && heap_env=(JAVA_OPTS_KC_HEAP="$BENCH_KC_HEAP")
	(exec setsid env JAVA_HOME="$KC_JAVA_HOME" "${heap_env[@]}" \
		KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
		"$home/bin/kc.sh" start-dev --http-port="$KC_PORT" --http-management-port=$(( KC_PORT + 1 )) --health-enabled=true "${db_args[@]}") \
		>"$logfile" 2>&1 &
	local launcher=$!
	PIDS+=("$launcher")
	wait_up "http://127.0.0.1:$(( KC_PORT + 1 ))/health/ready" 240 "$launcher" "$logfile"
	local pid base=http://127.0.0.1:$KC_PORT admin
	pid=$(java_of "$launcher")
	KEYCLOAK_COMMAND="\`kc.sh start-dev\` (its dev-file H2 database; with --db=postgres for PostgreSQL), JVM: $(tr '\0' '\n' <"/proc/$pid/cmdline" | grep -E '^-X(mx|ms)|^-XX:(\+Use.*GC|MaxRAMPercentage|InitialRAMPercentage)' | paste -sd' ')"
	admin_token() {
		curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin \
			--data-urlencode "password=$KC_ADMIN_PASSWORD" "$base/realms/master/protocol/openid-connect/token" \
			| json "['access_token']"
	}
	admin=$(admin_token)
	kc_api() { curl -fsS -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$@"; }
	# the admin token must outlive the warm-up and the measurement (the default is one minute)
	kc_api -X PUT -d '{"accessTokenLifespan":3600}' "$base/admin/realms/master"
	admin=$(admin_token)
	kc_api -d '{"realm":"bench","enabled":true,"accessTokenLifespan":3600}' "$base/admin/realms"
	kc_api -d '{"clientId":"bench-cli","enabled":true,"publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false}' \
		"$base/admin/realms/bench/clients"
	for n in $(seq 1 "$SIGNIN_USERS"); do
		kc_api -d "{\"username\":\"bench.signin$n\",\"email\":\"signin$n@bench.example\",\"emailVerified\":true,\"firstName\":\"Bench\",\"lastName\":\"Signin\",\"enabled\":true,
			\"credentials\":[{\"type\":\"password\",\"value\":\"$SIGNIN_PASSWORD\",\"temporary\":false}]}" "$base/admin/realms/bench/users"
	done
	local user_token
	user_token=$(curl -fsS -d grant_type=password -d client_id=bench-cli -d scope=openid -d username=bench.signin1 \
		--data-urlencode "password=$SIGNIN_PASSWORD" "$base/realms/bench/protocol/openid-connect/token" | json "['access_token']")
	local run_id
	run_id=$(date +%s)
	if want create; then
		log "Keycloak on $DB_KIND: users created"
		K[create]=$(measure "Keycloak $DB_KIND create" "$pid" 16 "$base" create keycloak /admin/realms/bench/users "$admin" "${run_id}k")
	fi
	if want read; then
		log "Keycloak on $DB_KIND: GET userinfo with a token"
		K[read]=$(measure "Keycloak $DB_KIND read" "$pid" 16 "$base" read /realms/bench/protocol/openid-connect/userinfo "$user_token")
	fi
	if want signin; then
		log "Keycloak on $DB_KIND: password sign-ins (password grant)"
		K[signin]=$(measure "Keycloak $DB_KIND sign-in" "$pid" 4 "$base" signin keycloak /realms/bench/protocol/openid-connect/token bench.signin "$SIGNIN_PASSWORD" "$SIGNIN_USERS" bench-cli)
	fi
	K[rss]=$(rss_mb "$pid")
	stop "$launcher"
}

# --- the hash bound ------------------------------------------------------------------------------------------------
# What both cores hash together with nothing else running: the most sign-ins per second the machine can verify.
hash_rate() {
	log "Argon2 hash rate ($1), $(nproc) threads"
	java -jar "$BENCH_JAR" Argon2Benchmark -p implementation="$1" -t "$(nproc)" -f 1 -wi 2 -w 3s -i 3 -r 4s \
		-rf csv -rff "$WORK/jmh.csv" >&2
	awk -F, 'NR == 2 { printf "%.1f", $5 }' "$WORK/jmh.csv"
}

# --- results -------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f×", a / b }'; }
field() { local v; v=$(awk -v i="$2" '{ print $i }' <<<"$1"); echo "${v:--}"; }
yes_no() { [[ $1 == - ]] && echo - || awk "BEGIN { print ($1) ? \"met\" : \"missed\" }"; }

table() {
	local db=$1
	echo
	echo "### $db"
	echo
	echo "| phase | Gatehouse req/s | Keycloak req/s | ratio | Gatehouse p50 / p90 / p99 ms | Keycloak p50 / p90 / p99 ms | Gatehouse p99 ÷ p50 | CPU ms per request, Gatehouse / Keycloak | database CPU ms per request, Gatehouse / Keycloak |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	local p name g k
	for p in create read signin; do
		want "$p" || continue
		case $p in
			create) name="users created, admin API (-c16)" ;;
			read) name="token-authenticated read (-c16): /api/v1/me, userinfo" ;;
			signin) name="password sign-ins (-c4): /api/v1/session, password grant" ;;
		esac
		g=${G[$p]:-}; k=${K[$p]:-}
		echo "| $name | $(field "$g" 1) | $(field "$k" 1) | $(ratio "$(field "$g" 1)" "$(field "$k" 1)") | $(field "$g" 2) / $(field "$g" 3) / $(field "$g" 4) | $(field "$k" 2) / $(field "$k" 3) / $(field "$k" 4) | $(ratio "$(field "$g" 4)" "$(field "$g" 2)") | $(field "$g" 5) / $(field "$k" 5) | $(field "$g" 6) / $(field "$k" 6) |"
	done
	echo "| resident memory after the phases (MB) | ${G[rss]:--} | ${K[rss]:--} | | | | | | |"
	echo
	local targets=()
	for p in create read signin; do
		want "$p" || continue
		g=${G[$p]:-}; k=${K[$p]:-}
		[[ -n $g ]] && targets+=("$p: Gatehouse p99 ≤ 5 × p50: $(yes_no "$(field "$g" 4) <= 5 * $(field "$g" 2)")")
		[[ -n $g && -n $k ]] && targets+=("$p: Gatehouse p99 below Keycloak's: $(yes_no "$(field "$g" 4) < $(field "$k" 4)")")
	done
	if [[ -n ${G[create]:-} && -n ${K[create]:-} ]]; then
		targets+=("users created ≥ 5 × Keycloak's: $(yes_no "$(field "${G[create]}" 1) >= 5 * $(field "${K[create]}" 1)")")
	fi
	if [[ -n ${G[read]:-} ]]; then
		[[ -n ${K[read]:-} ]] && targets+=("token reads ≥ 5 × Keycloak's: $(yes_no "$(field "${G[read]}" 1) >= 5 * $(field "${K[read]}" 1)")")
		targets+=("token reads p99 < 10 ms: $(yes_no "$(field "${G[read]}" 4) < 10")")
	fi
	local hashes=${HASH_RATE[$db]:-}
	if [[ -n ${G[signin]:-} && -n $hashes ]]; then
		targets+=("sign-ins ≥ 95 % of the $(nproc)-thread hash rate ($hashes/s): $(awk -v s="$(field "${G[signin]}" 1)" -v h="$hashes" 'BEGIN { printf "%.0f %%", 100 * s / h }'), $(yes_no "$(field "${G[signin]}" 1) >= 0.95 * $hashes")")
	fi
	printf -- '- %s\n' "${targets[@]}"
}

declare -A G K HASH_RATE
OUT=$WORK/tables.md
: >"$OUT"
GATEHOUSE_COMMAND=-
KEYCLOAK_COMMAND=-
KC=-
IMPLEMENTATION=
for DB_KIND in $DBS; do
	[[ $DB_KIND == h2 || $DB_KIND == postgresql ]] || fail "BENCH_DBS holds h2 and/or postgresql"
	G=(); K=()
	[[ $ONLY != keycloak ]] && run_gatehouse
	# the bound beside the sign-ins it bounds: this machine's hash rate drifted from 56 to 93 per second within an
	# hour, so one figure for the whole run can be far from the one the sign-ins met
	if want signin && [[ -n $IMPLEMENTATION ]]; then HASH_RATE[$DB_KIND]=$(hash_rate "$IMPLEMENTATION"); fi
	[[ $ONLY != gatehouse ]] && run_keycloak
	table "$DB_KIND" >>"$OUT"
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
mkdir -p "$(dirname "$RESULTS")"
cat >"$RESULTS" <<EOF
# Gatehouse beside Keycloak, $(date -u +%F)

Machine: $(nproc) cores ($cpu), $mem GiB; $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2) on the same machine, \`-t$CLIENT_THREADS\`, $DURATION
measured after a $WARMUP warm-up in each phase ($SIGNIN_WARMUP for sign-ins), one server running at a time; PostgreSQL $(psql_admin -c 'SHOW server_version' 2>/dev/null || echo -).
Gatehouse: ${BENCH_SERVER_LABEL:-commit $(git rev-parse --short HEAD)}, started by \`bin/gatehouse\`: \`$GATEHOUSE_COMMAND\`
($("$GATEHOUSE_JAVA" -version 2>&1 | head -1)).
Keycloak: $(basename "$KC"), $KEYCLOAK_COMMAND ($("$KC_JAVA_HOME/bin/java" -version 2>&1 | head -1)).
A created user: username, email, first and last name; Gatehouse's also gets a role binding and an invitation mail
in its outbox. Sign-ins: Gatehouse verifies Argon2id ($IMPLEMENTATION, m=7 MiB, t=5) and opens a session; Keycloak
verifies its default PBKDF2 and issues tokens. Argon2 hashes per second on $(nproc) threads, JMH, no server up,
measured right after Gatehouse's phases on each database: $(for d in $DBS; do printf '%s %s; ' "$d" "${HASH_RATE[$d]:--}"; done | sed 's/; $//').
$(cat "$OUT")

Load average (1, 5, 15 min) after each measurement:
$(sed 's/^/- /' "$WORK/load")
EOF
log "results (also in $RESULTS)"
cat "$RESULTS"
