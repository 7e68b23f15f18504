"""The physical-page census: the classifier, the chunked reader on synthetic files, and the live machine."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import pagecensus
from app.backends.base import BackendError
from app.backends.linux import census as c
from tests.live_census import MiB, needs_root, quiet_census
from tests.nobody import needs_nobody, run_python_as_nobody

# The KPF bit numbers as the kernel defines them, written out here rather than taken from the module, so a
# wrong number in the module's table fails. Source: torvalds/linux include/uapi/linux/kernel-page-flags.h
# (bits 0–26, the stable ABI) and include/linux/kernel-page-flags.h (32 and up, "kernel hacking assistances").
# Bit 34 was KPF_MAPPEDTODISK and is KPF_OWNER_2 in newer kernels (the module keeps the older name).
KERNEL_KPF: dict[str, int] = {
    "LOCKED": 0,
    "ERROR": 1,
    "REFERENCED": 2,
    "UPTODATE": 3,
    "DIRTY": 4,
    "LRU": 5,
    "ACTIVE": 6,
    "SLAB": 7,
    "WRITEBACK": 8,
    "RECLAIM": 9,
    "BUDDY": 10,
    "MMAP": 11,
    "ANON": 12,
    "SWAPCACHE": 13,
    "SWAPBACKED": 14,
    "COMPOUND_HEAD": 15,
    "COMPOUND_TAIL": 16,
    "HUGE": 17,
    "UNEVICTABLE": 18,
    "HWPOISON": 19,
    "NOPAGE": 20,
    "KSM": 21,
    "THP": 22,
    "OFFLINE": 23,
    "ZERO_PAGE": 24,
    "IDLE": 25,
    "PGTABLE": 26,
    "RESERVED": 32,
    "MLOCKED": 33,
    "MAPPEDTODISK": 34,
    "PRIVATE": 35,
    "PRIVATE_2": 36,
    "OWNER_PRIVATE": 37,
    "ARCH": 38,
    "UNCACHED": 39,
    "SOFTDIRTY": 40,
    "ARCH_2": 41,
}
B = {name: 1 << bit for name, bit in KERNEL_KPF.items()}
ROOT = Path(__file__).resolve().parent.parent


def expected_class(flags: int) -> int:
    """The precedence of the module docstring, written independently: the first true line wins."""
    tests = [
        (
            c.RESERVED,
            flags == 0 or bool(flags & (B["NOPAGE"] | B["OFFLINE"] | B["HWPOISON"] | B["RESERVED"])),
        ),
        (c.FREE, bool(flags & B["BUDDY"])),
        (c.SLAB, bool(flags & B["SLAB"])),
        (c.PAGETABLES, bool(flags & B["PGTABLE"])),
        (c.UNEVICTABLE, bool(flags & B["UNEVICTABLE"])),
        (c.ANONYMOUS, bool(flags & B["ANON"])),
        (c.SHMEM, bool(flags & B["SWAPBACKED"])),
        (c.MODIFIED, bool(flags & (B["DIRTY"] | B["WRITEBACK"]))),
        (c.MAPPED, bool(flags & B["LRU"]) and bool(flags & B["MMAP"])),
        (c.STANDBY, bool(flags & B["LRU"])),
    ]
    matching = [cls for cls, hit in tests if hit]
    return matching[0] if matching else c.OTHER


DEFINED = np.array([1 << bit for bit in sorted(KERNEL_KPF.values())], dtype=np.uint64)
WORD_BYTES = 9


def flag_words(raw: bytes) -> list[int]:
    """Flag words from 9 bytes each: a kind byte, then 8 payload bytes.

    An odd kind byte makes the payload itself the word: any 64-bit word. An even one makes a sparse word of
    the bits the kernel defines: each payload byte ``1 … 4×len(DEFINED)`` sets one of them, others set
    none (so every subset of up to 8 defined bits, the empty one included, can be drawn). Hypothesis draws
    one byte string per example: a third of the cost of a list of per-word strategies (a set of bits each),
    for five times as many words (1 to 64 per example, not a handful).
    """
    groups = np.frombuffer(raw, dtype=np.uint8).reshape(-1, WORD_BYTES)
    payload = groups[:, 1:]
    whole = np.ascontiguousarray(payload).view("<u8")[:, 0]
    index = payload.astype(np.intp) - 1
    picked = np.where((index >= 0) & (index < 4 * len(DEFINED)), DEFINED[index % len(DEFINED)], np.uint64(0))
    sparse = np.bitwise_or.reduce(picked, axis=1)
    return np.where(groups[:, 0] & 1, whole, sparse).tolist()  # type: ignore[no-any-return]


@settings(max_examples=400, deadline=None)
@given(
    st.integers(1, 64)
    .flatmap(lambda n: st.binary(min_size=n * WORD_BYTES, max_size=n * WORD_BYTES))
    .map(flag_words)
)
def test_classifier_property(words: list[int]) -> None:
    vector = c.classify(np.array(words, dtype=np.uint64))
    assert vector.shape == (len(words),)
    for word, got in zip(words, vector.tolist(), strict=True):
        assert 0 <= got < c.N_CLASSES  # exactly one class, a valid one
        assert got == c.classify_word(word) == expected_class(word)


def test_classifier_examples_from_this_machine() -> None:
    # Real flag words seen in /proc/kpageflags on the development machine.
    assert c.classify_word(0x400) == c.FREE
    assert c.classify_word(0x402000028) == c.STANDBY  # UPTODATE,LRU,IDLE,MAPPEDTODISK
    assert c.classify_word(0x40000086C) == c.MAPPED  # …,LRU,ACTIVE,MMAP,…
    assert c.classify_word(0x400005828) == c.ANONYMOUS  # LRU,MMAP,ANON,SWAPBACKED
    assert c.classify_word(0x20204483C) == c.UNEVICTABLE  # mlocked shmem: UNEVICTABLE wins over SWAPBACKED
    assert c.classify_word(0x1080) == c.SLAB  # SLAB,ANON: the kernel reuses ANON on slab pages
    assert c.classify_word(0x2004078) == c.SHMEM  # DIRTY,LRU,ACTIVE,SWAPBACKED: dirty shmem is shmem
    assert c.classify_word(0x800000274) == c.MODIFIED  # DIRTY,LRU,ACTIVE,RECLAIM,PRIVATE
    assert c.classify_word(0x100000000) == c.RESERVED
    assert c.classify_word(0x10000) == c.OTHER  # a bare compound tail (kernel allocation)
    assert c.flag_names(0x828) == "UPTODATE,LRU,MMAP"
    assert c.flag_names(0) == "(none)"


def test_kpf_bit_numbers_are_the_kernels() -> None:
    for name, bit in KERNEL_KPF.items():
        assert c.KPF_NAMES.get(bit) == name, f"bit {bit} is KPF_{name} in the kernel"
        assert c.flag_names(1 << bit) == name
    assert set(c.KPF_NAMES) == set(KERNEL_KPF.values())  # no bit the kernel does not define
    assert c.flag_names(1 << 42 | B["LRU"]) == "LRU,bit42"  # an unknown bit is named by its number


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (B["NOPAGE"], "reserved"),
        (B["OFFLINE"] | B["LRU"], "reserved"),
        (B["HWPOISON"] | B["BUDDY"], "reserved"),
        (B["RESERVED"] | B["SLAB"], "reserved"),
        (B["BUDDY"], "free"),
        (B["SLAB"] | B["ANON"], "slab"),
        (B["PGTABLE"], "pagetables"),
        (B["UNEVICTABLE"] | B["ANON"] | B["LRU"], "unevictable"),
        (B["ANON"] | B["LRU"] | B["MMAP"], "anonymous"),
        (B["SWAPBACKED"] | B["DIRTY"] | B["LRU"], "shmem"),
        (B["WRITEBACK"] | B["LRU"] | B["MMAP"], "modified"),
        (B["DIRTY"] | B["LRU"], "modified"),
        (B["LRU"] | B["MMAP"] | B["ACTIVE"], "mapped"),
        (B["LRU"] | B["UPTODATE"], "standby"),
        (B["MMAP"], "other"),
        (B["COMPOUND_TAIL"] | B["HUGE"], "other"),
    ],
)
def test_each_class_from_its_kernel_bits(flags: int, expected: str) -> None:
    """One flag word per rule, from the kernel's bit numbers: a wrong bit in the module misclassifies it."""
    index = [cls.key for cls in pagecensus.CLASSES].index(expected)
    assert c.classify_word(flags) == index
    assert c.classify(np.array([flags], dtype=np.uint64)).tolist() == [index]


