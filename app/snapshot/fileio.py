"""Writing and reading snapshot files: atomic, bounded, and safe against whatever sits at the path.

``save`` writes a temp file beside the target, fsyncs and renames it over, keeping an existing
file's mode (and owner, as root); it refuses targets that are not regular files and writes
through a symlink to its target, never replacing the link. ``load`` refuses anything that is not
a regular file before reading a byte (a FIFO would block forever), and bounds the work of
parsing by the file's size before a single JSON value is built. JSON only: never pickle, never
eval.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from app.filesummary import KEEP, MAX_PATH
from app.jsonread import Strict
from app.snapshot.schema import (
    MAX_FILE_BYTES,
    MAX_HISTORY_LISTS,
    MAX_HISTORY_ROWS,
    MAX_LISTS,
    MAX_PROCESSES,
    MAX_ZONES,
    Snapshot,
    SnapshotError,
)

_STRICT = Strict(SnapshotError)

# Upper bounds on what a well-formed snapshot can hold, counted in the raw bytes before parsing so
# that a hostile file is refused before it costs memory (json builds every value of a document).
# The file summary may list up to 10 × KEEP files (FileSummary.from_json's cap), each an object of
# two fields ("path", "cached_bytes"): one container, two separators and three texts per file.
MAX_SUMMARY_FILES = 10 * KEEP
# Containers: one object per process, list, part, zone and summarised file, one array per column
# and zone.
MAX_CONTAINERS = MAX_PROCESSES + MAX_LISTS * (MAX_LISTS + 1) + 2 * MAX_ZONES + MAX_SUMMARY_FILES + 1024
# Separators (a comma per value after the first of each container): history cells, process
# fields, block counts, details, census, summarised files — every figure a maximal snapshot can
# have, with room.
MAX_SEPARATORS = (
    MAX_HISTORY_ROWS * (3 + MAX_HISTORY_LISTS) + MAX_PROCESSES * 12 + 2 * MAX_SUMMARY_FILES + 200_000
)
# Texts: keys and names (eleven per process at most), list, detail and census keys, the summarised
# files' keys and paths, with room.
MAX_QUOTES = 2 * (MAX_PROCESSES * 12 + 3 * MAX_SUMMARY_FILES + 10_000)
# Names are at most 200 characters; a summarised file's path is at most MAX_PATH characters (4 bytes
# each in UTF-8 at most): a quote followed by more bytes than that without a quote, escape, comma or
# bracket is a giant text, refused unbuilt.
MAX_RUN_BYTES = 4 * MAX_PATH + 1
_RUN_ENDS = tuple(bytes([b]) for b in b'"\\,[]{}')
# A giant text holds no quote for MAX_RUN_BYTES bytes, so it holds a whole block of this size at a
# multiple of it: only the last quote before a block without one can open a giant text (a real
# snapshot has over a million quotes: looking after each cost more than the rest of the checks).
_QUOTELESS_BLOCK = (MAX_RUN_BYTES + 1) // 2
# The document is read for texts a MiB at a time (a chunk never ends inside a run of backslashes).
CHUNK_BYTES = 1 << 20
_NOT_BACKSLASH = re.compile(rb"[^\\]")
# Every byte but the quote and the three the counts look at: deleted before a chunk is split on its
# quotes, so that most pieces are empty or one byte long (Python keeps those: no object is built).
_NOT_COUNTED = bytes(sorted(set(range(256)) - set(b'"{[,')))

# Characters beyond U+FFFF (emoji) take 4 bytes per character in a Python text — and every other
# character of the same text too. They are written as JSON escapes before decoding, so a document
# holding one costs no more than one without; a real snapshot has a few, in names.
MAX_ASTRAL = 10_000
_ASTRAL = re.compile(rb"[\xf0-\xf4][\x80-\xbf]{3}")
_NOT_ASTRAL_LEAD = bytes(sorted(set(range(256)) - set(range(0xF0, 0xF5))))

TEMP_MARK = ".ramlens."  # in every temp file name save creates: what clean-up may remove
STALE_AFTER = 3600.0  # seconds: a save takes well under this; an older temp file was abandoned
_TEMP_NAME = re.compile(r"^\..+\.ramlens\.[A-Za-z0-9_]{8}\.tmp$")


def display_name(path: str | os.PathLike[str]) -> str:
    """The name to quote in a message: the file name, or the whole path when it has none ("/")."""
    return Path(path).name or str(path) or "(empty name)"


def save(path: str | os.PathLike[str], snapshot: Snapshot) -> None:
    """Write ``snapshot`` to ``path`` atomically: a temp file beside it, fsync, then rename over.

    A crash or a full disk leaves either the old file or the new one, never half of either; temp
    files an earlier crash left in that folder are removed once stale. Raises OSError (with a
    reason for a person) when the target is not a regular file or the folder is not writable.
    """
    if "\0" in os.fspath(path):
        raise OSError(f"{display_name(path)} is not a valid file name")
    target = _resolve_target(Path(path))
    existing = _existing_regular(target)
    _remove_stale_temps(target.parent)
    text = dumps(snapshot)
    try:  # never write what load would refuse (e.g. a reading with an absurd total)
        _parse(_checked_text(text.encode("utf-8")))
    except SnapshotError as exc:
        raise OSError(f"this reading is not a valid snapshot, nothing was written: {exc}") from None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}", suffix=".tmp", dir=target.parent)
    try:
        if existing is not None:
            os.fchmod(fd, stat.S_IMODE(existing.st_mode))
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                os.fchown(fd, existing.st_uid, existing.st_gid)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def dumps(snapshot: Snapshot) -> str:
    """The text ``save`` writes: compact JSON, non-ASCII characters as they are, no NaN."""
    return json.dumps(snapshot.to_json(), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _resolve_target(target: Path) -> Path:
    """Where the bytes go: a symlink's final target (the link itself stays), else the path."""
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target.parent.resolve() / target.name if target.name else target


