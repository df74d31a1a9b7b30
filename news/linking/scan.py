"""Run a regular expression only where its key words are, so detection stays linear and fast.

A pattern such as "a number, up to three modifiers, then 'students'" is tried by Python's
`re` at every position of the text. On a 2 MB text that alone takes about a second. Every
match of such a pattern contains one of a few key words, which an Aho-Corasick automaton
finds in one pass in C; the pattern then runs only in windows around them. Windows are
merged where they overlap and widened to whitespace, and `finditer(text, pos, endpos)`
keeps look-behinds and `\\b` seeing the real characters before the window.
"""

import bisect

import ahocorasick


def keyword_automaton(words):
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def windows(text, automaton, before, after, keep=None):
    """Merged (start, end) windows around every key word found in `text` (for which
    `keep(start)` is true, where given)."""
    size = len(text)
    merged = []
    for end, length in automaton.iter(text):
        if keep is not None and not keep(end + 1 - length):
            continue
        lo, hi = max(0, end + 1 - length - before), min(size, end + 1 + after)
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    for window in merged:
        lo, hi = window
        if lo > 0:
            space = text.find(" ", lo, lo + 50)
            window[0] = space + 1 if space != -1 else lo
        if hi < size:
            space = text.rfind(" ", hi - 50, hi)
            window[1] = space if space > window[0] else hi
    return merged


def finditer_near(
    pattern, text, automaton, *, search_in=None, before=300, after=200, keep=None, starts=None
):
    """Matches of `pattern` in `text` that lie within reach of the automaton's key words;
    `search_in` is the text the key words are looked for in (e.g. its lower-case copy);
    `keep(start)` passes over key words that cannot be part of a match. `starts`, where
    given, is a pattern (one character class, which the engine skips to in C) matching at
    every position where `pattern` can start a match, and `pattern` never matches empty:
    `pattern` is then tried only there, as `pattern.finditer` would find it (a long
    alternation is otherwise tried at every character of the windows)."""
    last_end = 0
    search_in = search_in if search_in is not None else text
    for lo, hi in windows(search_in, automaton, before, after, keep):
        if starts is None:
            for match in pattern.finditer(text, max(lo, last_end), hi):
                last_end = match.end()
                yield match
            continue
        position = max(lo, last_end)
        for start in starts.finditer(text, position, hi):
            at = start.start()
            if at < position:
                continue  # inside the match just found
            match = pattern.match(text, at, hi)
            if match is not None:
                position = last_end = match.end()
                yield match


def positions_between(starts, lo, hi):
    """Slice indexes of the sorted positions `starts` that fall in [lo, hi)."""
    return bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)


def is_word_char(char):
    return char.isalnum() or char == "_"  # what `\\w` matches


def finditer_at_keys(pattern, text, automaton, search_in):
    """The matches of `pattern.finditer(text)` where every match starts with one of the
    automaton's keys, found in `search_in` (the text in lower case, of the same length):
    the pattern is tried only where a key starts, not at every character (for a long
    alternation of roles, a second per 2 MB in Python's `re`). `pattern.match(text, pos)`
    sees the characters before `pos`, so look-behinds judge as in a scan of the text."""
    starts = sorted({end + 1 - length for end, length in automaton.iter(search_in)})
    last_end = 0
    for start in starts:
        if start < last_end:
            continue
        match = pattern.match(text, start)
        if match and match.end() > start:
            last_end = match.end()
            yield match
