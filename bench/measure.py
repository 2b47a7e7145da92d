"""One measurement each: the raw model in-process, or the service over HTTP."""

import multiprocessing
import statistics
import time
from dataclasses import dataclass, field

import orjson
from load import post_all
from procs import cpu_seconds


@dataclass
class Measure:
    articles: int
    words: int
    wall: float  # seconds
    cpu: float  # CPU seconds: this process for raw runs, the gunicorn tree for the service
    latencies: list[float] = field(default_factory=list)

    def rate(self) -> float:
        return self.words / self.wall

    def articles_rate(self) -> float:
        return self.articles / self.wall

    def per_cpu(self) -> float:
        return self.words / self.cpu

    def ms(self, percentile: int) -> float:
        if len(self.latencies) < 2:
            return float("nan")
        cuts = statistics.quantiles(self.latencies, n=100, method="inclusive")
        return cuts[percentile - 1] * 1000


def raw_pipe(nlp, corpus, passes: int, batch_size: int, enable=None) -> Measure:
    """In-process nlp.pipe over the corpus: the model alone, no HTTP, no normalization."""
    texts = [a.text for a in corpus] * passes
    with nlp.select_pipes(enable=enable or nlp.pipe_names):
        wall, cpu = time.perf_counter(), time.process_time()
        with nlp.memory_zone():
            for _ in nlp.pipe(texts, batch_size=batch_size):
                pass
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return Measure(len(texts), sum(a.words for a in corpus) * passes, wall, cpu)


def raw_pipes_at_once(nlp, corpus, passes: int, batch_size: int, processes: int,
                      enable=None) -> Measure:
    """`processes` forked copies of raw_pipe started together: what the cores give the model
    at once, which is less than `processes` times one alone (shared caches, the machine's
    neighbours). Wall time runs from the start to the last copy's end; CPU is theirs, summed."""
    context = multiprocessing.get_context("fork")  # the loaded model, shared as the service's
    start, results = context.Barrier(processes + 1), context.SimpleQueue()

    def one() -> None:
        start.wait()
        results.put(raw_pipe(nlp, corpus, passes, batch_size, enable).cpu)

    children = [context.Process(target=one) for _ in range(processes)]
    for child in children:
        child.start()
    start.wait()
    wall = time.perf_counter()
    cpu = sum(results.get() for _ in children)
    wall = time.perf_counter() - wall
    for child in children:
        child.join()
    words = sum(a.words for a in corpus) * passes * processes
    return Measure(len(corpus) * passes * processes, words, wall, cpu)


def raw_each(nlp, corpus, enable=None) -> Measure:
    """One article per nlp.pipe call: the model's own time per article."""
    latencies = []
    with nlp.select_pipes(enable=enable or nlp.pipe_names):
        cpu = time.process_time()
        for article in corpus:
            started = time.perf_counter()
            with nlp.memory_zone():
                list(nlp.pipe([article.text]))
            latencies.append(time.perf_counter() - started)
        cpu = time.process_time() - cpu
    return Measure(len(corpus), sum(a.words for a in corpus), sum(latencies), cpu, latencies)


def served(
    server, path: str, bodies: list[bytes], corpus, passes: int, concurrency: int
) -> Measure:
    """Send every body once; CPU is the whole gunicorn tree's, sampled around the run."""
    cpu = cpu_seconds(server.process.pid)
    result = post_all(server.url, path, bodies, concurrency)
    cpu = cpu_seconds(server.process.pid) - cpu
    if result.failures:
        raise RuntimeError(f"{result.failures} requests to {path} failed")
    words = sum(a.words for a in corpus) * passes
    return Measure(len(corpus) * passes, words, result.wall, cpu, result.latencies)


def served_in_turn(targets: dict, corpus) -> dict[str, Measure]:
    """Concurrency 1, every target in turn for each article, so each article's requests are
    paired: measured within the same second, their latencies compare the targets, not the
    minutes (this shared machine's speed moves by 15% within minutes). `targets` maps a name to
    (server, path, bodies); the first target rotates with the article, so none always follows
    the same one. Latencies are in article order; CPU is the server tree's, per request, summed
    (10 ms ticks)."""
    names = list(targets)
    latencies: dict[str, list[float]] = {name: [] for name in names}
    cpu = dict.fromkeys(names, 0.0)
    for index in range(len(corpus)):
        for name in names[index % len(names) :] + names[: index % len(names)]:
            server, path, bodies = targets[name]
            before = cpu_seconds(server.process.pid)
            result = post_all(server.url, path, [bodies[index]], 1)
            cpu[name] += cpu_seconds(server.process.pid) - before
            if result.failures:
                raise RuntimeError(f"a request to {path} failed")
            latencies[name] += result.latencies
    words = sum(a.words for a in corpus)
    return {name: Measure(len(corpus), words, sum(latencies[name]), cpu[name], latencies[name])
            for name in names}


def single_bodies(corpus, passes: int, options: dict | None = None) -> list[bytes]:
    """One JSON body per article, as a caller would send it."""
    extra = {"options": options} if options else {}
    return [orjson.dumps({"id": a.name, "text": a.text, **extra}) for a in corpus] * passes


def batch_bodies(corpus, passes: int, size: int) -> list[bytes]:
    """The corpus `passes` times over, `size` documents per batch request."""
    documents = [{"id": a.name, "text": a.text} for a in corpus] * passes
    chunks = [documents[i : i + size] for i in range(0, len(documents), size)]
    return [orjson.dumps({"documents": chunk}) for chunk in chunks]
