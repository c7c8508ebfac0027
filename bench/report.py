#!/usr/bin/env python3
"""Summarise bench/run's results as Markdown: Cairn's medians, jrnl's medians measured in
the same run where present (else the figures shared/bench/README.md gives for this
machine), and the ratio jrnl / Cairn.

Usage: report.py WORKDIR SIZE...
"""
import json
import os
import sys

# jrnl's medians on this kind of machine, from shared/bench/README.md, used only where
# bench/run did not run jrnl (100,000 entries by default).
JRNL_QUOTED = {
    1000: {"add": 0.44, "search": 0.43, "tag": 0.43, "last-ten": 0.35},
    10000: {"add": 3.2, "search": 1.1, "tag": 1.1, "last-ten": 0.46},
    100000: {"add": 386, "search": 10.6, "tag": 11.2, "last-ten": 2.2},
}
LABELS = {
    "add": "add one entry",
    "search": "search a common word (latency, 15% of entries)",
    "search-rare": "search a word found nowhere (kubernetes)",
    "tag": "list one tag (mentoring)",
    "last-ten": "last ten",
}


def medians(path):
    if not os.path.exists(path):
        return None
    return {r["command"]: r["median"] for r in json.load(open(path))["results"]}


def main():
    work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
    print("| entries | workload | cairn (median) | jrnl (median) | jrnl / cairn |")
    print("|---|---|---|---|---|")
    for n in sizes:
        d = os.path.join(work, str(n))
        cairn, jrnl = medians(f"{d}/cairn.json"), medians(f"{d}/jrnl.json")
        for key, label in LABELS.items():
            c = cairn[key]
            if jrnl:
                j, note = jrnl[key], ""
            else:
                j, note = JRNL_QUOTED[n].get(key), " (quoted)"
            if j is None:
                print(f"| {n:,} | {label} | {c * 1000:.1f} ms | not measured | |")
            else:
                print(f"| {n:,} | {label} | {c * 1000:.1f} ms | {j * 1000:,.0f} ms{note} | {j / c:,.0f}x |")
    print()
    for n in sizes:
        d = os.path.join(work, str(n))
        truth = json.load(open(f"{d}/truth.json"))
        got = open(f"{d}/cairn_latency_count").read().strip()
        imp = float(open(f"{d}/import_seconds").read())
        rss = {k: int(open(f"{d}/{k}_rss_kb").read()) / 1024 for k in ("log", "search", "tag")}
        print(f"- {n:,} entries: `cairn search latency` found {got} entries "
              f"(jrnl's -contains truth: {truth['contains_entries']['latency']}); "
              f"archive import took {imp:.2f} s; peak RSS: `cairn log` {rss['log']:.1f} MiB, "
              f"search {rss['search']:.1f} MiB, tag list {rss['tag']:.1f} MiB.")


if __name__ == "__main__":
    main()
