#!/usr/bin/env python3
"""Extracts the examples of Markdown files and runs them (the doc test, ctest cli.docs_examples).

Every fenced block whose language is sh, bash, shell, console, python or sql is an example:

  sh/bash/shell/console  Blocks with "$ " prompts: each prompted command (with its "\\"
                         continuation lines) runs in one bash session, in order; the other
                         lines are output shown to the reader, not compared. Blocks without
                         prompts run as one bash script. Every command must exit 0.
  python                 Runs with a Python 3 that has pandas (Debian's python3-pandas).
  sql                    Runs statement by statement with DuckDB (@duckdb/node-api from the npm
                         registry, installed by scripts/setup-deps) through duckdb_run.cjs.

Examples run in the order of the files and of the blocks, all in one scratch folder that the
caller prepared (tests/cli/docs_examples.sh: the samples, bundles built from them, corpus files).

A block that cannot run in a test (a server, Slurm, the network, a build of paperbag itself,
placeholder paths) is marked by an HTML comment on the line before its fence (blank lines may
stand between), which readers of the Markdown source see and rendered pages hide:

  <!-- doc-test: skip (reason) -->   not run; counted and listed with the reason
  <!-- doc-test: exit N -->          every command of the block must exit N (an example of
                                     bad input)

An unknown doc-test directive, or a skip without a reason, fails the test.

  doc_examples.py list FILE...                 the examples and markers, one per line
  doc_examples.py run --workdir DIR FILE...    runs them; exit 1 when any failed
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

LANGUAGES = {
    "sh": "shell", "bash": "shell", "shell": "shell", "console": "shell",
    "python": "python", "py": "python", "python3": "python",
    "sql": "sql",
}
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+.-]*)")
MARKER = re.compile(r"^\s*<!--\s*doc-test:\s*(.*?)\s*-->\s*$")
SKIP = re.compile(r"^skip\s*\((.+)\)$")
EXIT = re.compile(r"^exit\s+(\d+)$")
TIMEOUT = 180  # seconds per block: a hang guard, not a speed test


class Block:
    def __init__(self, path, line, kind, text, marker):
        self.path, self.line, self.kind, self.text = path, line, kind, text
        self.skip = None
        self.exit = 0
        self.error = None
        if marker is None:
            return
        m_skip, m_exit = SKIP.match(marker), EXIT.match(marker)
        if m_skip and m_skip.group(1).strip():
            self.skip = m_skip.group(1).strip()
        elif m_exit:
            self.exit = int(m_exit.group(1))
        else:
            self.error = ("unknown doc-test marker '%s' (use 'skip (reason)' or 'exit N')"
                          % marker)

    def where(self):
        return "%s:%d" % (self.path, self.line)


def extract(path):
    """The example blocks of one Markdown file, with the marker that precedes each."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks, i, marker, marker_line = [], 0, None, None
    while i < len(lines):
        m = MARKER.match(lines[i])
        if m:
            marker, marker_line = m.group(1), i + 1
            i += 1
            continue
        fence = FENCE.match(lines[i])
        if not fence:
            if lines[i].strip():
                if marker is not None:  # a marker must stand right before a fence
                    blocks.append(Block(path, marker_line, "marker", "", marker))
                    blocks[-1].error = "doc-test marker not followed by a code block"
                marker = None
            i += 1
            continue
        indent, mark, language = fence.group(1), fence.group(2), fence.group(3).lower()
        end = i + 1
        while end < len(lines) and not lines[end].strip().startswith(mark):
            end += 1
        body = [line[len(indent):] if line.startswith(indent) else line
                for line in lines[i + 1:end]]
        if language in LANGUAGES:
            blocks.append(Block(path, i + 1, LANGUAGES[language], "\n".join(body) + "\n",
                                marker))
        elif marker is not None:
            blocks.append(Block(path, marker_line, "marker", "", marker))
            blocks[-1].error = "doc-test marker before a '%s' block, which is not run" % (
                language or "plain")
        marker = None
        i = end + 1
    return blocks


