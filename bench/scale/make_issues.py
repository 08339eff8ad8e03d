#!/usr/bin/env python3
"""make_issues.py SAMPLES_DIR OUT_DIR COUNT: COUNT issue folders made from the two sample
issues, each with its own local identifier and date (so its own key). Page files are hard
links to the samples' (the plan still reads and hashes each one), so 100,000 issues fit in a
few hundred MB. Used by bench/scale/run.sh."""

import datetime
import os
import sys


def main(samples, out, count):
    sources = [os.path.join(samples, "riverton-courier-2024-03-18"),
               os.path.join(samples, "jianghe-daily-2024-03-18")]
    manifests = [open(os.path.join(s, "issue.xml"), encoding="utf-8").read() for s in sources]
    start = datetime.date(1900, 1, 1)
    for i in range(count):
        src = sources[i % 2]
        date = (start + datetime.timedelta(days=i)).isoformat()
        base = os.path.basename(src)[: -len("-2024-03-18")]
        folder = os.path.join(out, f"{i // 1000:03d}", f"{base}-{date}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "issue.xml"), "w", encoding="utf-8") as f:
            f.write(manifests[i % 2].replace("2024-03-18", date))
        for name in ("page-01.txt", "page-02.txt"):
            os.link(os.path.join(src, name), os.path.join(folder, name))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
