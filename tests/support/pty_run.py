"""Runs a command under a real pseudo-terminal and renders what a terminal would show.

Usage: pty_run.py RAW_OUT SCREEN_OUT -- COMMAND...
Writes the raw bytes the command wrote to the terminal (stdout and stderr share it, as in
an interactive shell) to RAW_OUT, and the final screen contents (carriage return, "erase to
end of line" and newlines applied; the scrollback included) to SCREEN_OUT. Exits with the
command's exit code. Any escape sequence other than ESC [ K is kept verbatim on the screen,
so tests see it.
"""
import os
import pty
import sys


def run(argv):
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    raw = bytearray()
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        raw += data
    _, status = os.waitpid(pid, 0)
    return bytes(raw), os.waitstatus_to_exitcode(status)


def render(raw):
    text = raw.decode("utf-8", "replace")
    lines, row, col, i = [""], 0, 0, 0
    while i < len(text):
        c = text[i]
        if text.startswith("\x1b[K", i):
            lines[row] = lines[row][:col]
            i += 3
            continue
        if c == "\r":
            col = 0
        elif c == "\n":
            row += 1
            if row == len(lines):
                lines.append("")
        else:
            line = lines[row].ljust(col)
            lines[row] = line[:col] + c + line[col + 1:]
            col += 1
        i += 1
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def main():
    raw_out, screen_out, sep, *argv = sys.argv[1:]
    assert sep == "--", "usage: pty_run.py RAW SCREEN -- COMMAND..."
    raw, code = run(argv)
    with open(raw_out, "wb") as f:
        f.write(raw)
    with open(screen_out, "w", encoding="utf-8") as f:
        f.write("\n".join(render(raw)) + "\n")
    sys.exit(code)


if __name__ == "__main__":
    main()