def shell_commands(text):
    """The commands of a block with "$ " prompts (continuation lines joined), or None."""
    lines = text.split("\n")
    if not any(line.startswith("$ ") for line in lines):
        return None
    commands, current = [], None
    for line in lines:
        if current is not None:
            current.append(line)
            if not line.rstrip().endswith("\\"):
                commands.append("\n".join(current))
                current = None
        elif line.startswith("$ "):
            current = [line[2:]]
            if not line.rstrip().endswith("\\"):
                commands.append(current[0])
                current = None
    if current is not None:
        commands.append("\n".join(current))
    return commands


def shell_script(block):
    """A bash script that runs the block and checks each command's exit status."""
    commands = shell_commands(block.text)
    if commands is None:  # a plain script: stop at the first failing command
        if block.exit == 0:
            return "set -e\n" + block.text
        commands = [block.text]
    out = ["__doc_fail=0"]
    for command in commands:
        shown = command.replace("'", "'\\''")
        out.append(command)
        out.append('__rc=$?; if [ "$__rc" != %d ]; then echo "doc-test: exit $__rc '
                   '(expected %d): %s" >&2; __doc_fail=1; fi' % (block.exit, block.exit, shown))
    out.append("exit $__doc_fail")
    return "\n".join(out) + "\n"


def pandas_python():
    for candidate in ("python3", "/usr/bin/python3"):
        exe = shutil.which(candidate)
        if exe and subprocess.run([exe, "-c", "import pandas"],
                                  capture_output=True).returncode == 0:
            return exe
    return None


def run_block(block, workdir, tools):
    """Runs one block; returns None when it passed, else the reason it failed."""
    with tempfile.NamedTemporaryFile("w", suffix=".example", delete=False,
                                     encoding="utf-8") as f:
        script = f.name
        if block.kind == "shell":
            f.write(shell_script(block))
        else:
            f.write(block.text)
    try:
        if block.kind == "shell":
            command = ["bash", "--noprofile", "--norc", script]
        elif block.kind == "python":
            if not tools["python"]:
                return "no Python 3 with pandas (scripts/setup-deps installs python3-pandas)"
            command = [tools["python"], script]
        else:
            if not tools["duckdb"]:
                return ("DuckDB is not installed (scripts/setup-deps installs @duckdb/node-api "
                        "with npm)")
            command = ["node", tools["duckdb"], script]
        try:
            result = subprocess.run(command, cwd=workdir, capture_output=True, text=True,
                                    timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return "did not finish within %d s" % TIMEOUT
        if block.kind != "shell" and result.returncode != block.exit:
            return "exit %d (expected %d)\n%s" % (result.returncode, block.exit,
                                                  result.stderr[-2000:])
        if block.kind == "shell" and result.returncode != 0:
            return result.stderr[-2000:]
        return None
    finally:
        os.unlink(script)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=["list", "run"])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--workdir", default=".")
    parser.add_argument("--duckdb-runner", default="",
                        help="duckdb_run.cjs, when @duckdb/node-api can be loaded")
    args = parser.parse_args()
    blocks = [b for path in args.files for b in extract(path)]
    if args.action == "list":
        for b in blocks:
            state = ("error: " + b.error if b.error else "skip: " + b.skip if b.skip
                     else "exit %d" % b.exit)
            print("%s\t%s\t%s" % (b.where(), b.kind, state))
        return 1 if any(b.error for b in blocks) else 0

    tools = {"python": pandas_python(), "duckdb": args.duckdb_runner or None}
    passed, failed, skipped = 0, [], []
    for b in blocks:
        if b.error:
            failed.append((b, b.error))
        elif b.skip:
            skipped.append(b)
        else:
            reason = run_block(b, args.workdir, tools)
            if reason is None:
                passed += 1
                print("ok      %s %s" % (b.where(), b.kind))
            else:
                failed.append((b, reason))
                print("FAILED  %s %s" % (b.where(), b.kind))
    for b in skipped:
        print("skipped %s %s: %s" % (b.where(), b.kind, b.skip))
    for b, reason in failed:
        print("\nFAILED %s (%s):\n%s" % (b.where(), b.kind, reason.rstrip()), file=sys.stderr)
    print("doc examples: %d passed, %d failed, %d skipped" % (passed, len(failed), len(skipped)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
