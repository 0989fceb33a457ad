#!/usr/bin/env python3
"""Benchmark: search latency on an index of 10,000 pages and 20,000 structured entries.

Index: 1,000 generated records of 10 pages each (make_corpus words, ~100 rarer medical words on
1 to 20 pages each) plus 20,000 entries of every kind (question lists question by question).

Timed per query, interleaved, over P passes in shuffled order (a query's latency = median of passes):
  query    SearchIndex.query(text, allowed=<all ids>): documents and entries, ranked in tiers, with
           snippets and, when the exact tiers leave room, the forgiving tier
  ref      a bare FTS5 query: SELECT rowid FROM idx WHERE idx MATCH ? ORDER BY rank LIMIT 50 with
           the exact MATCH expression (mbc_vault.search.fts_query)
and, documents only (--kinds document or both, the default: the document library's search box):
  docs     SearchIndex.search(text, allowed=<the documents' ids>) (kinds={"document"})
  docs-ref the bare FTS5 query of the rows of documents only: ... AND rowid >= ? AND rowid < ?
           (their rowid range) ORDER BY rank LIMIT 50

Query kinds: exact (common, rare, two-word, prefix) and forgiving (one typo in a rare word, a plural
or other word form, an oncology synonym spelled another way).
Targets: p95 <= 50 ms for exact kinds, <= 100 ms for forgiving kinds (absolute).

Build: the documents' cost per page (SearchIndex.add inside SearchIndex.batch(), as build_index adds
them; and one add at a time, as after an import) against today's (before issue 12) per-page cost in
the same run: the old schema (one FTS5 table, raw text) filled with the same pages. Target <= 1.5x.
The whole build after unlock (decryption included) is bench/bench_search_build.py.
The first forgiving query's vocabulary build (stems, deletion neighbourhood) is timed apart.

Run: .venv/bin/python bench/bench_search.py [--records N] [--entries E] [--passes P] [--seed S]
                                             [--kinds all|document|both]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import math
import pstats
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from make_corpus import KINDS, WORDS, para  # noqa: E402

from mbc_vault.categories import ENTRY_KINDS  # noqa: E402
from mbc_vault.records import Record  # noqa: E402
from mbc_vault.search import SearchIndex, fts_query  # noqa: E402
from mbc_vault.search.index import _DOC_HEAD, _ENTRY_BODY  # noqa: E402

PAGES_PER_RECORD = 10
PARAGRAPHS_PER_PAGE = 10
WORDS_PER_PARAGRAPH = 60
RARE = (
    "cribriform alopecia neutropenia thrombocytopenia trastuzumab pertuzumab olaparib talazoparib "
    "alpelisib everolimus exemestane anastrozole tamoxifen zoledronic pamidronate leucovorin eribulin "
    "vinorelbine gemcitabine carboplatin paclitaxel docetaxel doxorubicin cyclophosphamide sacituzumab "
    "elacestrant abemaciclib ribociclib tucatinib lapatinib neratinib osimertinib bevacizumab "
    "leptomeningeal pleural effusion thoracentesis paracentesis ascites hepatomegaly splenomegaly "
    "lymphedema neuropathy mucositis stomatitis dysgeusia xerostomia fatigue insomnia nausea emesis "
    "ondansetron dexamethasone olanzapine aprepitant filgrastim pegfilgrastim transfusion hemoglobin "
    "platelets creatinine bilirubin albumin alkaline phosphatase transaminase hypercalcemia "
    "hyponatremia hypokalemia echocardiogram ejection fraction cardiotoxicity pneumonitis colitis "
    "dermatitis hand-foot syndrome mastectomy lumpectomy sentinel reconstruction radiotherapy "
    "stereotactic radiosurgery whole-brain hippocampal avoidance palliative hospice caregiver "
    "PIK3CA ESR1 BRCA2 PALB2 CHEK2 germline somatic circulating tumor DNA oncotype"
).split()


SYLLABLES = (
    "ka lo mi ne su ra to vi pe da gu ri so me ta ni ho ze lu fa ba co de fi go hu ja ke ly mo".split()
)


def make_records(records: int, seed: int) -> tuple[list[tuple[Record, list[str]]], list[str]]:
    """The documents with their pages, and the rare words actually placed in them."""
    rng = random.Random(seed)
    total_pages = records * PAGES_PER_RECORD
    # each rare word goes on 1 to 20 random pages
    placements: dict[int, list[str]] = {}
    for word in RARE:
        for page in rng.sample(range(total_pages), rng.randint(1, 20)):
            placements.setdefault(page, []).append(word)
    out = []
    for number in range(records):
        record = Record(
            id=f"{number:020x}",
            category="medical-other",
            title=f"{KINDS[number % len(KINDS)]} {2015 + number % 11}-{1 + number % 12:02d}",
            tags=rng.sample(
                ["oncology", "imaging", "labs", "legal", "insurance", "surgery"], rng.randint(0, 2)
            ),
            notes=para(rng, 12) if rng.random() < 0.2 else "",
        )
        pages = []
        for page in range(PAGES_PER_RECORD):
            paragraphs = [para(rng, WORDS_PER_PARAGRAPH) for _ in range(PARAGRAPHS_PER_PAGE)]
            for word in placements.get(number * PAGES_PER_RECORD + page, []):
                where = rng.randrange(len(paragraphs))
                paragraphs[where] = paragraphs[where][:-1] + f" {word}."
            # names, places and codes: a vocabulary of tens of thousands of words, as real records have
            paragraphs.append(" ".join("".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(4)))
            pages.append("\n".join(paragraphs))
        out.append((record, pages))
    return out, [w for w in RARE if any(w in ws for ws in placements.values())]


def make_entries(count: int, seed: int) -> list[Record]:
    """*count* entries, of every kind in turn, with a few words each (question lists: 5 questions)."""
    rng = random.Random(seed + 3)
    kinds = [k for k in ENTRY_KINDS]
    out = []
    for number in range(count):
        kind = kinds[number % len(kinds)]
        data: dict[str, object] = {"notes": para(rng, 8), "place": para(rng, 3), "name": para(rng, 2)}
        if kind == "question-list":
            data = {"questions": [{"text": para(rng, 10), "answer": para(rng, 6)} for _ in range(5)]}
        out.append(Record(id=f"e{number:019x}", category=kind, kind=kind, title=para(rng, 3), data=data))
    return out


def old_build(docs: list[tuple[Record, list[str]]]) -> float:
    """Seconds to fill the index as it was before issue 12 (one FTS5 table, raw text)."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE pages USING fts5(title, tags, notes, body, record_id UNINDEXED, "
        "page UNINDEXED, tokenize='unicode61 remove_diacritics 2')"
    )
    start = time.perf_counter()
    for record, texts in docs:
        rows = [(record.title, " ".join(record.tags), record.notes, "", record.id, 0)]
        rows += [("", "", "", t, record.id, n) for n, t in enumerate(texts, 1) if t.strip()]
        db.executemany(
            "INSERT INTO pages(title, tags, notes, body, record_id, page) VALUES (?,?,?,?,?,?)", rows
        )
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + rng.choice("aeiou") + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i + 1 :]


