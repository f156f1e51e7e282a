#!/usr/bin/env python3
"""A write load against one Gatehouse node that records every answer, for the fault scripts.

    write_load.py BASE_URL ADMIN_PASSWORD SECONDS WORKERS OUTPUT.jsonl [STOP_FILE]

It stops after SECONDS, or as soon as STOP_FILE exists.

Each worker loops over: create a user, give that user a role on a workspace (a binding), sign in as a user made
earlier, invite someone (a mail). One JSON line per request: op, key (what to look for in the database), status
(0 when no answer came: connection refused or reset), the time of the answer (Unix seconds). Timeouts are 10 s per request.
"""
import http.client
import json
import os
import sys
import threading
import time
import uuid

BASE = sys.argv[1].replace("http://", "")
ADMIN_PASSWORD = sys.argv[2]
SECONDS = float(sys.argv[3])
WORKERS = int(sys.argv[4])
OUTPUT = sys.argv[5]
STOP_FILE = sys.argv[6] if len(sys.argv) > 6 else None
PASSWORD = "Correct-Horse-7"
VIEWER = "00000000-0000-0000-0000-0000000000a4"

lock = threading.Lock()
out = open(OUTPUT, "w", encoding="utf-8")
started = time.time()


def call(method, path, body=None, token=None):
    host, port = BASE.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    try:
        connection.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = connection.getresponse()
        data = response.read()
        try:
            parsed = json.loads(data) if data else None
        except ValueError:
            parsed = None
        return response.status, parsed, response.getheader("Content-Type", ""), response.getheader("Retry-After")
    except OSError:
        return 0, None, "", None
    finally:
        connection.close()


def record(op, key, answer):
    status, body, content_type, retry_after = answer
    if status == 0:
        # the node is down: do not spin on refused connections
        time.sleep(0.2)
    line = {"op": op, "key": key, "status": status, "t": round(time.time(), 3),
            "type": content_type.split(";")[0], "retryAfter": retry_after}
    if status >= 400 and isinstance(body, dict):
        line["code"] = body.get("code")
    with lock:
        out.write(json.dumps(line) + "\n")
        out.flush()


def admin_token():
    """A personal access token of the administrator, made with the session of a sign-in (retried until it works)."""
    host, port = BASE.split(":")
    while True:
        try:
            connection = http.client.HTTPConnection(host, int(port), timeout=10)
            connection.request("POST", "/api/v1/session", json.dumps({"login": "admin", "password": ADMIN_PASSWORD}),
                               {"Content-Type": "application/json"})
            response = connection.getresponse()
            session = json.loads(response.read())
            cookie = [value.split(";")[0] for name, value in response.getheaders()
                      if name.lower() == "set-cookie" and value.startswith("GATEHOUSE_SESSION=")][-1]
            connection.close()
            connection = http.client.HTTPConnection(host, int(port), timeout=10)
            connection.request("POST", "/api/v1/me/tokens", json.dumps({"name": "fault load"}),
                               {"Content-Type": "application/json", "Cookie": cookie,
                                "X-XSRF-TOKEN": session["csrfToken"]})
            token = json.loads(connection.getresponse().read())["token"]
            connection.close()
            return token
        except (OSError, ValueError, KeyError, IndexError):
            time.sleep(0.5)


def worker(number, token, workspace):
    made = []
    i = 0
    while time.time() - started < SECONDS and not (STOP_FILE and os.path.exists(STOP_FILE)):
        i += 1
        name = "f%d%s" % (number, uuid.uuid4().hex[:10])
        answer = call("POST", "/api/v1/users", {"username": name, "email": name + "@example.com",
                                                "password": PASSWORD}, token)
        record("create-user", name, answer)
        if answer[0] == 201 and answer[1]:
            made.append((name, answer[1]["id"]))
            user_id = answer[1]["id"]
            answer = call("POST", "/api/v1/resources/%s/bindings" % workspace,
                          {"principalType": "user", "principalId": user_id, "roleId": VIEWER}, token)
            record("bind-role", answer[1].get("id") if answer[0] == 201 and answer[1] else user_id, answer)
        if made and i % 2 == 0:
            login = made[i % len(made)][0]
            record("sign-in", login, call("POST", "/api/v1/session", {"login": login, "password": PASSWORD}))
        invitee = "i%d%s" % (number, uuid.uuid4().hex[:10])
        record("invite", invitee + "@example.com",
               call("POST", "/api/v1/invitations", {"email": invitee + "@example.com", "username": invitee}, token))


def main():
    token = admin_token()
    status, body, _, _ = call("POST", "/api/v1/resources", {"type": "workspace", "name": "Fault " + uuid.uuid4().hex[:6]},
                              token)
    workspace = body["id"]
    threads = [threading.Thread(target=worker, args=(n, token, workspace)) for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.close()


main()
