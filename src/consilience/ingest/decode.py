"""Bytes to text: UTF-8 first, then a detected legacy encoding, never a guess at binary."""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer

from consilience.ingest.problems import InputRejected

# Leading bytes of common binary formats, so the message can say what the file is.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Controls that text holds (tab, line breaks, vertical tab, form feed); other C0 controls
# are a sign of binary.
_TEXT_CONTROLS = frozenset("\t\n\x0b\x0c\r")
_CONTROL = {chr(c) for c in range(32)} - _TEXT_CONTROLS
_MAX_CONTROL_SHARE = 0.01
# UTF-16 without a byte-order mark: the share of 16-bit units whose high byte is NUL must
# reach this (English text: nearly all; Cyrillic or Greek: spaces, digits, punctuation),
# and NULs at the other parity must stay under _UTF16_STRAY_NULS of that count.
_UTF16_MIN_NUL_SHARE = 0.1
_UTF16_STRAY_NULS = 0.02
# Of the decoded characters, at most this share may be controls, unassigned or private.
_UTF16_MAX_ODD_SHARE = 0.01
_NOT_TEXT_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) or raise InputRejected with the reason.

    Text is returned as decoded, line endings included, so that character offsets
    into it are offsets into the file as a reader sees it.
    """
    if not data.strip():
        raise InputRejected("empty file" if not data else "empty file (whitespace only)")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputRejected(f"binary file ({what}), not text")
    text, encoding = _decode(data)
    if "\x00" in text:
        raise InputRejected("binary file (contains NUL bytes), not text")
    controls = sum(1 for ch in text if ch in _CONTROL)
    if controls > max(2, _MAX_CONTROL_SHARE * len(text)):
        raise InputRejected(f"binary file ({controls} control characters), not text")
    if not text.strip():
        raise InputRejected("empty file (whitespace only)")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise InputRejected(
                    f"undecodable: has a {encoding} mark but {error.reason}"
                ) from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputRejected("binary file (contains NUL bytes), not text")
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Multi-byte encodings without a BOM are never guessed: short Latin-1 text would
    # otherwise read as UTF-16 nonsense.
    best = charset_normalizer.from_bytes(
        data, cp_exclusion=["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"]
    ).best()
    # A detector cannot tell the Latin code pages apart on short text (it reads French in
    # windows-1252 as windows-1250). Like browsers, fall back to windows-1252 unless the
    # detected text is in another script (Cyrillic, Greek, Arabic, ...).
    if best is not None and not _mostly_latin(str(best)):
        return str(best), str(best.encoding)
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    if best is None:
        raise InputRejected("undecodable: not valid UTF-8 and no other text encoding fits")
    return str(best), str(best.encoding)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when `data` is UTF-16 text saved without a byte-order mark.

    Such text (Windows "Unicode" exports) has a NUL as the high byte of every ASCII
    character, so its NULs sit almost all at odd offsets (little-endian) or at even
    offsets (big-endian). Binary files have their NULs at both parities, or decode to
    controls, NUL characters, unpaired surrogates or unassigned code points; those
    return None and stay rejected.
    """
    units = len(data) // 2
    if len(data) % 2 or units == 0:
        return None
    nuls_even = data[0::2].count(0)
    nuls_odd = data[1::2].count(0)
    encoding, high, stray = (
        ("utf-16-le", nuls_odd, nuls_even)
        if nuls_odd >= nuls_even
        else ("utf-16-be", nuls_even, nuls_odd)
    )
    if high < _UTF16_MIN_NUL_SHARE * units or stray > _UTF16_STRAY_NULS * high:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    odd = sum(
        1
        for char in text
        if char not in _TEXT_CONTROLS and unicodedata.category(char) in _NOT_TEXT_CATEGORIES
    )
    if "\x00" in text or odd > _UTF16_MAX_ODD_SHARE * len(text):
        return None
    if not any(char.isalpha() for char in text):
        return None
    return text, encoding


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin * 2 >= len(letters)
