"""`ceasefire-annotate publish`: push the dataset folder to the Hugging Face Hub."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .card import NOT_CHECKED_OFFLINE, split_card, validate_metadata

TOKEN_VARIABLES = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN")


def folder_files(folder: Path) -> list[Path]:
    """Every file that would be uploaded (hidden files and folders excluded)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


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


def publish(folder: Path, repo_id: str, *, dry_run: bool, out=print) -> list[str]:
    problems = check_folder(folder)
    if problems:
        return problems
    files = folder_files(folder)
    out(f"{'would upload' if dry_run else 'uploading'} {len(files)} files to dataset repo {repo_id!r}:")
    for p in files:
        out(f"  {p.relative_to(folder).as_posix()}  {p.stat().st_size} bytes  sha256 {hashlib.sha256(p.read_bytes()).hexdigest()}")
    out("card metadata: valid against the value lists shipped with datasets and huggingface_hub")
    out(f"  ({NOT_CHECKED_OFFLINE})")
    if dry_run:
        return []
    token = next((os.environ[v] for v in TOKEN_VARIABLES if os.environ.get(v)), None)
    if token is None:
        return [f"no token: set {' or '.join(TOKEN_VARIABLES)} (the token is read from the environment and never printed)"]
    from huggingface_hub import HfApi

    api = HfApi(token=token)
    api.create_repo(repo_id, repo_type="dataset", exist_ok=True)
    api.upload_folder(folder_path=str(folder), repo_id=repo_id, repo_type="dataset",
                      allow_patterns=[p.relative_to(folder).as_posix() for p in files])
    out(f"published {repo_id}")
    return []
