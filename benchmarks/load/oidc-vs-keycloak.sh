#!/usr/bin/env bash
# Gatehouse as an OpenID Provider beside Keycloak 26 on the same machine: benchmarks/load/oidc-vs-keycloak.sh
#
# Starts Gatehouse (the built jar, plain `java -jar` as a newcomer would, H2 by default) and registers a confidential
# application with client_credentials through /api/v1/applications; starts Keycloak (bin/keycloak-dist, start-dev
# with its dev-file database) and creates a realm with a confidential client whose service account is enabled. Then
# the same wrk load against each, one server running at a time: (a) client-credentials token requests, (b)
# introspection of a valid access token, both POSTed with client_secret_basic, each for BENCH_DURATION after a
# BENCH_WARMUP warm-up. Every answer is checked (a token in it, "active":true), not only its status. Prints both side
# by side with the ratios and writes the table to benchmarks/results/oidc-vs-keycloak-latest.md. Sends load to
# 127.0.0.1 only; every wait and run is bounded.
#
# Needs: wrk (apt-get install -y wrk), curl, python3, a JDK 21+ for Keycloak (KEYCLOAK_JAVA_HOME, default Temurin 25);
# with BENCH_DB_KIND=postgresql, PostgreSQL at 127.0.0.1:5432 as user postgres without a password.
# Settings (environment): BENCH_PORT (Gatehouse, default 18281), BENCH_KC_PORT (default 18280), BENCH_DURATION
# (20s), BENCH_WARMUP (15s), BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_DB_KIND (h2 or postgresql), BENCH_DB
# (the PostgreSQL database, dropped and made afresh), BENCH_HEAP (-Xmx512m, both servers), BENCH_SERVER_JAR,
# BENCH_ONLY (gatehouse or keycloak: measure one side; the other column shows "-"), BENCH_RESULTS (the results file).
# The servers' logs stay in benchmarks/target/oidc-vs-keycloak/.
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

