#!/usr/bin/env python3
"""Run scim2-tester against a SCIM server and exit non-zero on any failure.

scim2-tester (PyPI) has no CLI of its own: it is a library (`check_server`).
scim2-cli's `scim2 test` exists but counts every non-SUCCESS (even SKIPPED) as a
failure and cannot allow expected skips, so CI uses this wrapper instead.

Usage:
    SCIM_TOKEN=... python run_tester.py --url http://127.0.0.1:8080/scim/v2 \
        [--allow-skip search_with_attributes] [--include-tags ...] [--exclude-tags ...] \
        [--resource-type User] [--json report.json] [-v]

Exit status: 0 when every check is SUCCESS/COMPLIANT/ACCEPTABLE (or an allowed SKIPPED),
1 when any check is ERROR/CRITICAL/DEVIATION or an unexpected SKIPPED, 2 on usage/setup error.
The last line printed is "scim2-tester: N passed, N failed, N skipped".
"""

import argparse
import json
import os
import sys

from httpx2 import Client
from scim2_client.engines.httpx2 import SyncSCIMClient
from scim2_tester import Status, check_server

PASSING = {Status.SUCCESS, Status.COMPLIANT, Status.ACCEPTABLE}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default=os.environ.get("SCIM_URL"),
                    help="SCIM base URL, e.g. http://127.0.0.1:8080/scim/v2 (env SCIM_URL)")
    ap.add_argument("--token-env", default="SCIM_TOKEN",
                    help="name of the env var holding the bearer token (default SCIM_TOKEN)")
    ap.add_argument("--allow-skip", action="append", default=[], metavar="CHECK_TITLE",
                    help="a check title whose SKIPPED status is expected (repeatable)")
    ap.add_argument("--allow-deviation", action="store_true",
                    help="do not fail on DEVIATION (SHOULD-level) results")
    ap.add_argument("--include-tags", nargs="*", default=None)
    ap.add_argument("--exclude-tags", nargs="*", default=None)
    ap.add_argument("--resource-type", action="append", default=None)
    ap.add_argument("--json", metavar="FILE", help="write all results as JSON to FILE")
    ap.add_argument("--min-passed", type=int, default=0, metavar="N",
                    help="fail unless at least N checks passed (guards against checks silently "
                         "disappearing, e.g. when discovery drops the enterprise extension)")
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("-v", "--verbose", action="store_true", help="print data of every result")
    args = ap.parse_args()

    if not args.url:
        print("error: --url (or SCIM_URL) is required", file=sys.stderr)
        return 2
    token = os.environ.get(args.token_env)
    if not token:
        print(f"error: env var {args.token_env} is empty", file=sys.stderr)
        return 2

    # base_url must end with '/' for httpx2 to join relative endpoints under it;
    # scim2-client uses endpoints like "/Users", which httpx2 merges onto the base path.
    http = Client(base_url=args.url, headers={"Authorization": f"Bearer {token}"},
                  timeout=args.timeout)
    client = SyncSCIMClient(http)

    results = check_server(
        client,
        include_tags=set(args.include_tags) if args.include_tags else None,
        exclude_tags=set(args.exclude_tags) if args.exclude_tags else None,
        resource_types=args.resource_type,
    )

    passed = failed = skipped = 0
    for r in results:
        if r.status in PASSING:
            passed += 1
            mark = "PASS"
        elif r.status == Status.SKIPPED and (r.title in args.allow_skip or "tag" in (r.reason or "")):
            skipped += 1
            mark = "SKIP"
        elif r.status == Status.DEVIATION and args.allow_deviation:
            passed += 1
            mark = "DEV "
        else:
            failed += 1
            mark = "FAIL"
        rt = f"[{r.resource_type}] " if r.resource_type else ""
        print(f"{mark} {r.status.name:<9} {rt}{r.title}: {r.reason or ''}".rstrip())
        if mark == "FAIL" or args.verbose:
            if r.data is not None:
                print(f"     data: {r.data!r}"[:4000])

    if args.json:
        with open(args.json, "w") as f:
            json.dump([{"status": r.status.name, "title": r.title, "reason": r.reason,
                        "resource_type": r.resource_type, "tags": sorted(r.tags),
                        "data": repr(r.data)} for r in results], f, indent=1)

    if passed < args.min_passed:
        print(f"FAIL only {passed} checks passed, expected at least {args.min_passed}")
        failed += 1
    print(f"scim2-tester: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main())
