#!/usr/bin/env python3
"""Peak resident memory of a command: its own, and the largest process of its tree.

Usage: bench/peak_rss.py CMD [ARG...]   prints "OWN_KIB TREE_KIB", output of CMD discarded

The tree figure is `/usr/bin/time -f %M`, which reports the largest process of the tree:
for `cairn import git` that is `git log`, not Cairn. The command's own high-water mark
(VmHWM) is read from /proc while it runs; it only grows, so the last reading before exit
is its peak. A command too quick to be read (a few milliseconds) starts no children, so
its own figure is the tree figure.
"""
import subprocess
import sys
import tempfile
import time


def vm_hwm(pid: int) -> int:
    """The process's peak RSS so far in KiB, or 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    with tempfile.NamedTemporaryFile("r") as report:
        timer = subprocess.Popen(
            ["/usr/bin/time", "-f", "%M", "-o", report.name, *sys.argv[1:]],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        own = 0
        while timer.poll() is None:
            try:
                with open(f"/proc/{timer.pid}/task/{timer.pid}/children") as children:
                    pids = [int(p) for p in children.read().split()]
            except OSError:
                pids = []
            if pids:
                own = max(own, vm_hwm(pids[0]))
            time.sleep(0.005)
        if timer.returncode != 0:
            sys.exit(f"peak_rss: {sys.argv[1:]} exited with {timer.returncode}")
        tree = int(report.read().split()[-1])
    print(own or tree, tree)


if __name__ == "__main__":
    main()
