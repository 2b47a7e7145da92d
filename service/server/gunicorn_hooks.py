"""What gunicorn does before Flask runs: its own error answers, and timeouts on client sockets."""

import socket
import struct

import orjson
from gunicorn import util

from ..app.errors import PROBLEM_JSON, problem_body
from ..observability.logs import new_request_id


def write_problem(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's answer to a request it cannot parse, as problem+json instead of an HTML page."""
    request_id = new_request_id()
    body = orjson.dumps(problem_body(status_int, reason, mesg or reason, request_id=request_id))
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
        f"Content-Type: {PROBLEM_JSON}\r\nContent-Length: {len(body)}\r\n"
        f"X-Request-ID: {request_id}\r\n\r\n"
    )
    # Imported on use: this module loads with the gunicorn config, before any app or metric.
    from ..observability.metrics import count_server_answer

    # Counted before it is sent: a client that has the answer and scrapes /metrics at once
    # (from another worker) must find it counted.
    count_server_answer(status_int)
    util.write_nonblock(sock, head.encode("latin-1") + body)


def use_problem_json() -> None:
    """Route gunicorn's error pages (400, 414, 431, 501, ...) through write_problem."""
    util.write_error = write_problem


def set_client_timeouts(listeners, seconds: int) -> None:
    """A blocking read or write on a client that stalls fails after `seconds` instead of never.

    Accepted sockets inherit SO_RCVTIMEO/SO_SNDTIMEO from the listening socket (Linux), so a
    client that stops mid-headers or mid-body frees its worker thread after this long.
    """
    value = struct.pack("ll", seconds, 0)
    for listener in listeners:
        listener.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, value)
        listener.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, value)
