"""A local HTTP server on 127.0.0.1 serving price files (bytes) by path, with scripted failures:
an HTTP status for a path, a body cut short (a truncated download), and hostile answers: a
redirect, an endless body, a body dripped a byte at a time, or an answer held until released."""
from __future__ import annotations

import threading
import time
from urllib.parse import urlsplit

from local_http import LocalServer, QuietHandler


class FileServer(LocalServer):
    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = dict(files)
        self.status: dict[str, int] = {}  # path -> HTTP status to answer instead
        self.redirect: dict[str, str] = {}  # path -> Location of a 302
        self.endless: set[str] = set()  # paths answered with an endless body (no Content-Length)
        self.drip: dict[str, float] = {}  # path -> seconds between the bytes of its body
        self.hold: dict[str, threading.Event] = {}  # path -> answered only once the event is set
        self.requests: list[str] = []
        server = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                path = urlsplit(self.path).path
                query = urlsplit(self.path).query
                key = f"{path}?{query}" if f"{path}?{query}" in server.files else path
                server.requests.append(self.path)
                if key in server.hold:
                    server.hold[key].wait(60)
                if key in server.redirect:
                    self.send_response(302)
                    self.send_header("Location", server.redirect[key])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if key in server.endless:
                    self.send_response(200)
                    self.end_headers()
                    try:
                        while True:
                            self.wfile.write(b" " * 65536)
                    except OSError:
                        return
                status = server.status.get(key)
                body = server.files.get(key)
                if status or body is None:
                    self.send_response(status or 404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    if key in server.drip:
                        for i in range(len(body)):
                            self.wfile.write(body[i:i + 1])
                            self.wfile.flush()
                            time.sleep(server.drip[key])
                    else:
                        self.wfile.write(body)
                except OSError:
                    return

        self.serve(Handler)