def make_queries(rare: list[str], seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed + 1)
    common = [w.lower() for w in WORDS]
    queries = [("common", rng.choice(common)) for _ in range(100)]
    queries += [("rare", rng.choice(rare)) for _ in range(75)]
    queries += [("two-word", f"{rng.choice(common)} {rng.choice(common)}") for _ in range(40)]
    queries += [("two-word", f"{rng.choice(common)} {rng.choice(rare)}") for _ in range(35)]
    for source, count in ((common, 30), (rare, 20)):
        long_enough = [w for w in source if len(w) >= 5]
        for _ in range(count):
            word = rng.choice(long_enough)
            queries.append(("prefix", word[: rng.randint(3, 5)]))
    long_rare = [w for w in rare if len(w) >= 6 and w.isalpha()]
    queries += [("typo", _typo(rng, rng.choice(long_rare))) for _ in range(50)]
    forms = [w for w in common + rare if w.isalpha() and len(w) >= 5]
    queries += [("word-form", rng.choice(forms) + rng.choice(["s", "es", "ed", "ing"])) for _ in range(40)]
    synonyms = [
        "HER-2",
        "ERBB2",
        "her2/neu",
        "CA15-3",
        "CA 27-29",
        "Ki67",
        "MIB-1",
        "estrogen receptor",
        "TDM1",
    ]
    queries += [("synonym", rng.choice(synonyms)) for _ in range(30)]
    return queries


