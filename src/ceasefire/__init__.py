"""Ceasefire: a gold-annotated news IE benchmark and its scorer.

The import package maps the repository's top-level folders:
``ceasefire.schema`` (schema/), ``ceasefire.annotate`` (annotate/),
``ceasefire.eval`` (eval/), ``ceasefire.data`` (data/) and ``ceasefire.baselines``
(baselines/). Imports go one way: schema <- eval <- annotate.
"""

__version__ = "0.1.0"
