"""A worker's one model thread: it runs the requests waiting for it, several in one pass if it can.

When single-document requests with the same sections are waiting together, the thread takes
them all (up to the token budget) and runs them through one Pipeline.run, as a batch request
would: one nlp.pipe pass, minibatched, which costs the model less per word than one document
at a time (two documents already get nearly all of it: bench/minibatch_curve.py). With `gather`
set it may hold a pass open, at most that long, for a request on its way: one whose connection
the worker has taken and is reading (occupancy.arriving), or, right after a shared pass, the
next one its callers send. Under load the callers of a shared pass send again together, so
passes stay shared; at concurrency 1 no pass is ever shared and nothing is ever held. The
results are the same as running each alone (tests/test_coalesce.py compares them on the
fixture articles). Each request keeps its own answer, error, wait timeout and metrics:
observers are told of each request in its own context, with the stage times of the pass it
was part of, and if the shared pass fails, each request is run again alone.
"""

import collections
import contextvars
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field

from prometheus_client import Histogram

from ..pipeline.budget import estimate_tokens
from ..pipeline.nlp import components_for, share_backend
from . import occupancy

_POLL = 0.0005  # seconds between looks at what is arriving while a pass is held open
PASS_REQUESTS = Histogram(
    "enrich_model_pass_requests",
    "Requests answered by each pass of the model: more than one when they shared it.",
    buckets=(1, 2, 3, 4, 8, 16),
)


@dataclass
class Job:
    """One request's articles, its context (Flask g, request id) and its answer to come."""

    articles: list
    context: contextvars.Context
    future: Future = field(default_factory=Future)
    started: threading.Event = field(default_factory=threading.Event)
    tokens: int | None = None  # estimated, once a pass needs the count


class ModelThread:
    """A queue of jobs and the one thread that runs them."""

    def __init__(self, pipeline, token_budget: int, gather: float = 0.0, group: int = 2) -> None:
        self.pipeline = pipeline
        self.token_budget = token_budget  # 0: every job runs alone
        self.gather = gather if token_budget else 0.0  # seconds a pass may be held open
        self.group = group  # requests a held pass waits for
        self._shared = False  # whether the last pass was shared
        self._jobs: collections.deque[Job] = collections.deque()
        self._ready = threading.Condition()
        threading.Thread(target=self._serve, name="model", daemon=True).start()

    def submit(self, articles: list, context: contextvars.Context) -> Job:
        """Queue the articles; the job's `started` is set once the model takes them."""
        share_backend(context)
        job = Job(articles, context)
        with self._ready:
            self._jobs.append(job)
            occupancy.settled()  # under the lock: a held pass sees the job before it stops arriving
            self._ready.notify()
        return job

    def _serve(self) -> None:
        while True:
            jobs = [job for job in self._take() if job.future.set_running_or_notify_cancel()]
            for job in jobs:
                job.started.set()
            self._shared = len(jobs) > 1
            if jobs:
                PASS_REQUESTS.observe(len(jobs))
            if len(jobs) == 1:
                _run_alone(self.pipeline, jobs[0])
            elif jobs:
                self._run_together(jobs)

    def _take(self) -> list[Job]:
        """The first job, and the waiting ones that can share its pass within the budget."""
        with self._ready:
            while not self._jobs:
                self._ready.wait()
            if self.gather and len(self._jobs[0].articles) == 1:
                self._hold_open()
            first = self._jobs.popleft()
            if not self.token_budget or len(first.articles) != 1 or not self._jobs:
                return [first]  # nothing to share with: no token count needed
            taken = [first]
            sections = components_for(first.articles[0].options.include)
            kept = collections.deque()
            while self._jobs:
                job = self._jobs.popleft()
                if (
                    len(job.articles) == 1
                    and components_for(job.articles[0].options.include) == sections
                    and self._fits([*taken, job])
                ):
                    taken.append(job)
                else:
                    kept.append(job)
            self._jobs.extendleft(reversed(kept))  # the rest keep their order
        return taken

    def _hold_open(self) -> None:
        """Wait, at most `gather` seconds, until the pass has `group` requests, or has a partner
        and nothing more is arriving, or has none and, after a pass that ran alone, none is
        arriving. Called with the lock held; the accept loop takes connections meanwhile."""
        deadline = time.monotonic() + self.gather
        while (remaining := deadline - time.monotonic()) > 0:
            partners = len(self._jobs) - 1
            coming = occupancy.arriving()
            if partners + 1 >= self.group or not coming and (partners or not self._shared):
                break
            occupancy.want(max(0, self.group - 1 - partners - coming))
            self._ready.wait(min(remaining, _POLL))
        occupancy.want(0)

    def _fits(self, jobs: list[Job]) -> bool:
        """Whether the jobs' texts fit one pass's token budget. Characters first: no token is
        shorter than one, so when they fit, the tokens do, and most passes count none."""
        if sum(len(job.articles[0].text) for job in jobs) <= self.token_budget:
            return True
        return sum(map(self._tokens, jobs)) <= self.token_budget

    def _tokens(self, job: Job) -> int:
        if job.tokens is None:
            unspaced = self.pipeline.bounds.unspaced_chars
            job.tokens = sum(estimate_tokens(article.text, unspaced) for article in job.articles)
        return job.tokens

    def _run_together(self, jobs: list[Job]) -> None:
        articles = [job.articles[0] for job in jobs]
        try:
            results, timings = self.pipeline.run_timed(articles, observe=False)
        except Exception:  # noqa: BLE001 - whose request it was is unknown: each runs alone
            for job in jobs:
                _run_alone(self.pipeline, job)
            return
        for job, result in zip(jobs, results, strict=True):
            try:
                job.context.run(_observe, self.pipeline, job.articles, [result], timings)
            except Exception as error:  # noqa: BLE001 - the request's own error
                job.future.set_exception(error)
                continue
            job.future.set_result([result])


def _run_alone(pipeline, job: Job) -> None:
    try:
        job.future.set_result(job.context.run(pipeline.run, job.articles))
    except BaseException as error:  # noqa: BLE001 - handed to the request's thread
        job.future.set_exception(error)


def _observe(pipeline, articles, results, timings) -> None:
    for observe in pipeline.observers:
        observe(articles, results, timings)
