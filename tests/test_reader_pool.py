"""The session's PDF readers (mbc_vault.reader_pool): started early, kept batch after batch, and no
worker process outlives close(), even one closed in the middle of a batch."""

from __future__ import annotations

import threading
from pathlib import Path

import psutil
from pdfmaker import text_pdf
from processes import gone

from mbc_vault import extract
from mbc_vault.importer import read_for_import
from mbc_vault.reader_pool import EitherFlag, ReaderPool
from mbc_vault.vault import Vault


def reports(folder: Path, count: int = 3) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [text_pdf(folder / f"report-{n}.pdf", [[f"Report number {n} (fictional)"]]) for n in range(count)]


def test_started_readers_read_batch_after_batch_and_end_at_close(vault: Vault, tmp_path: Path) -> None:
    files = reports(tmp_path / "in")
    fresh = extract.read_files(files)
    pool = ReaderPool(2)
    pool.start()
    pids = pool.pids()
    assert len(pids) == 2
    processes = [psutil.Process(pid) for pid in pids]
    first = read_for_import(vault, files, pool=pool)
    second = read_for_import(vault, files[::-1], pool=pool)
    assert pool.pids() == pids  # the same two processes, started once
    with pool.borrow() as readers:
        assert readers is not None and [r.worker.starts for r in readers] == [1, 1]
    assert [(r.path, r.page_texts, r.title) for r in first] == [
        (r.path, r.page_texts, r.title) for r in fresh
    ]
    assert [r.path for r in second] == files[::-1]
    pool.close()
    assert pool.pids() == [] and all(gone(p) for p in processes)
    pool.start()  # closed: nothing starts again
    assert pool.pids() == []
    with pool.borrow() as readers:
        assert readers is None
    assert read_for_import(vault, files, pool=pool) == []  # closed means locked: nothing is read


def test_a_batch_while_another_holds_the_readers_reads_with_its_own(vault: Vault, tmp_path: Path) -> None:
    files = reports(tmp_path / "in", 1)
    pool = ReaderPool(1)
    with pool.borrow() as held:
        assert held is not None
        with pool.borrow() as other:
            assert other is None
        assert [r.ok for r in read_for_import(vault, files, pool=pool)] == [True]
        assert held[0].worker.starts == 0  # read by a reader of its own, not the held one
    with pool.borrow() as again:
        assert again is held
    pool.close()


def test_closed_during_a_batch_the_batch_ends_and_its_user_reaps_the_workers(tmp_path: Path) -> None:
    files = reports(tmp_path / "in")
    pool = ReaderPool(2)
    pool.start()
    processes = [psutil.Process(pid) for pid in pool.pids()]
    with pool.borrow() as readers:
        assert readers is not None
        pool.close()  # the vault locks while this batch holds the readers
        assert not any(gone(p) for p in processes)  # not reaped under the batch's feet
        assert extract.read_files(files, cancel=EitherFlag(None, pool.closing), readers=readers) == []
    assert pool.pids() == [] and all(gone(p) for p in processes)


def test_closed_while_starting_the_start_ends_and_no_worker_is_left(tmp_path: Path) -> None:
    pool = ReaderPool(2)
    started = threading.Thread(target=pool.start)
    with pool.borrow():  # held: start() waits for nothing and does nothing
        started.start()
        started.join()
    assert pool.pids() == []
    pool.close()
    pool.start()
    assert pool.pids() == []


def test_either_flag_is_set_when_one_of_its_flags_is() -> None:
    one, two = threading.Event(), threading.Event()
    flag = EitherFlag(one, None, two)
    assert not flag.is_set()
    two.set()
    assert flag.is_set()


def test_stop_idle_ends_unused_workers_and_the_next_batch_starts_new_ones(
    vault: Vault, tmp_path: Path
) -> None:
    files = reports(tmp_path / "in", 1)
    pool = ReaderPool(2)
    pool.start()
    processes = [psutil.Process(pid) for pid in pool.pids()]
    assert len(processes) == 2
    with pool.borrow() as readers:  # in use: left alone
        assert readers is not None and not pool.stop_idle() and len(pool.pids()) == 2
    assert pool.stop_idle()
    assert pool.pids() == [] and all(gone(p) for p in processes)
    assert [r.path for r in read_for_import(vault, files, pool=pool)] == files
    assert len(pool.pids()) >= 1  # started again by the batch, not closed
    pool.close()
