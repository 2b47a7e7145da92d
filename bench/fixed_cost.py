"""What a request costs the server whatever its length: a one-word article, service vs wrapper.

    .venv/bin/python bench/fixed_cost.py [REQUESTS]

Starts the service and the plain reference wrapper (bench/reference_wrapper.py), one worker
each, and sends each the same one-word article REQUESTS times at concurrency 1, twice in
alternation: the full answer, entities only and `removed` only (no model at all) from the
service, `/ents` and `/echo` (no model: gunicorn and Flask alone) from the wrapper. It prints
the p50 latency and the server's CPU per request, user and system apart. The model's work is
nearly nothing here, so what shows is HTTP, the framework, the hand-off to the model thread,
normalization's and enrichment's fixed costs; the gap to the wrapper is the service's own
overhead, and `removed` beside `/echo` is what the service's own code adds to a request. One
server of each, so a difference of a few percent is this machine's noise (bench/fresh_servers.py
compares settings).
"""

import statistics
import sys

import orjson
from corpus import REPO
from load import post_all
from procs import user_and_system
from side_by_side import WRAPPER

sys.path.insert(0, str(REPO / "tests"))
from support.server import running_server  # noqa: E402

TEXT = "Hello."
WARM_UP = 50
ENV = {"MAX_REQUESTS": "0", "LOG_LEVEL": "warning"}


def main() -> None:
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    full = orjson.dumps({"id": "x", "text": TEXT})
    wrapper_env = {**ENV, "PYTHON": sys.executable, "REPO": str(REPO)}
    with (running_server(workers=1, env=wrapper_env, command=WRAPPER) as wrapper,
          running_server(workers=1, env=ENV) as service):
        targets = [("wrapper", wrapper, "/ents", full), ("wrapper /echo", wrapper, "/echo", full),
                   ("full", service, "/v1/enrich", full)]
        targets += [(section, service, "/v1/enrich", orjson.dumps(
            {"id": "x", "text": TEXT, "options": {"include": [section]}}))
            for section in ("entities", "removed")]
        print("| target | round | p50 ms | server CPU ms per request | user | system |\n"
              "|---|---:|---:|---:|---:|---:|")
        for round_ in (1, 2):
            for name, server, path, body in targets:
                post_all(server.url, path, [body] * WARM_UP, 1)
                user, system = user_and_system(server.process.pid)
                result = post_all(server.url, path, [body] * requests, 1)
                after = user_and_system(server.process.pid)
                user, system = after[0] - user, after[1] - system
                if result.failures:
                    raise RuntimeError(f"{result.failures} requests to {name} failed")
                p50 = statistics.median(result.latencies) * 1000
                each = 1000 / requests
                print(f"| {name} | {round_} | {p50:.2f} | {(user + system) * each:.2f} | "
                      f"{user * each:.2f} | {system * each:.2f} |")


if __name__ == "__main__":
    main()
