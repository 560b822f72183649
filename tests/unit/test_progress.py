"""Progress reports counts and rates to the log, and draws a bar only on a terminal."""

import io

from pipeline.progress import Progress


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_logs_every_tenth_and_at_the_end():
    lines = []
    progress = Progress(25, "extraction", lines.append, stream=io.StringIO())
    for _ in range(25):
        progress.update(1, words=100)
    assert len(lines) == 13  # every 2 articles (25 // 10), then the 25th
    assert lines[-1].startswith("extraction: 25/25 articles, 2500 words")
    assert "words/s" in lines[-1]


def test_bar_only_on_a_terminal():
    plain, tty = io.StringIO(), _Tty()
    for stream in (plain, tty):
        progress = Progress(4, "x", stream=stream)
        for _ in range(4):
            progress.update()
        progress.close()
    assert plain.getvalue() == ""
    assert "[" + "#" * 30 + "]" in tty.getvalue()
