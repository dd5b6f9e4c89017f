"""Where commands write, and the rules that keep them from harming the user's files.

Every command that writes goes through this module:

- a file or folder output is refused when the folder it is to be written in does not exist
  (a typo in a path must not create folders: `-o /nonexistent/dir/x.json` would make
  /nonexistent/dir); a file output is refused when it is one of the command's inputs, lies
  inside an input folder, is a folder, or sits under something that is not a folder; it is written
  atomically (a temporary file beside it, then a rename), so a failure leaves it unchanged;
- a folder output is refused when it exists and holds anything that is not one of this
  project's own earlier outputs. An output folder is recognised by its manifest
  (:data:`MANIFEST`), which lists every file the command wrote. The new folder is built
  beside the target and swapped in only when it is complete; the old one is then removed
  file by file, and only the files its manifest lists. An interruption while the new folder is
  written removes it and leaves the old output as it was; one during the swap waits for the
  swap to finish (:mod:`ceasefire.interrupts`);
- a name that comes from the input (a document id) becomes a file name only if it is a
  plain name (:func:`safe_name`), and the joined path is checked to stay inside the folder.

Each refusal is an :class:`~ceasefire.schema.InputError` naming the path, the option and
what is allowed, which the command-line tools print as one line with exit code 2.
"""

from __future__ import annotations

import glob
import os
import re
import tempfile
from pathlib import Path
from typing import Iterable, Mapping

from ceasefire.interrupts import uninterrupted
from ceasefire.schema.json_schema import DOC_ID_PATTERN
from ceasefire.schema.problems import InputError, Location, Problem

#: The manifest an output folder carries: a header line, then one relative path per line.
MANIFEST = ".ceasefire-output"
_HEADER = "# written by ceasefire; files listed here may be replaced by the next run\n"
#: A name that may become a file or folder name: the document-id form of the record format
#: (no separators, no dot-only names, no spaces).
NAME_PATTERN = re.compile(DOC_ID_PATTERN.strip("^$"))


def _refuse(path, option: str, message: str, allowed: str | None = None) -> InputError:
    return InputError([Problem(Location(str(path)), None, option, message, has_value=False, allowed=allowed)])


def safe_name(name: object, *, what: str = "name") -> str:
    """``name`` if it may be used as one file name; raise :class:`InputError` otherwise."""
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise InputError([Problem(None, None, what, "cannot be used as a file name", name,
                                  "letters, digits, '.', '_' and '-', starting with a letter or digit")])
    return name


def _resolved(path: str | Path) -> Path:
    # realpath, so that a symbolic link to an input (or into an input folder) counts as that input
    return Path(os.path.realpath(os.path.expanduser(str(path))))


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


#: The outputs the running command has checked: a command that checked one was to write, and its
#: refusals say that nothing was written (``ceasefire._cli.print_problems``); a read-only one's do not.
_CHECKED: list[Path] = []


def forget_outputs() -> None:
    """Start a new command: no output checked yet."""
    _CHECKED.clear()


def checked_outputs() -> list[Path]:
    """The file and folder outputs the running command has checked so far."""
    return list(_CHECKED)


def check_parent(path: str | Path, *, option: str) -> Path:
    """Refuse an output whose folder does not exist or is no folder; return the resolved path.

    The folder is never created: a mistyped path is refused with one message naming it, before
    any work. The output itself (a file, or a new folder such as `build --out`) may be new."""
    out = _resolved(path)
    _CHECKED.append(out)
    if out.parent.is_dir():
        return out
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise _refuse(path, option, f"lies under {parent}, which is not a folder", "a path whose parent is a folder")
            break
    given = Path(os.path.expanduser(str(path))).parent
    raise _refuse(path, option, f"its folder {given} does not exist, and is not created",
                  f"a path in an existing folder (make it first: mkdir -p {given})")


def make_folder(path: str | Path, *, option: str) -> Path:
    """A folder to write a command's files into: made if new (its own folder must exist, see
    :func:`check_parent`), refused if it is a file."""
    out = check_parent(path, option=option)
    if out.exists() and not out.is_dir():
        raise _refuse(path, option, "is a file", "a folder path")
    try:
        out.mkdir(exist_ok=True)
    except OSError as exc:
        raise _refuse(path, option, f"cannot be created: {exc.strerror or exc}", "a writable folder path") from None
    return out


def check_output_file(path: str | Path, *, inputs: Iterable[str | Path] = (), option: str = "-o") -> Path:
    """Refuse an output file that would clobber an input or cannot be a file; return it."""
    out = check_parent(path, option=option)
    if out.is_dir():
        raise _refuse(path, option, "is a folder", "a file path")
    for given in inputs:
        if given is None:
            continue
        inp = _resolved(given)
        if out == inp or (out.exists() and inp.exists() and os.path.samefile(out, inp)):
            raise _refuse(path, option, "is also an input of this command; it would be overwritten", "a path that is not an input")
        if inp.is_dir() and _inside(out, inp):
            raise _refuse(path, option, f"lies inside the input folder {given}; it would be read as input next time",
                          "a path outside the input folders")
    return out


def write_file(path: str | Path, content: str, *, option: str = "-o") -> None:
    """Write ``content`` atomically; an OS error becomes one clear message."""
    from ceasefire.schema.records import atomic_write

    check_parent(path, option=option)
    try:
        atomic_write(path, content)
    except OSError as exc:
        raise _refuse(path, option, f"cannot be written: {exc.strerror or exc}", "a writable file path") from None
    note_leftovers(Path(path))


