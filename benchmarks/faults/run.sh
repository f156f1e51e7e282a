#!/usr/bin/env bash
# A fault under a write load, on loopback only, bounded in time; then counts what was acknowledged and lost.
#
#   benchmarks/faults/run.sh kill        [LOAD_SECONDS]   # kill -9 the node a third into the load, start it again
#   benchmarks/faults/run.sh pg-restart  [LOAD_SECONDS]   # stop PostgreSQL for OUTAGE_SECONDS (5), start it again
#   benchmarks/faults/run.sh pool        [LOAD_SECONDS]   # exhaust the node's connection pool for POOL_SECONDS (20)
#   benchmarks/faults/run.sh disk        [LOAD_SECONDS]   # fill the database's disk for DISK_SECONDS (20)
#
# One Gatehouse node (this tree's exec jar, built when missing) on port 18480 against PostgreSQL at 127.0.0.1:5432
# (trust auth), in a database of its own, gatehouse_fault, dropped and made afresh. Mails go to a local SMTP sink
# (smtp_sink.py, port 18425). write_load.py runs 4 workers: create a user, bind a role to them, sign in, invite
# someone (a mail). The fault comes LOAD_SECONDS/3 (60/3) into the load, and the load goes on until 30 s after the
# node is ready again (10 minutes at most). When the load ends the script waits for the outbox to be empty (60 s at
# most), then verify.py checks every acknowledged write against the database and the audit log, counts invitation
# mails lost and sent twice, the answers given while the fault lasted, and the seconds to recover. The figures go
# to benchmarks/target/faults/<fault>/result.md; copy the ones worth keeping to benchmarks/results/.
#
# pg-restart stops the whole PostgreSQL cluster (pg_ctlcluster 15 main): anything else using it fails meanwhile.
#
# pool touches nothing but the run's own database: another client takes a lock on users_account that every request
# needs (ACCESS EXCLUSIVE, held POOL_SECONDS), and POOL_READERS (48) readers of the users list pile up behind it, one
# pooled connection each, until the pool (16) is exhausted and further requests wait out the pool's 3 s. The node
# must answer those 503 (not 500), keep answering liveness and readiness at once, and serve again when the lock goes,
# without a restart. The readers' answers go to readers.txt, the health answers during the fault to health.txt.
#
# disk puts the run's database in a tablespace of its own on a small tmpfs (DISK_MB, 256; mounting it needs root),
# then fills that file system with a file of zeros for DISK_SECONDS and deletes it. Every write that needs a new
# page fails meanwhile in PostgreSQL (53100, disk full); the node must answer those 503, not 500, lose nothing it
# acknowledged, and write again once there is room, without a restart. PostgreSQL's own disk (its WAL) is left
# alone: a full WAL disk stops PostgreSQL, which is the pg-restart fault.
set -euo pipefail

FAULT=${1:?kill, pg-restart or pool}
LOAD_SECONDS=${2:-60}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/benchmarks/faults
WORK=$ROOT/benchmarks/target/faults/$FAULT
DB=gatehouse_fault
PORT=18480
SMTP_PORT=18425
ADMIN_PASSWORD=Gatekeeper#2026x
PG_VERSION=${PG_VERSION:-15}
PG_CLUSTER=${PG_CLUSTER:-main}

POOL_SECONDS=${POOL_SECONDS:-20}
POOL_READERS=${POOL_READERS:-48}
DISK_SECONDS=${DISK_SECONDS:-20}
DISK_MB=${DISK_MB:-256}
DISK_DIR=/tmp/gatehouse-fault-disk
TABLESPACE=gatehouse_fault_space

case "$FAULT" in kill | pg-restart | pool | disk) ;; *) echo "unknown fault: $FAULT" >&2; exit 2 ;; esac
rm -rf "$WORK"
mkdir -p "$WORK"
JAR=$ROOT/server/target/gatehouse-server-0.1.0-SNAPSHOT-exec.jar
if [[ ! -f $JAR ]]; then
	(cd "$ROOT" && ./mvnw -B -ntp -q -pl server -DskipTests package)