EXACT_KINDS = ("common", "rare", "two-word", "prefix")
FORGIVING_KINDS = ("typo", "word-form", "synonym")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]  # nearest rank


def report(
    label: str,
    qname: str,
    rname: str,
    hits: list[int],
    queries: list[tuple[str, str]],
    latency: dict[str, list[float]],
) -> None:
    """Print one mode's table by kind, its p95 against the targets, and its slowest queries."""
    print(f"\n{label}: {sum(1 for h in hits if h)} queries with hits, median {statistics.median(hits)} hits")
    print(f"by kind (ms)      n   {qname:>5s} p50   p95   max | {rname:>8s} p50   p95 | hits")
    for kind in EXACT_KINDS + FORGIVING_KINDS:
        chosen = [i for i, (k, _) in enumerate(queries) if k == kind]
        s = [latency[qname][i] for i in chosen]
        r = [latency[rname][i] for i in chosen]
        print(
            f"  {kind:12s} {len(chosen):4d}   {percentile(s, 50):8.2f} {percentile(s, 95):6.2f} "
            f"{max(s):6.2f} | {percentile(r, 50):11.2f} {percentile(r, 95):6.2f} | "
            f"{statistics.median(hits[i] for i in chosen)}"
        )
    # a forgiving query of a common word's forms costs what a bare query of that word costs
    common95 = percentile([latency[rname][i] for i, (k, _) in enumerate(queries) if k == "common"], 95)
    for tier, kinds, target in (("exact", EXACT_KINDS, 50.0), ("forgiving", FORGIVING_KINDS, 100.0)):
        chosen = [i for i, (k, _) in enumerate(queries) if k in kinds]
        p95 = percentile([latency[qname][i] for i in chosen], 95)
        ref95 = percentile([latency[rname][i] for i in chosen], 95)
        print(
            f"{tier:9s} p95 {p95:6.1f} ms (ref {ref95:.1f} ms, ratio {p95 / ref95:.1f}; "
            f"ref of the common words {common95:.1f} ms, ratio {p95 / common95:.2f}; "
            f"target <= {target:.0f} ms): {'MET' if p95 <= target else 'MISSED'}"
        )
    slowest = sorted(range(len(queries)), key=lambda i: -latency[qname][i])[:5]
    print(
        "slowest:",
        ", ".join(
            f"{queries[i][1]!r} {latency[qname][i]:.1f} ms (ref {latency[rname][i]:.1f})" for i in slowest
        ),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--build-only", action="store_true", help="time the build only (no queries)")
    parser.add_argument("--build-runs", type=int, default=2, help="builds of each schema (default 2)")
    parser.add_argument(
        "--kinds",
        choices=("all", "document", "both"),
        default="both",
        help="every kind (query/ref), documents only (docs/docs-ref), or both (default)",
    )
    args = parser.parse_args()

    docs, rare = make_records(args.records, args.seed)
    entries = make_entries(args.entries, args.seed)
    pages = sum(len(t) for _, t in docs)
    # both schemas built --build-runs times, interleaved, and the faster of each taken (the first
    # builds warm the allocator and the page cache for whichever comes next); today's both in a batch
    # (as build_index) and one add at a time
    before_runs, build_runs, single_runs = [], [], []

    def build(batched: bool) -> tuple[SearchIndex, float]:
        built = SearchIndex()
        start = time.perf_counter()
        if batched:
            with built.batch():
                for record, texts in docs:
                    built.add(record, texts)
        else:
            for record, texts in docs:
                built.add(record, texts)
        return built, time.perf_counter() - start

    index = SearchIndex()
    for _ in range(args.build_runs):
        before_runs.append(old_build(docs))
        index.close()
        index, seconds = build(batched=True)
        build_runs.append(seconds)
        single, seconds = build(batched=False)
        single.close()
        single_runs.append(seconds)
    before_s, build_s, single_s = min(before_runs), min(build_runs), min(single_runs)

    def runs(times: list[float]) -> str:
        return ", ".join(f"{1000 * t / pages:.3f}" for t in times)

    if args.build_only:
        print(
            f"index: {pages} pages, {args.build_runs} runs of each, interleaved (ms/page):\n"
            f"  batch (build_index)   {1000 * build_s / pages:.3f} (runs {runs(build_runs)})\n"
            f"  one add at a time     {1000 * single_s / pages:.3f} (runs {runs(single_runs)})\n"
            f"  before issue 12       {1000 * before_s / pages:.3f} (runs {runs(before_runs)})\n"
            f"ratio {build_s / before_s:.2f} in a batch, {single_s / before_s:.2f} one at a time "
            f"(target <= 1.5)"
        )
        index.close()
        return 0
    start = time.perf_counter()
    for entry in entries:
        index.add_entry(entry, {})
    entries_s = time.perf_counter() - start
    start = time.perf_counter()
    index.prepare()
    vocab_s = time.perf_counter() - start
    ids = {r.id for r, _ in docs} | {e.id for e in entries}
    print(
        f"index: {args.records} records, {pages} pages: {1000 * build_s / pages:.2f} ms/page in a batch "
        f"({1000 * single_s / pages:.2f} one add at a time), before issue 12 "
        f"{1000 * before_s / pages:.2f} ms/page: ratio {build_s / before_s:.2f} "
        f"({single_s / before_s:.2f}) (target <= 1.5)\n"
        f"       {len(entries)} entries in {entries_s:.2f} s; "
        f"vocabulary ({len(index.vocabulary.counts)} words: "
        f"stems, typo lists) {vocab_s:.2f} s; {len(rare)} rare words placed"
    )
    queries = make_queries(rare, args.seed)
    db = index._db

    def ref(text: str) -> None:
        db.execute(
            "SELECT rowid FROM idx WHERE idx MATCH ? ORDER BY rank LIMIT 50", (fts_query(text),)
        ).fetchall()

    def search(text: str) -> None:
        index.query(text, allowed=ids)

    doc_ids = {r.id for r, _ in docs}

    def docs_search(text: str) -> None:
        index.search(text, allowed=doc_ids)

    def docs_ref(text: str) -> None:
        db.execute(
            "SELECT rowid FROM idx WHERE idx MATCH ? AND rowid >= ? AND rowid < ? ORDER BY rank LIMIT 50",
            (fts_query(text), _DOC_HEAD, _ENTRY_BODY),
        ).fetchall()

    fns: dict[str, Callable[[str], None]] = {}
    if args.kinds in ("all", "both"):
        fns |= {"query": search, "ref": ref}
    if args.kinds in ("document", "both"):
        fns |= {"docs": docs_search, "docs-ref": docs_ref}
    calls = fns
    for _, text in queries[:20]:  # warm up
        for fn in calls.values():
            fn(text)
    samples: dict[str, list[list[float]]] = {name: [[] for _ in queries] for name in calls}
    rng = random.Random(args.seed + 2)
    names = list(calls)
    for number in range(args.passes):
        order = list(range(len(queries)))
        rng.shuffle(order)
        for turn, q in enumerate(order):
            shift = (turn + number) % len(names)
            for name in names[shift:] + names[:shift]:
                t0 = time.perf_counter()
                calls[name](queries[q][1])
                samples[name][q].append(1000 * (time.perf_counter() - t0))
    latency = {name: [statistics.median(s) for s in per_query] for name, per_query in samples.items()}
    print(
        f"\n{len(queries)} queries, {args.passes} interleaved passes; "
        "latency per query = median of its passes (ms)"
    )
    if "query" in calls:
        hits = [len(index.query(text, allowed=ids).hits) for _, text in queries]
        report("every kind", "query", "ref", hits, queries, latency)
    if "docs" in calls:
        hits = [len(index.search(text, allowed=doc_ids)) for _, text in queries]
        report('documents only (kinds={"document"})', "docs", "docs-ref", hits, queries, latency)

    if args.profile:
        profiled = "docs" if args.kinds == "document" else "query"
        slow = sorted(range(len(queries)), key=lambda i: -latency[profiled][i])[:20]
        profiler = cProfile.Profile()
        profiler.enable()
        for i in slow:
            calls[profiled](queries[i][1])
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(15)
        print(out.getvalue())
    index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