def leftovers(path: Path) -> list[Path]:
    """What an earlier write of ``path`` left beside it when it was killed with SIGKILL (which no
    program can catch or hold): its temporary and part files (`report`), or its staging and previous folders. Only
    names of the forms this module makes, and for folders only those with a manifest, are listed."""
    found = sorted(f for suffix in (".tmp", ".part") for f in path.parent.glob(f".{glob.escape(path.name)}.*{suffix}"))
    for kind in ("new", "old"):
        found += sorted(d for d in path.parent.glob(f".{glob.escape(path.name)}.{kind}-*") if (d / MANIFEST).is_file())
    return [f for f in found if not f.is_symlink()]


def note_leftovers(path: Path) -> None:
    """Say on stderr what :func:`leftovers` finds; nothing is read from it or removed (the user
    may want the earlier output an interrupted swap left in ``.NAME.old-*``)."""
    import sys

    found = leftovers(path)
    if found:
        print(f"note: beside {path}, an earlier run that was killed left {', '.join(f.name for f in found)}; "
              "no command reads them; remove them once you have checked them", file=sys.stderr)


def _manifest_files(folder: Path) -> list[str] | None:
    """The files listed in ``folder``'s manifest, or None if it has none."""
    marker = folder / MANIFEST
    if not marker.is_file():
        return None
    try:
        lines = marker.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return [ln for ln in lines if ln and not ln.startswith("#")]


def _all_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir()}


def check_output_folder(path: str | Path, *, inputs: Iterable[str | Path] = (), option: str = "-o") -> Path:
    """Refuse a folder output that is a file, holds or is held by an input, or holds foreign files."""
    out = _resolved(path)
    if out.exists() and not out.is_dir():
        raise _refuse(path, option, "is a file", "a folder path (new, empty, or an earlier output of this command)")
    check_parent(path, option=option)
    for given in inputs:
        if given is None:
            continue
        inp = _resolved(given)
        if _inside(inp, out) or _inside(out, inp):
            raise _refuse(path, option, f"overlaps the input {given}; writing it would replace the input",
                          "a folder that neither holds nor lies inside an input")
    if out.is_dir():
        present = _all_files(out)
        if present:
            listed = _manifest_files(out)
            if listed is None:
                raise _refuse(path, option, f"is a folder that holds {len(present)} file(s) this command did not write (no {MANIFEST} manifest)",
                              "a new or empty folder, or an earlier output of this command")
            foreign = sorted(present - set(listed) - {MANIFEST})
            if foreign:
                raise _refuse(path, option, f"holds files that its {MANIFEST} manifest does not list, e.g. {foreign[0]!r}",
                              "an earlier output of this command, unchanged but for the listed files")
    return out


def write_folder(path: str | Path, files: Mapping[str, str | bytes], *, inputs: Iterable[str | Path] = (), option: str = "-o") -> Path:
    """Write ``files`` (relative path -> content) as the folder ``path``, all or nothing."""
    out = check_output_folder(path, inputs=inputs, option=option)
    for rel in files:
        parts = rel.split("/")
        for part in parts:
            safe_name(part, what=f"output file {rel!r}")
        if rel == MANIFEST:
            raise ValueError(f"{MANIFEST} is reserved for the manifest")
    own = list(files) + [MANIFEST]
    staging: Path | None = None
    try:
        with uninterrupted():  # once made, the staging folder is known here, so that it is removed again
            staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
        _fill(staging, files, path, option)
    except BaseException as exc:  # an OS error, a name that escapes, or an interruption (Ctrl-C, kill)
        if staging is not None:
            with uninterrupted():
                _remove_own(staging, own)
        if isinstance(exc, OSError):
            what = "written" if staging is not None else "created"
            raise _refuse(path, option, f"cannot be {what}: {exc.strerror or exc}", "a writable folder path") from None
        raise
    with uninterrupted():  # the old output leaves and the new one arrives, or neither: never cut in half
        old: Path | None = None
        try:
            if out.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
                old.rmdir()
                out.rename(old)
            staging.rename(out)
        except OSError as exc:
            if old is not None and not out.exists():
                old.rename(out)  # put the earlier output back
                old = None
            _remove_own(staging, own)
            raise _refuse(path, option, f"cannot be written: {exc.strerror or exc}", "a writable folder path") from None
        if old is not None:
            _remove_own(old, (_manifest_files(old) or []) + [MANIFEST])
    note_leftovers(out)
    return out


def _fill(staging: Path, files: Mapping[str, str | bytes], path, option: str) -> None:
    """Write the files and the manifest into the staging folder."""
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    for rel, content in sorted(files.items()):
        target = staging / rel
        if staging not in target.resolve().parents:
            raise _refuse(path, option, f"would write {rel!r} outside the folder", "names inside the output folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8", newline="\n")
        else:
            target.write_bytes(content)
    (staging / MANIFEST).write_text(_HEADER + "".join(f"{rel}\n" for rel in sorted(files)), encoding="utf-8")


def _remove_own(folder: Path, listed: Iterable[str]) -> None:
    """Remove the listed files of a folder this module made, then its emptied folders."""
    for rel in listed:
        (folder / rel).unlink(missing_ok=True)
    for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        try:
            sub.rmdir()
        except OSError:
            pass
    try:
        folder.rmdir()
    except OSError:
        pass
