"""Ceasefire: a gold-annotated news IE benchmark and its scorer.

The Python API (``ceasefire.score``, ``ceasefire.validate``, ``ceasefire.load_gold``;
:mod:`ceasefire.api`) does what ``ceasefire-eval`` does, on records in memory, files or a
``datasets.Dataset``.

The import package maps the repository's top-level folders:
``ceasefire.schema`` (schema/), ``ceasefire.annotate`` (annotate/),
``ceasefire.eval`` (eval/), ``ceasefire.data`` (data/) and ``ceasefire.baselines``
(baselines/). Imports go one way: schema <- eval <- annotate.
"""

__version__ = "0.1.0"

__all__ = ["score", "validate", "load_gold", "InputError", "__version__"]


def __getattr__(name: str):
    # loaded on first use: every ceasefire.* import runs this file, and most need no scorer
    if name in ("score", "validate", "load_gold"):
        from . import api

        return getattr(api, name)
    if name == "InputError":
        from .schema import InputError

        return InputError
    raise AttributeError(f"module 'ceasefire' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
