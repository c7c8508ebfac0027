#!/usr/bin/env python3
"""Write a `git fast-import` stream for a synthetic repository: N commits by twelve
authors over six years, one of them (ada@bench.example) making about a tenth, like the
top author of a large open-source project. Each commit changes one to three files by a few
lines (files keep a window of at most 60 lines, so commits also delete); subjects mix conventional-commit scopes, ticket keys and plain text, so grouping
has real work to do. Deterministic for a seed.

Usage: git_repo.py N [--seed S] | git -C REPO fast-import --quiet
"""
import random
import sys

AUTHORS = [f"dev{i}@bench.example" for i in range(11)]
SCOPES = ["api", "billing", "ledger", "search", "auth", "ui", "infra", "docs"]
VERBS = ["fix", "feat", "refactor", "perf", "test", "docs", "chore"]
WORDS = ["retry", "cache", "index", "rounding", "timeout", "export", "payout", "login",
         "migration", "latency", "schema", "queue", "backfill", "alert", "report"]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 20261124
    rng = random.Random(seed)
    out = sys.stdout.buffer
    start = 1_600_000_000  # 2020-09-13
    step = (6 * 365 * 86400) // n
    files = {}
    for i in range(n):
        email = "ada@bench.example" if rng.random() < 0.1 else rng.choice(AUTHORS)
        name = email.split("@")[0].capitalize()
        when = start + i * step + rng.randint(0, step)
        kind = rng.random()
        scope, word = rng.choice(SCOPES), rng.choice(WORDS)
        if kind < 0.4:
            subject = f"{rng.choice(VERBS)}({scope}): {word} handling in {scope}"
        elif kind < 0.7:
            subject = f"PAY-{rng.randint(1, 3000)} {word} for {scope}"
        else:
            subject = f"Improve {word} in the {scope} module (#{rng.randint(1, 20000)})"
        body = f"{subject}\n\nChanges the {word} path so {scope} behaves.\n"
        out.write(b"commit refs/heads/main\n")
        out.write(f"author {name} <{email}> {when} +0000\n".encode())
        out.write(f"committer {name} <{email}> {when} +0000\n".encode())
        data = body.encode()
        out.write(f"data {len(data)}\n".encode() + data)
        for _ in range(rng.randint(1, 3)):
            path = f"src/{scope}/{rng.choice(WORDS)}.rs"
            # A window of at most 60 lines: new lines at the end, old ones dropped at the
            # start, so files stay small while commits both add and delete.
            first, last = files.get(path, (0, 0))
            last += rng.randint(1, 6)
            first = max(first, last - 60)
            files[path] = (first, last)
            content = "".join(f"// line {k} of {path}\n" for k in range(first, last)).encode()
            out.write(f"M 100644 inline {path}\n".encode())
            out.write(f"data {len(content)}\n".encode() + content)
        out.write(b"\n")


if __name__ == "__main__":
    main()
