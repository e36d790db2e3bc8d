#!/usr/bin/env python3
"""An independent implementation of planc/prn/v1 (draw.md), from the text of
the spec alone: checks every vector in docs/draw-test-vectors.md, or with
--print writes the table rows. Python's hashlib, no planc code."""
import hashlib
import re
import sys

US = "\x1f"


def h(seed_hex, stream, unit_id):
    text = "planc/prn/v1" + US + seed_hex + US + stream + US + unit_id
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def u(seed_hex, stream, unit_id):
    return int(h(seed_hex, stream, unit_id)[:16], 16)


def negative(u_value, i, m):
    return (u_value + (i << 64) // m) % (1 << 64)


SEEDS = [
    "0" * 64,
    "8f3c2a61d9e04b7a5c1e6f28b3d9a0c4e7f1b2d3c4a5968778695a4b3c2d1e0f",
]
CASES = [
    ("g:T01", "91350581MA2XN4KJ1Q"),
    ("g:T01", "92350581MA31AB2C3D"),
    ("t:T05", "91350581MA2XN4KJ1Q"),
    ("g:任务1", "91350581MA2XN4KJ1Q"),
    ("i:V000001", "INS-0042"),
    ("i:V000001", "张三"),
]


def rows():
    for seed in SEEDS:
        for stream, unit in CASES:
            yield seed, stream, unit, h(seed, stream, unit), u(seed, stream, unit)


def main():
    if "--print" in sys.argv:
        for seed, stream, unit, hh, uu in rows():
            print(f"| `{seed}` | `{stream}` | `{unit}` | `{hh}` | `{hh[:16]}` | {uu} |")
        base = u(SEEDS[1], "g:T01", "91350581MA2XN4KJ1Q")
        for i in range(3):
            print(f"| {i} | 3 | `{negative(base, i, 3):016x}` |")
        return 0
    doc = open(sys.argv[1], encoding="utf-8").read()
    checked = 0
    for line in doc.splitlines():
        m = re.fullmatch(r"\| `([0-9a-f]{64})` \| `([^`]*)` \| `([^`]*)` \| `([0-9a-f]{64})` \| `([0-9a-f]{16})` \| (\d+) \|", line)
        if m:
            seed, stream, unit, hh, prefix, uu = m.groups()
            assert h(seed, stream, unit) == hh, line
            assert hh[:16] == prefix and int(prefix, 16) == int(uu), line
            checked += 1
            continue
        m = re.fullmatch(r"\| (\d+) \| (\d+) \| `([0-9a-f]{16})` \|", line)
        if m:
            i, mm, shifted = int(m.group(1)), int(m.group(2)), m.group(3)
            base = u(SEEDS[1], "g:T01", "91350581MA2XN4KJ1Q")
            assert f"{negative(base, i, mm):016x}" == shifted, line
            checked += 1
    assert checked >= 15, f"only {checked} vectors found"
    print(f"{checked} vectors agree with draw.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
