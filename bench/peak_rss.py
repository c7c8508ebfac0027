#!/usr/bin/env python3
"""Peak resident memory of a command: its own, and the largest of it and its children.

Usage: bench/peak_rss.py CMD [ARG...]   prints "OWN_KIB TREE_KIB", output of CMD discarded

`/usr/bin/time -f %M` reports the largest process of the tree, which for `cairn import
git` is `git log`, not Cairn. The command's own high-water mark (VmHWM) is read from /proc
while it runs; it only grows, so the last reading before exit is the peak.
"""
import resource
import subprocess
import sys
import time


def main() -> None:
    child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    own = 0
    while child.poll() is None:
        try:
            with open(f"/proc/{child.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        own = max(own, int(line.split()[1]))
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.005)
    child.wait()
    if child.returncode != 0:
        sys.exit(f"peak_rss: {sys.argv[1:]} exited with {child.returncode}")
    tree = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(own, tree)


if __name__ == "__main__":
    main()
