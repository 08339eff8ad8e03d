#!/usr/bin/env bash
# Article segmentation of OCR pages scored against the libraries' own segmentation: for each
# METS issue of ../shared/ocr-dev/mets-alto, the articles the source METS marks (kept by
# `paperbag export`, converted to the scorer's truth format) against what paperbag finds with
# --resegment, scored by ../shared/eval-dev/score.py (article F1, headline accuracy, body
# characters). Not run by ctest.
#
#     bench/ocr/eval_mets.sh [ISSUE_FOLDER...]
#     PAPERBAG_EVAL_KEEP=DIR bench/ocr/eval_mets.sh ...   # keeps truth, predictions and scores
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=${PAPERBAG:-$root/build/main/src/paperbag}
shared=$root/../shared
[ -x "$bin" ] || { echo "build paperbag first (scripts/build)" >&2; exit 2; }
[ -f "$shared/eval-dev/score.py" ] || { echo "../shared/eval-dev not found" >&2; exit 77; }
if [ $# -eq 0 ]; then set -- "$shared"/ocr-dev/mets-alto/*/; fi
if [ -n "${PAPERBAG_EVAL_KEEP:-}" ]; then
  work=$PAPERBAG_EVAL_KEEP
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/paperbag-ocr-eval-XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi
for issue in "$@"; do
  name=$(basename "$issue")
  # The images are not in ocr-dev: --missing=warn packages and reads what is there.
  "$bin" export "$issue" --missing=warn --format jsonl -o "$work/$name.kept.jsonl" 2>/dev/null
  "$bin" export "$issue" --missing=warn --resegment --format jsonl -o "$work/$name.pred.jsonl" 2>/dev/null
  python3 - "$work/$name.kept.jsonl" "$work/$name.truth.json" <<'PY'
import json, sys
articles = []
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r.get("type") != "article":
        continue
    articles.append({"headline": r["headline"], "kicker": None, "subtitle": None,
                     "bylines": [], "dateline": None, "continued_on": None, "signature": None,
                     "body_paragraphs": [p for p in r["body"].split("\n") if p]})
json.dump({"articles": articles, "illustrations": []}, open(sys.argv[2], "w", encoding="utf-8"),
          ensure_ascii=False)
PY
  python3 "$shared/eval-dev/score.py" "$work/$name.truth.json" "$work/$name.pred.jsonl" --json \
    >"$work/$name.score.json"
  python3 - "$name" "$work/$name.score.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[2]))
o = d.get("overall", d)
def g(*keys):
    for k in keys:
        if k in o: return o[k]
    return None
print("%-45s %s" % (sys.argv[1], json.dumps({k: o[k] for k in o if not isinstance(o[k], dict)})))
PY
done
