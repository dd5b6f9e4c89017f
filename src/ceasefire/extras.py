"""Which optional extra provides which import, and the one message a command gives when it is
missing. The core install (``pip install ceasefire``) holds what scoring imports (PyYAML);
everything else is an extra of ``pyproject.toml``."""

from __future__ import annotations

import sys

#: top-level module -> (extra, what needs it). pip names differ from module names
#: (label_studio_sdk is label-studio-sdk), so the message gives the extra, not the package.
EXTRA_OF = {
    "numpy": ("stats", "confidence intervals (--bootstrap) and the paired tests of `compare`"),
    **{m: ("hf", "the Hugging Face dataset (loading and converting it; `build`, which must write the same bytes "
                 "everywhere, wants the 'build' extra, which pins these)") for m in ("datasets", "pyarrow", "huggingface_hub")},
    "label_studio_sdk": ("labelstudio", "the Label Studio configuration, tasks and export"),
    "label_studio": ("server", "the Label Studio server"),
}


def missing_extra(exc: ModuleNotFoundError) -> str | None:
    """The message for a missing optional import, or None when ``exc`` is not one of them."""
    top = (exc.name or "").split(".")[0]
    if top not in EXTRA_OF:
        return None
    extra, purpose = EXTRA_OF[top]
    return (f"error: this command needs {top}, for {purpose}; the core install leaves it out. "
            f"Install the '{extra}' extra: pip install 'ceasefire[{extra}]' (from a checkout: pip install -e '.[{extra}]')")


def report_missing_extra(exc: ModuleNotFoundError) -> int:
    """Print the one-line message and return exit code 2; re-raise what is no optional import."""
    message = missing_extra(exc)
    if message is None:
        raise exc
    print(message, file=sys.stderr)
    return 2