fi
# a neutral name: whatever stops Gatehouse servers by their jar's name on a shared machine leaves this one alone
cp "$JAR" "$WORK/node.jar"

PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	if [[ $FAULT == pg-restart ]]; then pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" start 2>/dev/null || true; fi
	if [[ $FAULT == disk ]]; then
		rm -f "$DISK_DIR/filler"
		# the database stays for a look at it; its tablespace goes with it on the next run
	fi
}
trap cleanup EXIT

psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
if [[ $FAULT == disk ]]; then
	psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP TABLESPACE IF EXISTS $TABLESPACE"
	if mountpoint -q "$DISK_DIR"; then umount "$DISK_DIR"; fi
	mkdir -p "$DISK_DIR"
	mount -t tmpfs -o "size=${DISK_MB}m,uid=$(id -u postgres),gid=$(id -g postgres),mode=0700" tmpfs "$DISK_DIR"
	mkdir "$DISK_DIR/pg"
	chown postgres:postgres "$DISK_DIR/pg"
	psql -h 127.0.0.1 -U postgres -d postgres -q -c "CREATE TABLESPACE $TABLESPACE LOCATION '$DISK_DIR/pg'" \
		-c "CREATE DATABASE $DB TABLESPACE $TABLESPACE"
else
	psql -h 127.0.0.1 -U postgres -d postgres -q -c "CREATE DATABASE $DB"
fi
python3 "$HERE/smtp_sink.py" "$SMTP_PORT" "$WORK/mails.jsonl" &
PIDS+=($!)

NODE=
start_node() {
	GATEHOUSE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB GATEHOUSE_DB_USER=postgres GATEHOUSE_DB_PASSWORD= \
	GATEHOUSE_ADMIN_PASSWORD=$ADMIN_PASSWORD GATEHOUSE_PORT=$PORT \
	GATEHOUSE_MAIL_HOST=127.0.0.1 GATEHOUSE_MAIL_PORT=$SMTP_PORT GATEHOUSE_MAIL_TLS=none \
		java -Xmx512m -jar "$WORK/node.jar" --server.address=127.0.0.1 \
		--gatehouse.mail.poll-interval=PT2S --gatehouse.users.require-role-on-create=false \
		>>"$WORK/node.log" 2>&1 &
	NODE=$!
	PIDS+=($NODE)
}
wait_ready() {
	local deadline=$((SECONDS + 400))
	until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
		((SECONDS < deadline)) || { echo "the node did not become ready" >&2; exit 1; }
		sleep 0.2
	done
}

start_node
wait_ready
python3 "$HERE/write_load.py" "http://127.0.0.1:$PORT" "$ADMIN_PASSWORD" 600 4 "$WORK/answers.jsonl" "$WORK/stop" &
LOAD=$!
sleep $((LOAD_SECONDS / 3))

now() { date +%s.%N; }
case "$FAULT" in
kill)
	FAULT_START=$(now)
	kill -9 "$NODE"
	wait "$NODE" 2>/dev/null || true
	sleep 2
	start_node
	FAULT_END=$(now)
	wait_ready
	READY=$(now)
	;;
pg-restart)
	FAULT_START=$(now)
	pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" stop -m fast
	# readiness while PostgreSQL is away
	sleep 3
	curl -s -o /dev/null -w 'readiness while PostgreSQL is stopped: %{http_code} in %{time_total} s\n' \
		"http://127.0.0.1:$PORT/actuator/health/readiness" | tee "$WORK/readiness.txt"
	sleep $((OUTAGE_SECONDS - 3))
	pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" start
	FAULT_END=$(now)
	wait_ready
	READY=$(now)
	;;
