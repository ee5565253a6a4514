"""`consilience cite`: a claim's document cited as Wikipedia's {{cite news}} or CSL-JSON,
quoting the sentence that holds the claim, on the seed articles; hostile metadata cannot
break the template."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from consilience.api import build
from consilience.present.cite import Citation, cite_news, claim_sentence
from consilience.store import Ledger
from tests.conftest import SEEDS, run_cli

COURIER = "000_11b93566269a3dbc"  # no publisher or date in the text; one is given below
DATED = "004_221156d4983b2923"  # "date 2026-01-20" in its text
HOSTILE = "001_a89001f2349617cd"
PUBLISHER = "DND News Agency Pakistan"  # the agency the article's last paragraph names
HOSTILE_TITLE = "Mourning | Day }} {{Delete}} [[Link]]\nsecond\tline ~~~~ a=b"


@pytest.fixture(scope="module")
def seed_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed articles, one given its publisher and one a hostile title and
    publisher by a .meta.json beside it."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (clone with ../shared beside the repo)")
    folder = tmp_path_factory.mktemp("cite")
    corpus = folder / "seeds"
    shutil.copytree(SEEDS, corpus)
    (corpus / f"{COURIER}.meta.json").write_text(json.dumps({"publisher": PUBLISHER}))
    hostile = {"title": HOSTILE_TITLE, "publisher": "Pub|lisher}}\x1b[31m"}
    (corpus / f"{HOSTILE}.meta.json").write_text(json.dumps(hostile))
    path = folder / "seeds.db"
    build([str(corpus)], path).close()
    return path


def figure(ledger_path: Path, stem: str, text: str) -> dict[str, object]:
    """The figure claim of the seed `stem` whose text holds `text`."""
    with Ledger(ledger_path, readonly=True) as ledger:
        for measure in ("killed", "wounded"):
            for claim in ledger.figures_of_measure(measure):
                document = ledger.document(str(claim["doc"]))
                assert document is not None
                if Path(document["path"]).stem == stem and text in claim["text"]:
                    return claim
    raise AssertionError(f"no figure {text!r} in {stem}")


def parameters(template: str) -> dict[str, str]:
    """The named parameters of one {{cite news ...}}, split as MediaWiki splits them."""
    assert template.startswith("{{cite news ") and template.endswith("}}")
    inner = template[len("{{cite news ") : -2]
    assert "{{" not in inner.replace("{{!}}", "") and "}}" not in inner.replace("{{!}}", "")
    found = {}
    for part in inner.replace("{{!}}", "\0").split("|")[1:]:
        name, _, value = part.partition("=")
        found[name] = value.strip().replace("\0", "|")
    return found


def test_cite_news_quotes_the_sentence_of_a_seed_figure(seed_ledger: Path) -> None:
    claim = figure(seed_ledger, COURIER, "132")
    cited = run_cli("cite", str(seed_ledger), str(claim["id"]))
    assert cited.returncode == 0, cited.stderr
    template = cited.stdout.strip()
    assert "\n" not in template
    assert parameters(template) == {
        "title": "January 20, 1990: A Tragedy that forged a Nation’s Resolve",
        "publisher": PUBLISHER,
        "quote": "As a result, 132 innocent civilians were killed, 744 were injured, and "
        "841 were illegally arrested.",
    }
    assert str(claim["text"]) in parameters(template)["quote"]


def test_cite_news_gives_the_seed_publication_date(seed_ledger: Path) -> None:
    claim = figure(seed_ledger, DATED, "147")
    cited = run_cli("cite", str(seed_ledger), str(claim["id"]), "--format", "wikipedia")
    given = parameters(cited.stdout.strip())
    assert given["date"] == "2026-01-20"
    assert str(claim["text"]) in given["quote"]
    assert given["quote"].startswith("The Bloody January events")


def test_csl_json_has_the_item_fields(seed_ledger: Path) -> None:
    claim = figure(seed_ledger, DATED, "147")
    cited = run_cli("cite", str(seed_ledger), str(claim["id"]), "--format", "csl")
    assert cited.returncode == 0, cited.stderr
    [item] = json.loads(cited.stdout)
    assert item["id"] == claim["id"]
    assert item["type"] == "article-newspaper"
    assert item["issued"] == {"date-parts": [[2026, 1, 20]]}
    assert item["title"]
    assert str(claim["text"]) in item["note"]
    dated = figure(seed_ledger, COURIER, "132")
    [item] = json.loads(run_cli("cite", str(seed_ledger), str(dated["id"]), "-f", "csl").stdout)
    assert item["container-title"] == PUBLISHER
    assert "issued" not in item  # the document states no date: none is made up


def test_hostile_title_cannot_break_the_template(seed_ledger: Path) -> None:
    claim = figure(seed_ledger, HOSTILE, "150")
    cited = run_cli("cite", str(seed_ledger), str(claim["id"]))
    assert cited.returncode == 0, cited.stderr
    template = cited.stdout.strip()
    assert "\n" not in template and "\x1b" not in template
    given = parameters(template)
    assert set(given) == {"title", "publisher", "quote"}
    assert given["title"].startswith("Mourning | Day &#125;&#125; &#123;&#123;Delete")
    assert "&#91;&#91;Link&#93;&#93; second line &#126;&#126;&#126;&#126; a=b" in given["title"]
    assert given["publisher"] == "Pub|lisher&#125;&#125;&#91;31m"
    assert "150 peaceful civilians" in given["quote"]


def test_every_wiki_markup_character_is_escaped() -> None:
    hostile = "a|b}}c{{d[[e]]f<ref>g~~~h\ni"
    template = cite_news(Citation(hostile, hostile, "", "", hostile))
    given = parameters(template)
    assert set(given) == {"title", "publisher", "quote"}
    for value in given.values():
        assert not re.search(r"[{}\[\]<\n]|~~~", value.replace("{{!}}", "")), value


def test_unknown_claim_is_one_line_and_a_usage_status(seed_ledger: Path) -> None:
    result = run_cli("cite", str(seed_ledger), "0000000000000000-f99")
    assert result.returncode == 2
    assert result.stderr == f"consilience: {seed_ledger}: no claim '0000000000000000-f99'\n"
    assert result.stdout == ""


def test_a_long_sentence_is_cut_around_the_claim_never_through_it(seeds_dir: Path) -> None:
    text = (seeds_dir / f"{DATED}.txt").read_text(encoding="utf-8")
    start = text.index("the wounding of 744")
    end = start + len("the wounding of 744")
    whole = claim_sentence(text, start, end)
    assert whole.startswith("The Bloody January events") and whole.endswith("people.")
    short = claim_sentence(text, start, end, limit=60)
    assert "the wounding of 744" in short
    assert short.startswith("…") and short.endswith("…")
    assert len(short) <= 60 + 2
    inner = short.strip("…")
    assert inner in whole and not inner.startswith(" ") and not inner.endswith(" ")
    assert claim_sentence(text, start, end, limit=5) == "…the wounding of 744…"
