#!/usr/bin/env python3
"""Checks a fault run: every write acknowledged with a 2xx is in the database and in the audit log, every invitation
acknowledged was mailed exactly once, what was answered while the fault lasted, and how long recovery took.

    verify.py WORK_DIR DATABASE FAULT_START FAULT_END

FAULT_START: when the fault began (kill -9, PostgreSQL stopped); FAULT_END: when the node was started again or
PostgreSQL was back (Unix seconds). Prints a markdown table of the figures and exits 1 if a write or a mail was lost.
"""
import collections
import json
import subprocess
import sys

work, database, fault_start, fault_end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])


def sql(query):
    result = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-At", "-c", query],
                            check=True, capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line]


def quoted(values):
    return ",".join("'" + value.replace("'", "''") + "'" for value in values) or "NULL"


answers = [json.loads(line) for line in open(work + "/answers.jsonl", encoding="utf-8")]
acked = collections.defaultdict(list)
for answer in answers:
    if 200 <= answer["status"] < 300:
        acked[answer["op"]].append(answer["key"])

lost = collections.Counter()
unaudited = collections.Counter()

users = acked["create-user"]
ids = dict(row.split("|") for row in sql("SELECT username, id FROM users_account WHERE username IN (%s)" % quoted(users)))
lost["create-user"] = sum(1 for name in users if name not in ids)
audited = set(sql("SELECT target_id FROM audit_event WHERE action = 'user.created' AND target_id IN (%s)"
                  % quoted(list(ids.values()))))
unaudited["create-user"] = sum(1 for name in users if ids.get(name) not in audited)

bindings = acked["bind-role"]
found = set(sql("SELECT CAST(id AS VARCHAR) FROM access_binding WHERE CAST(id AS VARCHAR) IN (%s)" % quoted(bindings)))
lost["bind-role"] = sum(1 for binding in bindings if binding not in found)
audited = set(sql("SELECT target_id FROM audit_event WHERE target_type = 'binding' AND target_id IN (%s)"
                  % quoted(bindings)))
unaudited["bind-role"] = sum(1 for binding in bindings if binding not in audited)

invited = [email.split("@")[0] for email in acked["invite"]]
found = set(sql("SELECT username FROM users_account WHERE username IN (%s)" % quoted(invited)))
lost["invite"] = sum(1 for name in invited if name not in found)
audited = set(sql("SELECT u.username FROM audit_event a JOIN users_account u ON CAST(u.id AS VARCHAR) = a.target_id "
                  "WHERE a.action = 'user.invited' AND u.username IN (%s)" % quoted(invited)))
unaudited["invite"] = sum(1 for name in invited if name not in audited)

signed_in = collections.Counter(acked["sign-in"])
recorded = dict(row.split("|") for row in sql(
    "SELECT u.username, COUNT(*) FROM audit_event a JOIN users_account u ON CAST(u.id AS VARCHAR) = a.target_id "
    "WHERE a.action = 'auth.sign-in' AND u.username IN (%s) GROUP BY u.username" % quoted(list(signed_in))))
sessions = dict(row.split("|") for row in sql(
    "SELECT s.login, COUNT(*) FROM auth_sign_in s WHERE s.outcome = 'accepted' AND s.login IN (%s) GROUP BY s.login"
    % quoted(list(signed_in))))
lost["sign-in"] = sum(max(0, count - int(sessions.get(name, 0))) for name, count in signed_in.items())
unaudited["sign-in"] = sum(max(0, count - int(recorded.get(name, 0))) for name, count in signed_in.items())

mails = collections.Counter()
for line in open(work + "/mails.jsonl", encoding="utf-8"):
    mail = json.loads(line)
    if "invited" in mail["subject"]:
        mails[mail["to"]] += 1
mails_lost = sum(1 for email in acked["invite"] if mails[email.lower()] == 0)
duplicates = sum(count - 1 for count in mails.values() if count > 1)

during = [a for a in answers if fault_start <= a["t"] <= fault_end + 1]
statuses = collections.Counter(a["status"] for a in during)
fives = [a for a in answers if a["t"] >= fault_start and a["status"] >= 500]
non_problem = sum(1 for a in fives if a["type"] != "application/problem+json")
no_retry = sum(1 for a in fives if a["status"] == 503 and not a.get("retryAfter"))
recovered = min((a["t"] for a in answers if a["t"] > fault_end and 200 <= a["status"] < 300
                 and a["op"] != "sign-in"), default=None)

total_acked = sum(len(keys) for keys in acked.values())
total_lost = sum(lost.values())
print("| Figure | Value |")
print("| --- | --- |")
print("| requests sent | %d |" % len(answers))
print("| writes acknowledged (2xx) | %d (%s) |" % (total_acked, ", ".join("%s %d" % (op, len(keys)) for op, keys in sorted(acked.items()))))
print("| acknowledged writes lost | %d |" % total_lost)
print("| acknowledged writes missing from the audit log | %d |" % sum(unaudited.values()))
print("| invitation mails lost | %d |" % mails_lost)
print("| invitation mails sent twice or more (extra copies) | %d |" % duplicates)
print("| answers from fault start to end + 1 s | %s |" % (", ".join("%s: %d" % ("no answer" if status == 0 else status, count)
                                                     for status, count in sorted(statuses.items())) or "none"))
print("| 5xx answers after the fault began | %d (500: %d, 503: %d; not problem+json: %d; 503 without Retry-After: %d) |"
      % (len(fives), sum(1 for a in fives if a["status"] == 500), sum(1 for a in fives if a["status"] == 503),
         non_problem, no_retry))
print("| seconds from fault end to the first acknowledged write | %s |"
      % ("%.1f" % (recovered - fault_end) if recovered else "never"))
print("| seconds from fault start to the first acknowledged write after it | %s |"
      % ("%.1f" % (recovered - fault_start) if recovered else "never"))
sys.exit(1 if total_lost or mails_lost else 0)