def fake_proc(tmp: Path, flags: np.ndarray, spanned: int | None = None) -> Path:
    (tmp / "kpageflags").write_bytes(flags.astype("<u8").tobytes())
    (tmp / "kpagecount").write_bytes(np.ones(len(flags), dtype="<u8").tobytes())
    if spanned is not None:
        (tmp / "zoneinfo").write_text(f"Node 0, zone   Normal\n  spanned  {spanned}\n  start_pfn:   0\n")
    return tmp


def test_chunked_census_on_a_synthetic_file(tmp_path: Path) -> None:
    # 2.5 chunks: the last read is short, and chunk edges fall inside runs of one class.
    n = c.CHUNK_FRAMES * 5 // 2
    flags = np.zeros(n, dtype=np.uint64)
    flags[1000:600000] = B["BUDDY"]
    flags[600000:1500000] = B["LRU"] | B["UPTODATE"]
    flags[1500000:1500100] = B["SLAB"]
    flags[2000000:] = B["ANON"] | B["LRU"] | B["SWAPBACKED"] | B["MMAP"]
    seen: list[tuple[int, int]] = []
    result = c.take_census(
        fake_proc(tmp_path, flags), progress=lambda d, e: seen.append((d, e)), map_counts=True
    )
    assert result.frames == n
    assert sum(result.totals) == n  # every frame counted exactly once
    assert result.totals[c.FREE] == 599000
    assert result.totals[c.STANDBY] == 900000
    assert result.totals[c.SLAB] == 100
    assert result.totals[c.ANONYMOUS] == n - 2000000
    assert result.totals[c.RESERVED] == 1000 + 500000 - 100
    assert result.combinations[B["BUDDY"]] == 599000
    assert result.mapped_frames == n and result.shared_frames == 0
    assert [d for d, _ in seen] == [c.CHUNK_FRAMES, 2 * c.CHUNK_FRAMES, n]
    assert result.frames_per_cell == 1  # no zoneinfo: no estimate, so one frame per cell
    assert result.cells.tolist()[999:1001] == [c.RESERVED, c.FREE]