def _existing_regular(target: Path) -> os.stat_result | None:
    """The stat of the file being replaced; None when there is none; OSError when it is not a file."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        raise OSError(
            f"{display_name(target)} is {_kind(st.st_mode)}, not a regular file: "
            "a snapshot only replaces a file; choose another name"
        )
    return st


def _remove_stale_temps(folder: Path) -> None:
    """Remove temp files an interrupted save of this program left here, once clearly abandoned."""
    now = time.time()
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # the save itself will report the folder's problem
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if (
                stat.S_ISREG(st.st_mode)
                and now - st.st_mtime > STALE_AFTER
                and (uid is None or st.st_uid == uid)
            ):
                os.unlink(entry.path)
        except OSError:
            continue  # gone already or not ours to remove: the save goes on


def load(path: str | os.PathLike[str]) -> Snapshot:
    """Read and strictly validate a snapshot; SnapshotError with a clear sentence on anything wrong."""
    name = display_name(path)
    raw = _read_regular(path, name)
    try:
        text = _checked_text(raw)
        del raw  # the text replaces the bytes: never hold both while parsing
        return _parse(text)
    except SnapshotError as exc:
        raise SnapshotError(f"{name}: {exc}") from None


def loads(raw: bytes | str) -> Snapshot:
    """Parse a snapshot from bytes or text; SnapshotError on anything wrong."""
    if isinstance(raw, str):
        if len(raw) > MAX_FILE_BYTES:
            raise SnapshotError(_too_big("the document", len(raw)))
        raw = raw.encode("utf-8", "surrogatepass")
    return _parse(_checked_text(raw))


def _read_regular(path: str | os.PathLike[str], name: str) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; refuses FIFOs, devices, sockets, folders.

    Opened non-blocking so that opening a FIFO with no writer returns at once; the type is checked
    on the open descriptor, so a swap between a check and the open cannot slip through.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)  # neither exists on Windows
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise SnapshotError(f"{name} does not exist") from None
    except IsADirectoryError:
        raise SnapshotError(f"{name} is a folder, not a snapshot file") from None
    except OSError as exc:
        raise SnapshotError(f"{name} cannot be read: {exc.strerror or exc}") from None
    except ValueError:  # a NUL character: no file can have this name
        raise SnapshotError(f"{name} is not a valid file name") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise SnapshotError(f"{name} is a folder, not a snapshot file")
        if not stat.S_ISREG(st.st_mode):
            raise SnapshotError(f"{name} is {_kind(st.st_mode)}, not a snapshot file")
        if st.st_size > MAX_FILE_BYTES:
            raise SnapshotError(_too_big(name, st.st_size))
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(MAX_FILE_BYTES + 1)  # the size can change under us: never trust fstat alone
    except OSError as exc:
        raise SnapshotError(f"{name} cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        raise SnapshotError(_too_big(name, len(raw)))
    return raw


def _checked_text(raw: bytes) -> str:
    """The document as text, after checks that bound what parsing it can cost."""
    if len(raw) > MAX_FILE_BYTES:
        raise SnapshotError(_too_big("the document", len(raw)))
    if not raw or raw.isspace():  # not raw.strip(): that copies a document ending in a newline
        raise SnapshotError("not a snapshot: the file is empty")
    too_many = _too_many_values(raw)
    if too_many:
        raise SnapshotError(f"not a snapshot: it holds {too_many}")
    # One pass, and none for a document of ASCII only (most are: names are the few exceptions).
    astral = 0 if raw.isascii() else len(raw.translate(None, _NOT_ASTRAL_LEAD))
    if astral > MAX_ASTRAL:
        raise SnapshotError(f"not a snapshot: it holds {astral:,} emoji-range characters; a snapshot has few")
    if astral:
        raw = _ASTRAL.sub(_json_escape, raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SnapshotError("not a snapshot: the file is not UTF-8 text (binary or corrupt)") from None


def _too_many_values(raw: bytes) -> str:
    """What makes ``raw`` hold more than any snapshot can ("" when nothing does), from counts of its
    bytes: a few passes in C, no value built. Braces and commas inside texts (a process may be
    called "a,{b}") are subtracted, only when the quick count is over a cap."""
    quotes = raw.count(b'"')
    if quotes > MAX_QUOTES:
        return f"{quotes // 2:,} texts; a snapshot has at most {MAX_QUOTES // 2:,}"
    if _has_giant_text(raw):
        longest = f"{MAX_PATH:,} characters"
        return f"a text longer than {MAX_RUN_BYTES:,} bytes; a snapshot's texts are {longest} at most"
    containers = raw.count(b"{") + raw.count(b"[")
    in_texts = None  # (containers, separators) inside texts, counted only when needed
    if containers > MAX_CONTAINERS:
        in_texts = specials_in_texts(raw)
        containers -= in_texts[0]
        if containers > MAX_CONTAINERS:  # refused: the commas need no count
            return f"{containers:,} objects and arrays; a snapshot has at most {MAX_CONTAINERS:,}"
    separators = raw.count(b",")
    if separators > MAX_SEPARATORS:
        separators -= (in_texts or specials_in_texts(raw))[1]
        if separators > MAX_SEPARATORS:
            return f"{separators:,} values; a snapshot has at most {MAX_SEPARATORS:,}"
    return ""


def _has_giant_text(raw: bytes) -> bool:
    """Whether a quote in ``raw`` is followed by MAX_RUN_BYTES bytes, none of them a quote, backslash,
    comma, bracket or brace."""
    after_quoteless = False  # whether the block before this one held no quote either
    for start in range(0, len(raw), _QUOTELESS_BLOCK):
        if raw.find(b'"', start, start + _QUOTELESS_BLOCK) >= 0:
            after_quoteless = False
            continue
        if after_quoteless:  # the same last quote as for the block before: tried already
            continue
        after_quoteless = True
        quote = raw.rfind(b'"', 0, start)
        end = quote + 1 + MAX_RUN_BYTES
        # a search per byte (memchr), not one regex stepping through the bytes: 20× quicker here
        if quote >= 0 and end <= len(raw) and all(raw.find(b, quote + 1, end) < 0 for b in _RUN_ENDS):
            return True
    return False


def specials_in_texts(raw: bytes, chunk_bytes: int = CHUNK_BYTES) -> tuple[int, int]:
    """How many braces and brackets, and how many commas, sit inside the JSON texts of ``raw``.

    Whole-chunk operations in C, not a Python step per text (a snapshot may hold a million): in each
    chunk the escapes ``\\\\`` and ``\\"`` become two neutral bytes, so every quote left opens or closes
    a text, and the pieces between quotes alternate outside and inside. Up to the first place where
    the bytes are not valid JSON this reads texts exactly as json does; past it, json stops, so the
    counts never let through more values than json would build.
    """
    containers = separators = 0
    inside = False  # whether the chunk starts inside a text
    start = 0
    while start < len(raw):
        end = start + chunk_bytes
        if raw[end - 1 : end] == b"\\":  # keep a run of backslashes and the byte it escapes together
            escaped = _NOT_BACKSLASH.search(raw, end)
            end = len(raw) if escaped is None else escaped.end()
        if raw.find(b'"', start, end) < 0:  # all of it outside texts, or all inside one: no copy needed
            if inside:
                containers += raw.count(b"{", start, end) + raw.count(b"[", start, end)
                separators += raw.count(b",", start, end)
            start = end
            continue
        chunk = raw[start:end]
        if b"\\" in chunk:
            chunk = chunk.replace(b"\\\\", b"__").replace(b'\\"', b"__")
        pieces = chunk.translate(None, _NOT_COUNTED).split(b'"')
        texts = b"".join(pieces[0 if inside else 1 :: 2])
        containers += texts.count(b"{") + texts.count(b"[")
        separators += texts.count(b",")
        inside ^= len(pieces) % 2 == 0  # an odd number of quotes in the chunk
        start = end
    return containers, separators


def _json_escape(match: re.Match[bytes]) -> bytes:
    """One 4-byte UTF-8 character as the JSON escape of its UTF-16 surrogate pair (kept when invalid)."""
    try:
        code = ord(match.group().decode("utf-8")) - 0x10000
    except UnicodeDecodeError:
        return match.group()  # decoding the whole text then refuses it
    return b"\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))


def _parse(text: str) -> Snapshot:
    with _no_cycle_collection():
        try:
            data = _STRICT.parse(text)
        except SnapshotError as exc:
            raise SnapshotError(f"not a snapshot: {exc}") from None
        return Snapshot.from_json(data)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: parsing a large snapshot builds millions of objects, none in
    a cycle, and the collector would walk all those built so far again and again (a quarter of the
    time to open the largest snapshot). Freed memory is freed as before: that is reference counting."""
    if not gc.isenabled():  # paused already (another load on another thread): left to that one
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _kind(mode: int) -> str:
    """What a non-regular file is, for a message."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable where the OS can open and sync a directory (POSIX; not Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _too_big(name: str, size: int) -> str:
    return f"{name} is {size / 2**20:.0f} MiB; a snapshot is at most {MAX_FILE_BYTES // 2**20} MiB"