PORT=${BENCH_PORT:-18281}
KC_PORT=${BENCH_KC_PORT:-18280}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
DB_KIND=${BENCH_DB_KIND:-h2}
DB=${BENCH_DB:-gatehouse_bench_oidc}
HEAP=${BENCH_HEAP:--Xmx512m}
ONLY=${BENCH_ONLY:-}
KC_JAVA_HOME=${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
SERVER_JAR=${BENCH_SERVER_JAR:-server/target/gatehouse-server-0.1.0-SNAPSHOT-exec.jar}
RESULTS=${BENCH_RESULTS:-benchmarks/results/oidc-vs-keycloak-latest.md}
ADMIN_PASSWORD='Gatekeeper#2026x'
KC_ADMIN_PASSWORD='Keykeeper#2026x'
WORK=$(mktemp -d)
LOGS=$ROOT/benchmarks/target/oidc-vs-keycloak
mkdir -p "$LOGS"
PIDS=()

# shellcheck source=benchmarks/load/servers.sh
source "$ROOT/benchmarks/load/servers.sh"

[[ $ONLY == "" || $ONLY == gatehouse || $ONLY == keycloak ]] || fail "BENCH_ONLY is gatehouse or keycloak"
for p in "$PORT" "$KC_PORT"; do
	if curl -s -o /dev/null "http://127.0.0.1:$p/"; then fail "something already listens on port $p; set BENCH_PORT / BENCH_KC_PORT"; fi
done

basic() { printf '%s:%s' "$1" "$2" | base64 -w0; }

# Runs the warm-up and the measurement; prints "requests/s p50_ms p99_ms". Refuses a run with a failed request.
# $1: label, $2: base URL, then the arguments of oidc.lua.
measure() {
	local label=$1 base=$2; shift 2
	wrk --timeout 10s -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s benchmarks/load/oidc.lua "$base" -- "$@" >/dev/null
	local out load_before
	load_before=$(cut -d' ' -f1 /proc/loadavg)
	out=$(wrk --timeout 10s -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s benchmarks/load/oidc.lua "$base" -- "$@")
	echo "$out" >&2
	echo "$label: load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after" >>"$WORK/load"
	local rate bad sockets errors p50 p99
	rate=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
	bad=$(awk -F= '/^unexpected_answers=/ { print $2 }' <<<"$out")
	sockets=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' <<<"$out")
	errors=$(( ${bad:-0} + ${sockets:-0} ))
	[[ $errors -eq 0 ]] || fail "$label: $errors failed requests"
	p50=$(grep -o 'p50_ms=[0-9.]*' <<<"$out" | cut -d= -f2)
	p99=$(grep -o 'p99_ms=[0-9.]*' <<<"$out" | cut -d= -f2)
	echo "$rate $p50 $p99"
}

# Token and introspection runs against one provider. $1: name, $2: base URL, $3: token path, $4: introspection path,
# $5: client id, $6: secret. Sets <NAME>_TOKEN and <NAME>_INTROSPECT to "requests/s p50 p99".
run_provider() {
	local name=$1 base=$2 token_path=$3 introspect_path=$4 auth
	auth=$(basic "$5" "$6")
	log "$name: client-credentials tokens"
	printf -v "${name}_TOKEN" '%s' "$(measure "$name tokens" "$base" "$token_path" "$auth" \
		grant_type=client_credentials '"access_token"')"
	log "$name: introspection of a valid token"
	# a fresh token for the run: both providers' access tokens live 5 minutes by default
	local token
	token=$(curl -fsS -u "$5:$6" -d grant_type=client_credentials "$base$token_path" | json "['access_token']")
	curl -fsS -u "$5:$6" -d "token=$token" "$base$introspect_path" | grep -q '"active":true' \
		|| fail "$name: the fresh token is not active"
	printf -v "${name}_INTROSPECT" '%s' "$(measure "$name introspection" "$base" "$introspect_path" "$auth" \
		"token=$token" '"active"%s*:%s*true')"
}

# --- Gatehouse --------------------------------------------------------------------------------------------------
if [[ $ONLY != keycloak ]]; then
	[[ -f $SERVER_JAR ]] || fail "no server jar at $SERVER_JAR: ./mvnw -B -ntp -DskipTests install"
	# a neutral name: whatever stops Gatehouse servers by their jar's name leaves this one alone
	cp "$SERVER_JAR" "$WORK/server.jar"
	GATEHOUSE_ENV=()
	if [[ $DB_KIND == postgresql ]]; then
		psql=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA -d postgres)
		"${psql[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
		"${psql[@]}" -c "CREATE DATABASE $DB"
		GATEHOUSE_ENV=(GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" GATEHOUSE_DB_USER=postgres)
	elif [[ $DB_KIND != h2 ]]; then
		fail "BENCH_DB_KIND is h2 or postgresql"
	fi
	log "starting Gatehouse on port $PORT ($DB_KIND, $HEAP)"
	mkdir -p "$WORK/gatehouse"
	gatehouse_log=$LOGS/gatehouse-$(date +%Y%m%d-%H%M%S).log
	# setsid: its own process group, stopped as one
	(cd "$WORK/gatehouse" && exec setsid env GATEHOUSE_PORT="$PORT" GATEHOUSE_ADMIN_USERNAME=admin \
		GATEHOUSE_ADMIN_PASSWORD="$ADMIN_PASSWORD" "${GATEHOUSE_ENV[@]}" java "$HEAP" -jar "$WORK/server.jar") \
		>"$gatehouse_log" 2>&1 &
	gatehouse_pid=$!
	PIDS+=("$gatehouse_pid")
	wait_up "http://127.0.0.1:$PORT/actuator/health/readiness" 120 "$gatehouse_pid" "$gatehouse_log"
	base=http://127.0.0.1:$PORT
	jar=$WORK/cookies
	session=$(curl -fsS -c "$jar" -H 'Content-Type: application/json' \
		-d "{\"login\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$base/api/v1/session")
	csrf=$(json "['csrfToken']" <<<"$session")
	admin_token=$(curl -fsS -b "$jar" -H "X-XSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
		-d '{"name":"bench"}' "$base/api/v1/me/tokens" | json "['token']")
	app=$(curl -fsS -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
		-d '{"name":"Load benchmark service","type":"confidential","firstParty":true,"grantTypes":["client_credentials"]}' \
		"$base/api/v1/applications")
	run_provider GATEHOUSE "$base" /oauth2/token /oauth2/introspect \
		"$(json "['clientId']" <<<"$app")" "$(json "['clientSecret']" <<<"$app")"
	GATEHOUSE_RSS_MB=$(( $(ps -o rss= -p "$(pgrep -P "$gatehouse_pid" java || echo "$gatehouse_pid")") / 1024 ))
	stop "$gatehouse_pid"
fi

# --- Keycloak ---------------------------------------------------------------------------------------------------
if [[ $ONLY != gatehouse ]]; then
	[[ -x $KC_JAVA_HOME/bin/java ]] || fail "Keycloak needs Java 21+: set KEYCLOAK_JAVA_HOME"
	KC=$(bin/keycloak-dist)
	# a copy of the distribution: its dev-file database and build state stay in this run's directory
	cp -r "$KC" "$WORK/keycloak"
	log "starting Keycloak $(basename "$KC") on port $KC_PORT (start-dev, dev-file database, $HEAP)"
	keycloak_log=$LOGS/keycloak-$(date +%Y%m%d-%H%M%S).log
	(exec setsid env JAVA_HOME="$KC_JAVA_HOME" JAVA_OPTS_KC_HEAP="-Xms64m $HEAP" \
		KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
		"$WORK/keycloak/bin/kc.sh" start-dev --http-port="$KC_PORT" --http-management-port=$(( KC_PORT + 1 )) --health-enabled=true) \
		>"$keycloak_log" 2>&1 &
	keycloak_pid=$!
	PIDS+=("$keycloak_pid")
	wait_up "http://127.0.0.1:$(( KC_PORT + 1 ))/health/ready" 180 "$keycloak_pid" "$keycloak_log"
	kbase=http://127.0.0.1:$KC_PORT
	kc_admin=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin \
		--data-urlencode "password=$KC_ADMIN_PASSWORD" "$kbase/realms/master/protocol/openid-connect/token" \
		| json "['access_token']")
	kc_api() { curl -fsS -H "Authorization: Bearer $kc_admin" -H 'Content-Type: application/json' "$@"; }
	kc_api -d '{"realm":"bench","enabled":true}' "$kbase/admin/realms"
	kc_secret=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')
	kc_api -d "{\"clientId\":\"bench-service\",\"enabled\":true,\"publicClient\":false,\"clientAuthenticatorType\":\"client-secret\",
		\"secret\":\"$kc_secret\",\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":false}" \
		"$kbase/admin/realms/bench/clients"
	run_provider KEYCLOAK "$kbase" /realms/bench/protocol/openid-connect/token \
		/realms/bench/protocol/openid-connect/token/introspect bench-service "$kc_secret"
	KEYCLOAK_RSS_MB=$(( $(ps -o rss= -p "$(pgrep -P "$keycloak_pid" java || echo "$keycloak_pid")") / 1024 ))
	stop "$keycloak_pid"
