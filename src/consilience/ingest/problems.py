"""Why an input was not ingested, or what to check in one that was, as one line a user
can act on."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Invisible characters that reorder the text around them (Unicode Bidi_Control): a
# file name holding U+202E can make "txt.exe" read as "exe.txt".
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# How Python's "surrogateescape" smuggles an undecodable byte of a POSIX file name.
_ESCAPED_BYTES = range(0xDC80, 0xDD00)
# A problem is one line; an exception's text is cut to this many characters.
_REASON_CHARS = 200


def printable(text: str) -> str:
    """`text` safe to print as part of one terminal line.

    File names and metadata come from untrusted input: a newline would split one problem
    into two lines, an escape sequence (ESC [ ...) would reach the terminal, a bidi
    override would reorder what is shown. Those characters are written as escapes
    (\\n, \\r, \\t, \\x1b, \\u202e); letters of every script are left alone. An
    undecodable byte of a file name is shown as the byte (\\xff), since printing the lone
    surrogate Python holds for it would raise UnicodeEncodeError.
    """
    if text.isprintable():
        return text
    return "".join(_escape(char) for char in text)


def _escape(char: str) -> str:
    named = _NAMED_ESCAPES.get(char)
    if named is not None:
        return named
    code = ord(char)
    category = unicodedata.category(char)
    if category == "Cs":
        if code in _ESCAPED_BYTES:
            return f"\\x{code - 0xDC00:02x}"
        return f"\\u{code:04x}"
    if category in ("Cc", "Zl", "Zp") or char in _BIDI_CONTROLS:
        return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"
    return char


def error_reason(error: BaseException) -> str:
    """ "OverflowError: cannot convert float infinity to integer": an exception as the
    short reason of a one-line problem."""
    message = " ".join(str(error).split())
    if len(message) > _REASON_CHARS:
        message = message[: _REASON_CHARS - 1] + "\u2026"
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


@dataclass(frozen=True)
class IngestProblem:
    """An input that was skipped. `where` is the file, or `file:line` inside JSONL."""

    where: str
    reason: str

    def __str__(self) -> str:
        # Both parts may quote the input (a file name, a sidecar's name, a symlink target).
        return f"{printable(self.where)}: {printable(self.reason)}"


@dataclass(frozen=True)
class IngestWarning:
    """An input that was read, with something the user should look at: one line, and
    the document is still built. `where` is the file."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{printable(self.where)}: warning: {printable(self.message)}"


class InputRejected(Exception):
    """Raised inside readers; turned into an IngestProblem by the caller."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