def test_map_cells_hold_the_dominant_class(tmp_path: Path) -> None:
    # spanned = 4 × MAX_CELLS frames → 4 frames per cell.
    n = 64
    flags = np.zeros(n, dtype=np.uint64)
    flags[0:3] = B["BUDDY"]  # cell 0: 3 free, 1 reserved → free
    flags[4:5] = B["SLAB"]  # cell 1: 1 slab, 3 reserved → reserved
    flags[8:12] = B["LRU"]  # cell 2: standby
    result = c.take_census(fake_proc(tmp_path, flags, spanned=4 * c.MAX_CELLS))
    assert result.frames_per_cell == 4
    assert result.cells.tolist()[:4] == [c.FREE, c.RESERVED, c.STANDBY, c.RESERVED]
    assert len(result.cells) == n // 4
    image = result.map_image(5)
    assert image.shape == (4, 5) and image[-1, -1] == pagecensus.NO_CELL


def test_frames_per_cell_keeps_the_map_bounded() -> None:
    assert c.frames_per_cell_for(6553600) == 8  # 24 GiB of 4 KiB frames → 819200 cells
    for frames in (1, 10**6, 10**8, 10**10):
        per_cell = c.frames_per_cell_for(frames)
        assert c.CHUNK_FRAMES % per_cell == 0
        assert -(-frames // per_cell) <= c.MAX_CELLS or per_cell == c.CHUNK_FRAMES


def test_torn_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "kpageflags").write_bytes(b"\0" * 12)
    with pytest.raises(BackendError, match="whole 8-byte entries"):
        c.take_census(tmp_path)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(BackendError, match="kpageflags does not exist"):
        c.take_census(tmp_path)


