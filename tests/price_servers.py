"""A local HTTP server on 127.0.0.1 serving price files (bytes) by path, with scripted failures:
an HTTP status for a path, or a body cut short (a truncated download)."""
from __future__ import annotations

from urllib.parse import urlsplit

from local_http import LocalServer, QuietHandler


class FileServer(LocalServer):
    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = dict(files)
        self.status: dict[str, int] = {}  # path -> HTTP status to answer instead
        self.requests: list[str] = []
        server = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                path = urlsplit(self.path).path
                query = urlsplit(self.path).query
                key = f"{path}?{query}" if f"{path}?{query}" in server.files else path
                server.requests.append(self.path)
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
                self.wfile.write(body)

        self.serve(Handler)

