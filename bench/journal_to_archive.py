#!/usr/bin/env python3
"""Turn the shared benchmark journal into a Cairn archive, so the benchmark store is
loaded through `cairn import archive`, the same path a user's data takes.

Usage: journal_to_archive.py TEMPLATE.json ENTRIES.jsonl OUT.json

TEMPLATE is `cairn export` of a freshly initialised store (it supplies the person and the
ladder); ENTRIES is gen_journal.py's entries.jsonl. Tags map to competencies as the shared
bench README says. Ids are UUIDv7 from each entry's time, deterministic per run.
"""
import datetime as dt
import json
import random
import sys

TAGS = {
    "@delivery": "delivery", "@mentoring": "mentoring", "@incident": "operations",
    "@oncall": "operations", "@design": "system-design", "@review": "technical-depth",
    "@hiring": "mentoring", "@learning": "technical-depth",
}


def uuid7(ms, rng):
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rng.getrandbits(12) << 64
    value |= 0b10 << 62
    value |= rng.getrandbits(62)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def main():
    template_path, entries_path, out_path = sys.argv[1:4]
    archive = json.load(open(template_path))
    person = archive["people"][0]
    rng = random.Random(20261123)
    evidence = []
    for i, line in enumerate(open(entries_path)):
        entry = json.loads(line)
        when = dt.datetime.strptime(entry["date"], "%Y-%m-%d %H:%M").replace(tzinfo=dt.timezone.utc)
        ms = int(when.timestamp() * 1000) + i  # distinct, ordered ids for entries in one minute
        stamp = (when + dt.timedelta(milliseconds=i % 60000)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        competencies = []
        for tag in entry["tags"]:
            c = TAGS.get(tag.lower())
            if c and c not in competencies:
                competencies.append(c)
        evidence.append({
            "id": uuid7(ms, rng), "owner": person["id"], "date": when.strftime("%Y-%m-%d"),
            "title": entry["title"], "body": entry["body"], "impact": "", "links": [],
            "competencies": competencies, "level": "current", "areas": [],
            "visibility": "private", "source": "jrnl", "ladder": person["ladder"],
            "created_at": stamp, "updated_at": stamp,
        })
    evidence.sort(key=lambda e: e["id"])
    archive["evidence"] = evidence
    json.dump(archive, open(out_path, "w"))


if __name__ == "__main__":
    main()
