#!/usr/bin/env python3
"""Checks the deployment of deploy/README.md on this machine: two instances of the server on one
PostgreSQL database behind nginx (deploy/nginx/interviewflow-loopback.conf with the shared snippet),
everything on loopback, started as Benchmarks/cluster_load.py starts them.

    python3 deploy/check_cluster.py --binary .build/debug/interview
        [--database-url postgres://interviewflow:interviewflow@127.0.0.1:5432/interviewflow_cluster_check?sslmode=disable]

What it checks, each through nginx:
  - /readyz and /healthz answer, and requests are spread over both instances;
  - a session made through nginx signs its user in on either instance (sessions are in PostgreSQL), and
    still does once one instance is stopped;
  - X-Forwarded-For: the address nginx accepted the connection from is the client's address on the
    instances — the security trail records it for a sign-in, a client's own X-Forwarded-For is not
    believed, and the login limit of 20 wrong passwords per address counts that address across both
    instances (the 21st from that address is refused with 429, another address is still answered);
    the same header sent to an instance directly by anyone but 127.0.0.1 is ignored;
  - the console's socket opens through nginx (upgrade passed on), a rating sent over it is answered and
    stored, and is seen by the other instance; a page of another origin and a caller without a session
    are refused, and the connections of those refused upgrades are not reused by nginx (requests after
    them answer at once);
  - a signed-in body above 6 MB is refused by nginx with 413, one below it reaches the server;
  - /metrics is not served through nginx, and is served by an instance to loopback only;
  - with one instance stopped, nginx sends everything to the other and sessions still sign in.
It makes its own database (interviewflow_cluster_check) and drops it at the end.

The client addresses are other loopback addresses (127.0.0.5 …): Linux routes all of 127.0.0.0/8 to
the loopback interface, so a connection can come from 127.0.0.5 without any network set-up.
"""
import argparse
import base64
import http.client
import json
import os
import re
import shutil
import socket
import struct
import sys
import tempfile
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
from cluster_load import DEFAULT_URL, Cluster, database_name, drop_database, psql, recreate_database, with_database  # noqa: E402
from interviewflow_api import create_first_admin, guide_id  # noqa: E402

