#!/usr/bin/env python3
"""Benchmark: full-text search latency on an index of 10,000 pages.

Index: 1,000 fictional records of 10 pages (a SearchIndex, in memory, as after unlock); each page
is about 10 paragraphs of about 60 words drawn from bench/make_corpus.py's medical vocabulary
(WORDS, para), with ~100 rarer medical words sprinkled over a few pages each. Record titles are
make_corpus's document kinds; some records have tags and notes.

Queries (300, fixed seed): 100 single common words, 75 rare words, 75 two-word queries (common +
common, common + rare), 50 prefixes (3 to 5 letters of a common or a rare word).

Measured, per query, interleaved with the reference (order alternating), over P passes in a
shuffled order; a query's latency is the median of its passes:

  search   SearchIndex.search(text, allowed=<all record ids>): what the app's search box calls
           (ranked, one hit per record, snippets with highlights), up to 50 hits
  ref      the bare FTS5 query on the same index: SELECT rowid FROM pages WHERE pages MATCH ?
           ORDER BY rank LIMIT 50 (with the same MATCH expression, mbc_vault.search.fts_query)
  rank     the ranking query that search() runs first, alone (bm25 with column weights,
           LIMIT 400; a copy of its SQL): shows how much of search is ranking and how much is
           snippets (search() then builds all snippets in one query, see SearchIndex._snippets)

Reported: p50 / p95 / max of each, ratios search/ref at p50 and p95, and p95 by query kind.
Target: search p95 <= 50 ms (absolute).

Run: .venv/bin/python bench/bench_search.py [--records N] [--passes P] [--seed S] [--profile]
(--profile: cProfile of search() over the 20 slowest queries)
"""

from __future__ import annotations

import argparse
import cProfile
import io
import math
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from make_corpus import KINDS, WORDS, para  # noqa: E402

from mbc_vault.records import Record  # noqa: E402
from mbc_vault.search import SearchIndex, fts_query  # noqa: E402

TARGET_P95_MS = 50.0
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


def build(records: int, seed: int) -> tuple[SearchIndex, set[str], list[str]]:
    """The index, the record ids, and the rare words actually placed in it."""
    rng = random.Random(seed)
    index = SearchIndex()
    ids: set[str] = set()
    total_pages = records * PAGES_PER_RECORD
    # each rare word goes on 1 to 20 random pages
    placements: dict[int, list[str]] = {}
    for word in RARE:
        for page in rng.sample(range(total_pages), rng.randint(1, 20)):
            placements.setdefault(page, []).append(word)
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
            pages.append("\n".join(paragraphs))
        index.add(record, pages)
        ids.add(record.id)
    return index, ids, [w for w in RARE if any(w in ws for ws in placements.values())]


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
    return queries


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]  # nearest rank


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    start = time.perf_counter()
    index, ids, rare = build(args.records, args.seed)
    build_s = time.perf_counter() - start
    pages = index._db.execute("SELECT count(*) FROM pages WHERE page > 0").fetchone()[0]
    print(
        f"index: {args.records} records, {pages} pages of text, built in {build_s:.1f} s "
        f"({1000 * build_s / pages:.2f} ms/page); {len(rare)} rare words placed"
    )
    queries = make_queries(rare, args.seed)
    db = index._db
    rank_sql = (
        "SELECT ranked.rowid, pages.record_id, pages.page, ranked.score FROM "  # as in search()
        "(SELECT rowid, bm25(pages, 10.0, 5.0, 3.0, 1.0) AS score FROM pages WHERE pages MATCH ? "
        "ORDER BY score LIMIT ?) AS ranked JOIN pages ON pages.rowid = ranked.rowid ORDER BY ranked.score"
    )

    def ref(text: str) -> None:
        db.execute(
            "SELECT rowid FROM pages WHERE pages MATCH ? ORDER BY rank LIMIT 50", (fts_query(text),)
        ).fetchall()

    def search(text: str) -> None:
        index.search(text, allowed=ids)

    def rank(text: str) -> None:
        db.execute(rank_sql, (fts_query(text), 400)).fetchall()

    fns = {"search": search, "ref": ref, "rank": rank}
    for _, text in queries[:20]:  # warm up
        for fn in fns.values():
            fn(text)
    samples: dict[str, list[list[float]]] = {name: [[] for _ in queries] for name in fns}
    rng = random.Random(args.seed + 2)
    names = list(fns)
    for number in range(args.passes):
        order = list(range(len(queries)))
        rng.shuffle(order)
        for turn, q in enumerate(order):
            shift = (turn + number) % len(names)
            for name in names[shift:] + names[:shift]:
                t0 = time.perf_counter()
                fns[name](queries[q][1])
                samples[name][q].append(1000 * (time.perf_counter() - t0))
    latency = {name: [statistics.median(s) for s in per_query] for name, per_query in samples.items()}
    hits = [len(index.search(text, allowed=ids)) for _, text in queries]

    print(
        f"\n{len(queries)} queries ({sum(1 for h in hits if h)} with hits, median {statistics.median(hits)} "
        f"hits), {args.passes} interleaved passes; latency per query = median of its passes (ms)"
    )
    print(f"{'':7s} {'p50':>8s} {'p95':>8s} {'max':>8s}")
    for name, values in latency.items():
        print(f"{name:7s} {percentile(values, 50):8.2f} {percentile(values, 95):8.2f} {max(values):8.2f}")
    p95 = percentile(latency["search"], 95)
    print(
        f"\nsearch/ref: p50 {percentile(latency['search'], 50) / percentile(latency['ref'], 50):.2f}, "
        f"p95 {p95 / percentile(latency['ref'], 95):.2f}; "
        f"rank/ref p95 {percentile(latency['rank'], 95) / percentile(latency['ref'], 95):.2f}"
    )
    print(
        f"search p95 = {p95:.1f} ms (target <= {TARGET_P95_MS:.0f} ms): "
        f"{'MET' if p95 <= TARGET_P95_MS else 'MISSED'}"
    )

    print("\nby kind (ms)      n   search p50   p95   max |  ref p50   p95")
    for kind in ("common", "rare", "two-word", "prefix"):
        chosen = [i for i, (k, _) in enumerate(queries) if k == kind]
        s = [latency["search"][i] for i in chosen]
        r = [latency["ref"][i] for i in chosen]
        print(
            f"  {kind:12s} {len(chosen):4d}   "
            f"{percentile(s, 50):9.2f} {percentile(s, 95):6.2f} {max(s):6.2f} | "
            f"{percentile(r, 50):7.2f} {percentile(r, 95):6.2f}"
        )
    slowest = sorted(range(len(queries)), key=lambda i: -latency["search"][i])[:5]
    print(
        "slowest:",
        ", ".join(
            f"{queries[i][1]!r} {latency['search'][i]:.1f} ms (ref {latency['ref'][i]:.1f})" for i in slowest
        ),
    )

    if args.profile:
        slow = sorted(range(len(queries)), key=lambda i: -latency["search"][i])[:20]
        profiler = cProfile.Profile()
        profiler.enable()
        for i in slow:
            index.search(queries[i][1], allowed=ids)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(15)
        print(out.getvalue())
    index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
