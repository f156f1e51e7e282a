# Shared by the scripts that run Gatehouse beside Keycloak (vs-keycloak.sh, oidc-vs-keycloak.sh): source it after
# setting PIDS=() and WORK. Stopping servers, the tools they need, reading JSON answers, waiting for a server.

log() { printf '\n== %s\n' "$*" >&2; }
fail() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# Stops a server by its process group (the launchers start java as a child), at most 30 s, then for good.
stop() {
	local pid=$1
	kill -0 "$pid" 2>/dev/null || return 0
	kill -- "-$pid" 2>/dev/null || kill "$pid"
	for _ in $(seq 1 300); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
	for pid in "${PIDS[@]}"; do stop "$pid"; done
	rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || fail "wrk is missing: apt-get install -y wrk"
command -v curl >/dev/null || fail "curl is missing: apt-get install -y curl"
command -v python3 >/dev/null || fail "python3 is missing (it reads the JSON answers)"

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

# Waits at most $2 seconds until $1 answers 200; $3 is the process that must stay alive meanwhile, $4 its log.
wait_up() {
	local url=$1 limit=$2 pid=$3 logfile=$4
	for _ in $(seq 1 $(( limit * 10 ))); do
		curl -fs -o /dev/null "$url" 2>/dev/null && return 0
		kill -0 "$pid" 2>/dev/null || { tail -40 "$logfile" >&2; fail "the server exited during start"; }
		sleep 0.1
	done
	tail -40 "$logfile" >&2
	fail "$url did not answer within $limit s"
}
