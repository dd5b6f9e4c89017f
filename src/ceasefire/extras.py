"""Which optional extra provides which import, and the one message a command gives when it is
missing. The core install (``pip install ceasefire``) holds what scoring imports (PyYAML);
everything else is an extra of ``pyproject.toml``.

The message names one extra, the one to install for the command that was run: `build` and
`publish` take the 'build' extra (it pins datasets, pyarrow, huggingface_hub and NumPy, so that
a rebuild is byte-identical), `serve` the 'server' extra (the server, which brings the SDK);
elsewhere the extra of the missing module (``MODULE_EXTRA``)."""

from __future__ import annotations

import sys

#: extra -> what it is for, as the message says it
PURPOSE = {
    "stats": "confidence intervals (--bootstrap) and the paired tests of `compare`",
    "hf": "loading the Hugging Face dataset (`records`, ceasefire.score on a Dataset)",
    "build": "building the Hugging Face dataset with the pinned versions that make it byte-identical everywhere",
    "labelstudio": "the Label Studio SDK (exporting from a running server)",
    "server": "running the Label Studio server",
}

#: top-level module -> the extra that provides it. pip names differ from module names
#: (label_studio_sdk is label-studio-sdk), so the message gives the extra, not the package.
MODULE_EXTRA = {
    "numpy": "stats",
    **{m: "hf" for m in ("datasets", "pyarrow", "huggingface_hub")},
    "label_studio_sdk": "labelstudio",
    "label_studio": "server",
}

#: command -> the one extra that holds everything it needs, whichever module is missing
COMMAND_EXTRA = {"build": "build", "publish": "build", "serve": "server"}


def install_hint(extra: str) -> str:
    """How to install ``extra``, said the same way by every message that names one."""
    return f"Install the '{extra}' extra: pip install 'ceasefire[{extra}]' (from a checkout: pip install -e '.[{extra}]')"


def missing_extra(exc: ModuleNotFoundError, command: str | None = None) -> str | None:
    """The message for a missing optional import, or None when ``exc`` is not one of them."""
    top = (exc.name or "").split(".")[0]
    if top not in MODULE_EXTRA:
        return None
    extra = COMMAND_EXTRA.get(command or "", MODULE_EXTRA[top])
    what = f"`{command}`" if command else "this"
    return f"error: {what} needs {top}, for {PURPOSE[extra]}; the core install leaves it out. {install_hint(extra)}"


def report_missing_extra(exc: ModuleNotFoundError, command: str | None = None) -> int:
    """Print the one-line message and return exit code 2; re-raise what is no optional import."""
    message = missing_extra(exc, command)
    if message is None:
        raise exc
    print(message, file=sys.stderr)
    return 2