pool)
	# a token for the readers, made before the fault
	curl -fs -c "$WORK/cookies" -H 'Content-Type: application/json' \
		-d "{\"login\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "http://127.0.0.1:$PORT/api/v1/session" >"$WORK/session.json"
	CSRF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrfToken"])' "$WORK/session.json")
	TOKEN=$(curl -fs -b "$WORK/cookies" -H "X-XSRF-TOKEN: $CSRF" -H 'Content-Type: application/json' \
		-d '{"name":"pool fault readers"}' "http://127.0.0.1:$PORT/api/v1/me/tokens" \
		| python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
	# used once before: a token the node has not cached yet would make the readers wait on one cache load (one
	# connection) instead of a connection each
	curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/users"
	FAULT_START=$(now)
	psql -h 127.0.0.1 -U postgres -d "$DB" -q -c "BEGIN; LOCK TABLE users_account IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep($POOL_SECONDS); COMMIT;" >/dev/null &
	LOCKER=$!
	sleep 0.5
	READERS=()
	for _ in $(seq 1 "$POOL_READERS"); do
		curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -m $((POOL_SECONDS + 60)) -H "Authorization: Bearer $TOKEN" \
			"http://127.0.0.1:$PORT/api/v1/users" >>"$WORK/readers.txt" &
		READERS+=($!)
	done
	sleep 5
	for probe in liveness readiness; do
		curl -s -o /dev/null -w "$probe while the pool is exhausted: %{http_code} in %{time_total} s\n" \
			"http://127.0.0.1:$PORT/actuator/health/$probe" | tee -a "$WORK/health.txt"
	done
	wait "$LOCKER"
	FAULT_END=$(now)
	for pid in "${READERS[@]}"; do wait "$pid" || true; done
	wait_ready
	READY=$(now)
	;;
disk)
	FAULT_START=$(now)
	# every free byte of the database's file system: writes needing a new page fail from here on
	dd if=/dev/zero of="$DISK_DIR/filler" bs=1M status=none 2>/dev/null || true
	df -h "$DISK_DIR" | tail -1 | awk '{ print "the database disk during the fault: " $3 " used of " $2 ", " $4 " free" }' \
		| tee "$WORK/disk.txt"
	sleep 5
	for probe in liveness readiness; do
		curl -s -o /dev/null -w "$probe while the disk is full: %{http_code} in %{time_total} s\n" \
			"http://127.0.0.1:$PORT/actuator/health/$probe" | tee -a "$WORK/health.txt"
	done
	sleep $((DISK_SECONDS - 5))
	rm -f "$DISK_DIR/filler"
	FAULT_END=$(now)
	wait_ready
	READY=$(now)
	;;
esac
sleep 30
touch "$WORK/stop"
wait "$LOAD"

# the outbox empties: every invitation mailed (or the 60 s are up)
for _ in $(seq 1 60); do
	pending=$(psql -h 127.0.0.1 -U postgres -d "$DB" -At -c "SELECT COUNT(*) FROM mail_outbox WHERE status IN ('PENDING','SENDING')" 2>/dev/null || echo 1)
	[[ $pending == 0 ]] && break
	sleep 1
done

{
	echo "Fault: $FAULT, $((LOAD_SECONDS / 3)) s into a load of 4 workers that ran until 30 s after the node was ready again; $(date -u +%F)"
	echo
	awk -v s="$FAULT_START" -v e="$FAULT_END" -v r="$READY" \
		'BEGIN { printf "Fault lasted %.1f s; the node was ready again %.1f s after the fault ended.\n\n", e - s, r - e }'
	[[ -f $WORK/readiness.txt ]] && { cat "$WORK/readiness.txt"; echo; }
	[[ -f $WORK/disk.txt ]] && { cat "$WORK/disk.txt"; echo; }
	[[ -f $WORK/health.txt ]] && { cat "$WORK/health.txt"; echo; }
	[[ -f $WORK/readers.txt ]] && {
		echo "The $POOL_READERS readers queued behind the lock were answered (status: count, slowest seconds):"
		awk '{ n[$1]++; if ($2 > t[$1]) t[$1] = $2 } END { for (s in n) printf "%s: %d, %.1f s\n", s, n[s], t[s] }' "$WORK/readers.txt" | sort
		echo
	}
	python3 "$HERE/verify.py" "$WORK" "$DB" "$FAULT_START" "$FAULT_END" && status=0 || status=$?
	echo
	echo "Log lines with a stack trace or ERROR in the node's log: $(grep -c -E '^\s+at |ERROR' "$WORK/node.log" || true)"
} | tee "$WORK/result.md"
kill "$NODE" 2>/dev/null || true
