#!/usr/bin/env python3
"""Writes a benchmark payload: half incompressible "images" (.jpg, random bytes, stored in the
ZIP) and half newspaper-like XML (ALTO-style lines of words, deflated).

    make_payload.py FOLDER SIZE_MB [FILE_MB]
"""
import os
import random
import sys

folder, size_mb = sys.argv[1], int(sys.argv[2])
file_mb = int(sys.argv[3]) if len(sys.argv) > 3 else 8
rng = random.Random(20240318)
words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 11)))
         for _ in range(20000)]

def xml_chunk(target):
    parts, size, i = ['<?xml version="1.0" encoding="UTF-8"?>\n<alto><Layout><Page>\n'], 0, 0
    while size < target:
        line = ('<String ID="s%d" HPOS="%d" VPOS="%d" WIDTH="%d" HEIGHT="32" CONTENT="%s" WC="0.%02d"/>\n'
                % (i, rng.randint(0, 5000), rng.randint(0, 8000), rng.randint(20, 400),
                   rng.choice(words), rng.randint(50, 99)))
        parts.append(line)
        size += len(line)
        i += 1
    parts.append("</Page></Layout></alto>\n")
    return "".join(parts).encode()

os.makedirs(os.path.join(folder, "images"), exist_ok=True)
os.makedirs(os.path.join(folder, "xml"), exist_ok=True)
half = size_mb * (1 << 20) // 2
per_file = file_mb << 20
count = max(1, half // per_file)
# A few distinct XML bodies, each file a different rotation of them (deflate's window is
# 32 KiB, so repetition across files does not make compression easier).
bodies = [xml_chunk(per_file // 4) for _ in range(4)]
for n in range(count):
    with open(os.path.join(folder, "images", "page-%04d.jpg" % n), "wb") as f:
        f.write(os.urandom(per_file))
    with open(os.path.join(folder, "xml", "page-%04d.xml" % n), "wb") as f:
        k = n % 4
        for j in range(4):
            f.write(bodies[(k + j) % 4])
print("%d images + %d XML files of %d MiB in %s" % (count, count, file_mb, folder))
