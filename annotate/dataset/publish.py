"""`ceasefire-annotate publish`: push the dataset folder to the Hugging Face Hub."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .build import check, folder_files
from .card import NOT_CHECKED_OFFLINE, split_card, validate_metadata

TOKEN_VARIABLES = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN")


def check_folder(folder: Path) -> list[str]:
    """Problems that stop a publish: card metadata, manifest sums, files the manifest does not list."""
    problems = []
    readme = folder / "README.md"
    if not readme.exists():
        return [f"{folder}: no README.md (dataset card); run `ceasefire-annotate build` first"]
    files = {p.relative_to(folder).as_posix() for p in folder_files(folder)}
    try:
        meta, _ = split_card(readme.read_text(encoding="utf-8"))
    except ValueError as exc:
        return [f"{readme}: {exc}"]
    problems += validate_metadata(meta, files)
    sums_path = folder / "SHA256SUMS"
    if not sums_path.exists():
        problems.append(f"{folder}: no SHA256SUMS manifest")
    else:
        listed = {}
        for n, line in enumerate(sums_path.read_text(encoding="utf-8").splitlines(), 1):
            digest, _, rel = line.partition("  ")
            listed[rel] = digest
            if rel not in files:
                problems.append(f"{sums_path}:{n}: lists {rel!r}, which is not in the folder")
            elif hashlib.sha256((folder / rel).read_bytes()).hexdigest() != digest:
                problems.append(f"{sums_path}:{n}: sha256 of {rel!r} does not match the file (rebuild with `ceasefire-annotate build`)")
        for rel in sorted(files - set(listed) - {"README.md", "SHA256SUMS"}):
            problems.append(f"{folder / rel}: not listed in SHA256SUMS; allowed: only files the build wrote")
    return problems


def repo_id_problems(repo_id: str) -> list[str]:
    """The Hub's own rule for repository ids (huggingface_hub.utils.validate_repo_id), and a namespace."""
    from huggingface_hub.utils import HFValidationError, validate_repo_id

    allowed = "NAMESPACE/NAME, each starting with a letter or digit and made of letters, digits, '-', '_' and '.' (at most 96 characters, no '--' or '..')"
    try:
        validate_repo_id(repo_id)
    except HFValidationError as exc:
        return [f"--repo-id: {repo_id!r} is not a valid repository id ({str(exc).splitlines()[0]}); allowed: {allowed}"]
    if repo_id.count("/") != 1:
        return [f"--repo-id: {repo_id!r} has no namespace; allowed: {allowed}"]
    return []


def _token() -> str | None:
    return next((os.environ[v] for v in TOKEN_VARIABLES if os.environ.get(v)), None)


def publish(folder: Path, repo_id: str, *, dry_run: bool, schema, gold=None, out=print) -> list[str]:
    """Check the repo id, the folder and that it is what `build` writes now; then list the
    files, and unless ``dry_run`` check the token with the Hub and upload."""
    problems = repo_id_problems(repo_id) or check_folder(folder)
    if problems:
        return problems
    stale = check(folder, schema=schema, gold=gold)
    if stale:
        return stale + [f"{folder}: stale; run `ceasefire-annotate build` (or `build --check` to see this again)"]
    api = None
    if not dry_run:
        token = _token()
        if token is None:
            return [f"no token: set {' or '.join(TOKEN_VARIABLES)} (the token is read from the environment and never printed)"]
        from huggingface_hub import HfApi

        api = HfApi(token=token)
        api.whoami()  # a rejected token fails here, before anything is announced or uploaded
    files = folder_files(folder)
    out(f"{'would upload' if dry_run else 'uploading'} {len(files)} files to dataset repo {repo_id!r}:")
    for p in files:
        out(f"  {p.relative_to(folder).as_posix()}  {p.stat().st_size} bytes  sha256 {hashlib.sha256(p.read_bytes()).hexdigest()}")
    out("card metadata: valid against the value lists shipped with datasets and huggingface_hub")
    out(f"  ({NOT_CHECKED_OFFLINE})")
    out("folder: identical to what `ceasefire-annotate build` writes from the gold now")
    if dry_run:
        return []
    api.create_repo(repo_id, repo_type="dataset", exist_ok=True)
    api.upload_folder(folder_path=str(folder), repo_id=repo_id, repo_type="dataset",
                      allow_patterns=[p.relative_to(folder).as_posix() for p in files])
    out(f"published {repo_id}")
    return []
