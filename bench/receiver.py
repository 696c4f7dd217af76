#!/usr/bin/env python3
"""A receiver not written in Java, for bench/run.sh: how fast does an upload arrive, as the server sees it?

Python's standard library only. It accepts any POST or PUT, reads its Content-Length body in 1 MiB reads (no
parsing, no hashing) and records, per request, the time from its parsed headers to its last body byte. Every
upload is answered 200 with a CodeArts Req upload answer, so that worklink:attach counts it as uploaded.

    python3 bench/receiver.py [--port N] [--ready-file PATH]

  GET  /__receiver/record  the records since the last reset, a JSON array of
                           {"seq", "method", "path", "bodySize", "bodyNanos", "cpuNanos", "reads", "connection"}
                           (bodyNanos: from the parsed headers to the last body byte; cpuNanos: the CPU time
                           of the thread that read the body, in that time)
  POST /__receiver/reset   forgets them
  POST /__receiver/watch?pid=N  from now on, each record also has "clientThreadCpu": the CPU seconds (from /proc,
                           1/CLK_TCK resolution) each thread of process N used between the request's parsed headers
                           and its last byte (a diagnostic; without pid=, stops)

The ready file receives the URL (http://127.0.0.1:PORT) once it listens. It runs until killed.
"""

import argparse
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

READ = 1024 * 1024

records = []
lock = threading.Lock()
watched = {"pid": None}  # a client process whose threads' CPU time is recorded per request (diagnostics)
TICK = os.sysconf("SC_CLK_TCK")


def thread_cpu(pid):
    """CPU seconds per thread (by name and id) of a process, from /proc; empty when it is gone or not set."""
    cpu = {}
    if not pid:
        return cpu
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            try:
                with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                    stat = f.read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            cpu["%s/%s" % (name, tid)] = (int(fields[11]) + int(fields[12])) / TICK
    except OSError:
        pass
    return cpu


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the services
    server_version = "worklink-bench-receiver"

    def log_message(self, fmt, *args):  # quiet
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def do_GET(self):
        if self.path == "/__receiver/record":
            with lock:
                self.answer(200, list(records))
        else:
            self.answer(404, {"error_code": "RECEIVER.0404", "error_msg": "not here"})

    def do_POST(self):
        if self.path.startswith("/__receiver/watch"):
            self.drain()
            watched["pid"] = int(self.path.split("pid=")[1]) if "pid=" in self.path else None
            self.answer(200, {"status": "success"})
            return
        if self.path == "/__receiver/reset":
            self.drain()
            with lock:
                records.clear()
            self.answer(200, {"status": "success"})
            return
        # BaseHTTPRequestHandler has parsed the request line and the headers: the clock starts here.
        client = watched["pid"]
        client_before = thread_cpu(client)
        start, cpu = time.perf_counter_ns(), time.thread_time_ns()
        size, reads = self.drain()
        nanos, cpu = time.perf_counter_ns() - start, time.thread_time_ns() - cpu
        client_after = thread_cpu(client)
        record = {"seq": len(records) + 1, "method": self.command, "path": self.path, "bodySize": size,
                  "bodyNanos": nanos, "cpuNanos": cpu, "reads": reads, "connection": "%s:%d" % self.client_address[:2]}
        if client:
            busy = {t: round(c - client_before.get(t, 0), 2) for t, c in client_after.items() if c - client_before.get(t, 0) > 0}
            record["clientThreadCpu"] = dict(sorted(busy.items(), key=lambda e: -e[1]))
        with lock:
            records.append(record)
        self.answer(200, {"status": "success", "message": None, "result": [
            {"id": str(1000000 + len(records)), "workitem_id": "0", "filesize": size,
             "store_filename": "upload", "title": "upload", "progress": 100}]})

    do_PUT = do_POST

    def drain(self):
        """Reads the Content-Length body in 1 MiB reads; returns its size and the number of reads."""
        remaining = int(self.headers.get("Content-Length") or 0)
        size = reads = 0
        while remaining > 0:
            chunk = self.rfile.read(min(READ, remaining))
            reads += 1
            if not chunk:
                break
            size += len(chunk)
            remaining -= len(chunk)
        return size, reads


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--ready-file")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    url = "http://127.0.0.1:%d" % server.server_address[1]
    print("receiver listening on " + url, flush=True)
    if args.ready_file:
        tmp = args.ready_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(url + "\n")
        os.replace(tmp, args.ready_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