fi

# --- results ------------------------------------------------------------------------------------------------------
for v in GATEHOUSE_TOKEN GATEHOUSE_INTROSPECT KEYCLOAK_TOKEN KEYCLOAK_INTROSPECT; do
	[[ -n ${!v:-} ]] || printf -v "$v" '%s' '- - -'
done
for v in GATEHOUSE_RSS_MB KEYCLOAK_RSS_MB; do [[ -n ${!v:-} ]] || printf -v "$v" '%s' -; done
read -r G_TOK G_TOK_P50 G_TOK_P99 <<<"$GATEHOUSE_TOKEN"
read -r G_INT G_INT_P50 G_INT_P99 <<<"$GATEHOUSE_INTROSPECT"
read -r K_TOK K_TOK_P50 K_TOK_P99 <<<"$KEYCLOAK_TOKEN"
read -r K_INT K_INT_P50 K_INT_P99 <<<"$KEYCLOAK_INTROSPECT"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f×", a / b }'; }
verdict() { awk -v r="${1%×}" 'BEGIN { if (r == "-") print "-"; else print (r >= 3 ? "met" : "missed") }'; }
TOK_RATIO=$(ratio "$G_TOK" "$K_TOK")
INT_RATIO=$(ratio "$G_INT" "$K_INT")
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
mkdir -p "$(dirname "$RESULTS")"
cat >"$RESULTS" <<EOF
# Gatehouse and Keycloak as OpenID Providers, $(date -u +%F)

Machine: $(nproc) cores ($cpu), $mem GiB; $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2) on the same machine, \`-t$THREADS -c$CONNECTIONS\`,
$DURATION each after a $WARMUP warm-up, one server running at a time.
Gatehouse: ${BENCH_SERVER_LABEL:-commit $(git rev-parse --short HEAD)}, $(java -version 2>&1 | head -1), plain \`java $HEAP -jar\`, $DB_KIND.
Keycloak: $( [[ $ONLY == gatehouse ]] && echo - || basename "$KC"), $("$KC_JAVA_HOME/bin/java" -version 2>&1 | head -1), \`kc.sh start-dev\` (dev-file database), \`JAVA_OPTS_KC_HEAP=-Xms64m $HEAP\`.
Both: a confidential client with client_credentials, client_secret_basic; introspection of one valid access token
by the same client. Every answer checked: a token in it, or \`"active":true\`.

| Measure | Gatehouse | Keycloak | Gatehouse ÷ Keycloak | Target |
| --- | ---: | ---: | ---: | ---: |
| client-credentials tokens per second | $G_TOK | $K_TOK | $TOK_RATIO | ≥ 3× ($(verdict "$TOK_RATIO")) |
| … latency p50 / p99 (ms) | $G_TOK_P50 / $G_TOK_P99 | $K_TOK_P50 / $K_TOK_P99 | | |
| introspections per second | $G_INT | $K_INT | $INT_RATIO | ≥ 3× ($(verdict "$INT_RATIO")) |
| … latency p50 / p99 (ms) | $G_INT_P50 / $G_INT_P99 | $K_INT_P50 / $K_INT_P99 | | |
| server RSS at the end (MB) | $GATEHOUSE_RSS_MB | $KEYCLOAK_RSS_MB | | |

Load average (1 min) before each measurement and (1, 5, 15 min) after it:
$(sed 's/^/- /' "$WORK/load")
EOF
log "results (also in $RESULTS)"
cat "$RESULTS"