# --- live, as root ---------------------------------------------------------------------------


@needs_root
@pytest.mark.root
@pytest.mark.quiet  # shares its census with the test below
def test_live_census_counts_every_frame_once() -> None:
    result, before, after = quiet_census()
    assert result.frames == c.estimate_frames()  # up to the highest pfn /proc/zoneinfo spans
    assert sum(result.totals) == result.frames  # every frame exactly once
    assert sum(result.combinations.values()) == result.frames
    assert len(result.cells) == -(-result.frames // result.frames_per_cell)
    assert result.frames * result.page_size >= result.meminfo["MemTotal"]
    # Free (BUDDY) is exactly the buddy allocator's free blocks, give or take what moved meanwhile.
    slack = (64 * MiB) // result.page_size
    assert min(before, after) - slack <= result.totals[c.FREE] <= max(before, after) + slack
    assert result.mapped_frames is not None and result.shared_frames is not None
    assert result.shared_frames <= result.mapped_frames < result.frames


@needs_root
@pytest.mark.root
@pytest.mark.quiet  # compared with meminfo read at another moment
def test_live_census_is_near_meminfo() -> None:
    result, _, _ = quiet_census()
    m = result.meminfo

    def near(key: str, reference: int, absolute: int, relative: float) -> None:
        got = result.bytes_of(key)
        assert abs(got - reference) <= absolute + relative * reference, (key, got, reference)

    # Tolerances: what other processes (and the other test runs on this machine) can move in the
    # fraction of a second between the census and the meminfo reading after it.
    near("slab", m["Slab"], 64 * MiB, 0.10)
    near("pagetables", m["PageTables"] + m.get("SecPageTables", 0), 16 * MiB, 0.10)
    near("unevictable", m["Unevictable"], 32 * MiB, 0.10)
    # Anonymous: AnonPages minus the mlocked ones (counted as unevictable), plus noise.
    anon = result.bytes_of("anonymous")
    assert m["AnonPages"] - m["Unevictable"] - 128 * MiB <= anon <= m["AnonPages"] + 128 * MiB
    # File LRU pages: standby + modified + mapped file ≈ Active(file) + Inactive(file) (shmem is elsewhere).
    file_lru = result.bytes_of("standby") + result.bytes_of("modified") + result.bytes_of("mapped")
    reference = m["Active(file)"] + m["Inactive(file)"]
    assert abs(file_lru - reference) <= 256 * MiB + 0.2 * reference, (file_lru, reference)
    rows = {row.key: row for row in result.comparisons()}
    assert rows["free"].reference == "MemFree" and rows["free"].difference is not None
    assert rows["other"].reference_bytes is None


@needs_nobody
def test_not_root_message() -> None:
    code = (
        "from app.backends.base import BackendError\n"
        "from app.backends.linux.census import take_census\n"
        "try:\n    take_census()\nexcept BackendError as e:\n    print('BackendError', e)\n"
    )
    out = run_python_as_nobody(code)
    assert "BackendError needs root: /proc/kpageflags is readable only by root" in out.stdout, out.stderr


def test_hash_lookup_and_its_fallback_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Random words from a real-looking set: the per-frame classes (the map) must not depend on whether
    # the hashed class table or the searchsorted fallback (taken when hashes collide) produced them.
    rng = np.random.default_rng(7)
    pool = np.array([0, 0x400, 0x402000028, 0x40000086C, 0x400005828, 0x10080, 0x4000000, 0x20204483C], "<u8")
    flags = pool[rng.integers(0, len(pool), 300000)]
    expected = c.classify(flags)
    hashed = c.take_census(fake_proc(tmp_path, flags))
    monkeypatch.setattr(c, "HASH_BITS", 1)  # two slots for eight words: every chunk collides
    fallback = c.take_census(fake_proc(tmp_path, flags))
    assert hashed.frames_per_cell == fallback.frames_per_cell == 1
    assert np.array_equal(hashed.cells, expected)
    assert np.array_equal(fallback.cells, expected)
    assert hashed.totals == fallback.totals