PASSWORD = "a long check password"
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def request(port, method, path, source="127.0.0.1", headers=None, body=None, cookie=None):
    """One request from a given loopback address; (status, headers, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, source_address=(source, 0), timeout=70)
    headers = dict(headers or {})
    headers.setdefault("Accept", "application/json")
    if cookie:
        headers["Cookie"] = f"interviewflow-session={cookie}"
    if body is not None and not isinstance(body, bytes):
        body = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, response.headers, data


def login(port, email, password, source, extra=None):
    """The API's sign-in from `source`: a CSRF token first (for a visitor, with its cookie, which may be
    answered by another instance than the sign-in: it holds no state), then the credentials."""
    status, headers, data = request(port, "GET", "/api/v1/session", source=source, headers=extra)
    visitor = re.search(r"interviewflow-csrf=([^;]+)", headers.get("Set-Cookie", "")).group(1)
    csrf = json.loads(data)["csrf"]
    status, headers, data = request(port, "POST", "/api/v1/session", source=source,
                                    headers={"X-CSRF-Token": csrf, "Cookie": f"interviewflow-csrf={visitor}", **(extra or {})},
                                    body={"email": email, "password": password})
    return status, data


def security_trail(admin, kind):
    return admin.call("GET", f"/api/v1/audit/security?kind={kind}&per=500")["entries"]


# --- a WebSocket client, enough for one text frame each way (standard library only) -------------------

def ws_open(port, path, cookie, origin):
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: {origin}\r\n"
                  f"Cookie: interviewflow-session={cookie}\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(4096)
        if not chunk:
            break
        head += chunk
    status = int(head.split(b" ", 2)[1])
    return sock, status, head.decode(errors="replace")


def ws_send(sock, text):
    payload = text.encode()
    mask = os.urandom(4)
    header = bytes([0x81])
    if len(payload) < 126:
        header += bytes([0x80 | len(payload)])
    else:
        header += bytes([0x80 | 126]) + struct.pack("!H", len(payload))
    sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


def ws_receive(sock):
    def exactly(n):
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("socket closed")
            data += chunk
        return data
    while True:
        first, second = exactly(2)
        length = second & 0x7F
        if length == 126:
            length = struct.unpack("!H", exactly(2))[0]
        elif length == 127:
            length = struct.unpack("!Q", exactly(8))[0]
        payload = exactly(length)
        if first & 0x0F == 0x1:
            return payload.decode()
        if first & 0x0F == 0x8:
            raise ConnectionError("closed by the server")


def served_by(cluster, needle):
    """How many request lines mentioning `needle` each instance logged (LOG_LEVEL=info)."""
    return [open(log).read().count(needle) for log in cluster.logs]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/debug/interview")
    parser.add_argument("--database-url", default=with_database(DEFAULT_URL, "interviewflow_cluster_check"))
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs, nginx configuration)")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="interviewflow-cluster-check-")
    recreate_database(args.database_url)
    cluster = Cluster(args.binary, args.database_url, 2, work, log_level="info")
    try:
        cluster.start()
        port = cluster.port
        print(f"nginx on 127.0.0.1:{port}, instances on {cluster.instance_ports}, database {database_name(args.database_url)}")

        status, _, data = request(port, "GET", "/readyz")
        check(status == 200 and json.loads(data)["ready"], f"/readyz through nginx: {status} {data.decode()}")
        before = served_by(cluster, "GET /healthz")
        for _ in range(10):
            request(port, "GET", "/healthz")
        spread = [a - b for a, b in zip(served_by(cluster, "GET /healthz"), before)]
        check(all(n > 0 for n in spread), f"10 GET /healthz through nginx, served by the instances: {spread}")

        admin = create_first_admin(cluster.base, cluster.setup_link(), "Check Admin", "admin@check.example", PASSWORD)
        check(admin.call("GET", "/api/v1/session").get("user") is not None, "first admin created and signed in through nginx")

        # Sessions live in PostgreSQL: the cookie nginx's client got signs in on each instance directly.
        cookie = admin.session_cookie()
        for instance_port in cluster.instance_ports:
            status, _, data = request(instance_port, "GET", "/api/v1/session", cookie=cookie)
            check(status == 200 and json.loads(data).get("user"), f"the session made through nginx signs in on the instance on :{instance_port}")

        # X-Forwarded-For: a sign-in from 127.0.0.5 through nginx is recorded as from 127.0.0.5.
        status, _ = login(port, "admin@check.example", PASSWORD, "127.0.0.5")
        check(status == 200, f"sign-in from 127.0.0.5 through nginx: {status}")
        addresses = [e["address"] for e in security_trail(admin, "login.succeeded")]
        check("127.0.0.5" in addresses, f"the security trail records that sign-in from 127.0.0.5 (addresses: {sorted(set(addresses))})")
        # A client's own X-Forwarded-For is replaced by nginx: not believed.
        status, _ = login(port, "admin@check.example", PASSWORD, "127.0.0.6", {"X-Forwarded-For": "203.0.113.9"})
        addresses = [e["address"] for e in security_trail(admin, "login.succeeded")]
        check(status == 200 and "127.0.0.6" in addresses and "203.0.113.9" not in addresses,
              "a client at 127.0.0.6 claiming X-Forwarded-For: 203.0.113.9 is recorded as 127.0.0.6")
        # Directly to an instance, from an address that is not a trusted proxy: the header is ignored.
        status, _ = login(cluster.instance_ports[0], "admin@check.example", PASSWORD, "127.0.0.7", {"X-Forwarded-For": "203.0.113.10"})
        addresses = [e["address"] for e in security_trail(admin, "login.failed") + security_trail(admin, "login.succeeded")]
        check(status == 200 and "127.0.0.7" in addresses and "203.0.113.10" not in addresses,
              "straight to an instance from 127.0.0.7 (not a trusted proxy), X-Forwarded-For is ignored")

        # The login limit per address counts the forwarded address, across both instances.
        before = served_by(cluster, "POST /api/v1/session")
        statuses = [login(port, f"nobody{n}@check.example", "wrong password!", "127.0.0.8")[0] for n in range(20)]
        spread = [a - b for a, b in zip(served_by(cluster, "POST /api/v1/session"), before)]
        check(statuses == [401] * 20, f"20 wrong passwords (20 unknown accounts) from 127.0.0.8 through nginx: all 401 (served by the instances: {spread})")
        status, _ = login(port, "nobody99@check.example", "wrong password!", "127.0.0.8")
        check(status == 429, f"the 21st from 127.0.0.8: {status} (limit of 20 per address)")
        status, _ = login(port, "nobody98@check.example", "wrong password!", "127.0.0.9")
        check(status == 401, f"the same from 127.0.0.9: {status} (its own count)")
        failed = [e["address"] for e in security_trail(admin, "login.failed") + security_trail(admin, "login.locked")]
        check(failed.count("127.0.0.8") >= 20 and "127.0.0.1" not in failed,
              f"the security trail has the failures from 127.0.0.8 (and none from nginx's own 127.0.0.1): {sorted(set(failed))}")

        # The console's socket through nginx.
        me = admin.call("GET", "/api/v1/session")["user"]
        position = admin.call("POST", "/api/v1/positions", {"title": "Check", "guideID": guide_id(admin, "python-backend-senior.en")})["position"]
        candidate = admin.call("POST", "/api/v1/candidates", {"positionID": position["id"], "name": "Candidate", "contact": "c@check.example"})
        interview = admin.call("POST", "/api/v1/interviews", {"candidateID": candidate["id"], "scheduledAt": "2026-12-01T10:00", "interviewerIDs": [me["id"]]})
        actions = f"/api/v1/interviews/{interview['id']}/console/actions"
        view = admin.call("POST", actions, {"clientID": uuid.uuid4().hex, "type": "start"})["view"]
        while view["agenda"] == "talk":
            view = admin.call("POST", actions, {"clientID": uuid.uuid4().hex, "type": "moveOn"})["view"]
        question = view["question"]
        socket_path = actions.replace("/actions", "/socket")
        before = served_by(cluster, "/console/socket")
        sock, status, head = ws_open(port, socket_path, cookie, cluster.base)
        check(status == 101 and "upgrade" in head.lower(), f"console socket through nginx: {status} Switching Protocols")
        client_id = uuid.uuid4().hex
        ws_send(sock, json.dumps({"clientID": client_id, "type": "rate", "topic": question["topic"], "question": question["id"], "rating": 3}))
        answer = ws_receive(sock)
        check(answer.startswith('{"status":200') and '"accepted":true' in answer, f"a rating over the socket is answered: {answer[:60]}…")
        sock.close()
        spread = [a - b for a, b in zip(served_by(cluster, "/console/socket"), before)]
        stored = psql(args.database_url, f"SELECT count(*) FROM scorecard_events WHERE client_id = '{client_id}'")
        check(stored == "1", f"the rating is stored in PostgreSQL (instance logs mentioning the socket: {spread})")
        other = cluster.instance_ports[1] if spread[0] else cluster.instance_ports[0]
        status, _, data = request(other, "POST", actions, cookie=cookie, headers={"X-CSRF-Token": admin.csrf},
                                  body={"clientID": client_id, "type": "rate", "topic": question["topic"], "question": question["id"], "rating": 3})
        check(status == 200 and b'"duplicate":true' in data,
              f"the same action posted to the other instance (:{other}) is known there: {status}, duplicate")
        sock, status, _ = ws_open(port, socket_path, cookie, "http://evil.example")
        sock.close()
        check(status == 403, f"a socket opened by a page of another origin through nginx: {status}")
        sock, status, _ = ws_open(port, socket_path, "not-a-session", cluster.base)
        sock.close()
        check(status == 401, f"a socket opened without a session through nginx: {status}")
        # An instance leaves the connection of a refused upgrade open but reads nothing more on it; nginx
        # must not reuse it (deploy/nginx: the sockets' upstream has no keepalive). Reused, one of these
        # requests would wait 60 s.
        slowest = 0.0
        for _ in range(12):
            started = time.time()
            status, _, _ = request(port, "GET", "/api/v1/session", cookie=cookie)
            slowest = max(slowest, time.time() - started)
        check(slowest < 5, f"after refused upgrades, 12 requests through nginx: the slowest took {slowest:.2f} s")

        # Body limit: nginx refuses above 6 MB; below, the server answers.
        status, _, _ = request(port, "POST", "/api/v1/candidates", cookie=cookie, headers={"X-CSRF-Token": admin.csrf, "Content-Type": "application/json"},
                               body=b"{" + b" " * (7 * 1024 * 1024) + b"}")
        check(status == 413, f"a 7 MB body through nginx: {status} (refused by nginx)")
        status, headers, data = request(port, "POST", "/api/v1/candidates", cookie=cookie, headers={"X-CSRF-Token": admin.csrf, "Content-Type": "application/json"},
                                        body=b"{" + b" " * (5 * 1024 * 1024) + b"}")
        # The server's answer (its security headers on it): not nginx's 413.
        check(status != 413 and "Content-Security-Policy" in headers,
              f"a 5 MB body through nginx reaches the server: {status} {data[:80].decode(errors='replace')}")

        # /metrics: not through the proxy; straight from an instance on loopback (builds that have it).
        status, _, _ = request(port, "GET", "/metrics")
        check(status == 404, f"/metrics through nginx: {status}")
        status, _, data = request(cluster.instance_ports[0], "GET", "/metrics", headers={"Accept": "text/plain"})
        if status == 404:
            print("skip  /metrics straight from an instance: this build has no /metrics")
        else:
            check(status == 200 and b"interviewflow_" in data, f"/metrics straight from an instance on 127.0.0.1: {status}")

        # One instance stops: nginx sends everything to the other, the session still signs in.
        cluster.instances[0].terminate()
        cluster.instances[0].wait(timeout=70)
        statuses = [request(port, "GET", "/api/v1/session", cookie=cookie) for _ in range(6)]
        check(all(s == 200 and json.loads(d).get("user") for s, _, d in statuses),
              f"with the first instance stopped, 6 requests through nginx: all 200 and signed in ({[s for s, _, _ in statuses]})")
        status, _, _ = request(port, "GET", "/readyz")
        check(status == 200, f"/readyz through nginx with one instance left: {status}")
    finally:
        cluster.stop()
        drop_database(args.database_url)
        if args.keep:
            print("work folder kept: " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'all checks passed' if not failures else str(len(failures)) + ' FAILED'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
