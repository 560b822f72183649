"""Helpers shared by the figure tests."""


def figs(extract, text):
    return extract(text).figures


def one(extract, text):
    """The single figure of a sentence, with its span checked against the text."""
    fs = figs(extract, text)
    assert len(fs) == 1, [(f.text, f.measure) for f in fs]
    f = fs[0]
    assert text[f.char_start : f.char_end] == f.text
    return f
