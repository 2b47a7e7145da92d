"""Where the model's matrix products run: numpy's BLAS, or the BLIS that thinc ships.

spaCy's dense layers multiply through thinc's NumpyOps, which calls the BLIS build of the `blis`
wheel. On this project's 2-core machines (AMD EPYC, AVX-512) those kernels are 3-10x slower than
numpy's OpenBLAS for the layers' shapes, and the model runs 1.3-1.4x faster per CPU-second on
numpy's (bench/matrix_backend.py, docs/performance.md). Only the rounding of the last bits can
differ: entities and parses were identical on every labelled page and example. Either way the
BLAS runs one thread: the workers are the parallelism, and a second thread per worker only
spins on a pod's cores.
"""

from spacy.language import Language
from thinc.api import NumpyOps, set_current_ops
from threadpoolctl import threadpool_limits


def use_backend(nlp: Language, backend: str) -> None:
    """Run every layer of `nlp` (and thinc's default for new ones) on `backend`'s products:
    "numpy" or "blis" (config.MATRIX_BACKENDS)."""
    threadpool_limits(limits=1, user_api="blas")  # process-wide, inherited by forked workers
    ops = NumpyOps(use_blis=backend == "blis")
    set_current_ops(ops)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if hasattr(model, "walk") else ():
            node.ops = ops
