"""One rule names a source: publisher, else the URL's site, else the cleaned title, and
the file name only when nothing better is stated; a thin HTML page is built with a
warning."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from consilience.ingest import Document, IngestProblem, IngestWarning, ingest_file
from consilience.ingest.naming import clean_title, document_title, source_name
from consilience.ingest.readers import THIN_PAGE_CHARS
from consilience.store import Ledger

from .conftest import run_cli

ARTICLE = "".join(
    f"<p>{sentence}</p>"
    for sentence in (
        "Rescue teams reached the flooded villages of the Tarn valley on Tuesday morning.",
        "The regional governor said 14 people had been taken to hospital overnight.",
        "Roads into the valley stayed closed, and the river was still rising at noon.",
        "Volunteers filled sandbags in the square while schools were turned into shelters.",
    )
)


def page(head: str, body: str = ARTICLE, title: str = "Floods cut off Tarn valley") -> str:
    """A news page as sites publish it: a head with metadata, navigation, the article."""
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer><p>Contact us. Privacy policy.</p></footer></body></html>"
    )


def read_one(path: Path) -> tuple[Document, list[IngestWarning]]:
    items = list(ingest_file(str(path)))
    assert not [item for item in items if isinstance(item, IngestProblem)], items
    documents = [item for item in items if isinstance(item, Document)]
    assert len(documents) == 1
    return documents[0], [item for item in items if isinstance(item, IngestWarning)]


def name_of(document: Document) -> str:
    """The name views give a document: the rule applied to its ledger record's fields."""
    return source_name({"path": document.path, **asdict(document.metadata)})


def test_open_graph_site_name_is_the_publisher_not_a_facebook_address(tmp_path: Path) -> None:
    path = tmp_path / "tarn.html"
    path.write_text(
        page(
            '<meta property="article:publisher" content="https://www.facebook.com/valleynews">'
            '<meta property="og:site_name" content="Valley News">'
        ),
        encoding="utf-8",
    )
    document, warnings = read_one(path)
    assert document.metadata.publisher == "Valley News"
    assert name_of(document) == "Valley News"
    assert warnings == []


def test_a_facebook_address_alone_is_no_publisher(tmp_path: Path) -> None:
    path = tmp_path / "tarn.html"
    path.write_text(
        page('<meta property="article:publisher" content="https://www.facebook.com/vn">'),
        encoding="utf-8",
    )
    document, _ = read_one(path)
    assert document.metadata.publisher is None
    assert name_of(document) == "Floods cut off Tarn valley"


def test_json_ld_publisher_inside_a_graph(tmp_path: Path) -> None:
    json_ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "url": "https://tarn-courier.example/"},
            {
                "@type": "NewsArticle",
                "headline": "Floods cut off Tarn valley",
                "publisher": {"@type": "NewsMediaOrganization", "name": "The Tarn Courier"},
            },
        ],
    }
    path = tmp_path / "tarn.html"
    path.write_text(
        page(f'<script type="application/ld+json">{json.dumps(json_ld)}</script>'),
        encoding="utf-8",
    )
    document, _ = read_one(path)
    assert document.metadata.publisher == "The Tarn Courier"


def test_json_ld_publisher_named_by_reference(tmp_path: Path) -> None:
    """WordPress SEO plugins point the article's publisher at an organisation node."""
    org = "https://tarn-courier.example/#organization"
    json_ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "publisher": {"@id": org}},
            {"@type": "Organization", "@id": org, "name": "The Tarn Courier"},
        ],
    }
    path = tmp_path / "tarn.html"
    path.write_text(
        page(f'<script type="application/ld+json">{json.dumps(json_ld)}</script>'),
        encoding="utf-8",
    )
    document, _ = read_one(path)
    assert document.metadata.publisher == "The Tarn Courier"


def test_a_twitter_account_names_the_site_when_nothing_else_does(tmp_path: Path) -> None:
    path = tmp_path / "tarn.html"
    path.write_text(page('<meta name="twitter:site" content="@tarncourier">'), encoding="utf-8")
    document, _ = read_one(path)
    assert document.metadata.publisher == "tarncourier"


def test_malformed_json_ld_is_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "tarn.html"
    path.write_text(
        page(
            '<script type="application/ld+json">{"publisher": {"name": </script>'
            '<meta name="application-name" content="Tarn Today">'
        ),
        encoding="utf-8",
    )
    document, _ = read_one(path)
    assert document.metadata.publisher == "Tarn Today"


def test_canonical_link_gives_the_url_and_its_site_names_the_source(tmp_path: Path) -> None:
    path = tmp_path / "tarn.html"
    path.write_text(
        page('<link rel="canonical" href="https://www.tarn-courier.example/2020/01/floods">'),
        encoding="utf-8",
    )
    document, _ = read_one(path)
    assert document.metadata.url == "https://www.tarn-courier.example/2020/01/floods"
    # The host is no name the page states: it is shown, not stored as the publisher.
    assert document.metadata.publisher is None
    assert name_of(document) == "tarn-courier.example"


def test_og_url_when_there_is_no_canonical_link(tmp_path: Path) -> None:
    path = tmp_path / "tarn.html"
    path.write_text(
        page('<meta property="og:url" content="https://news.tarn.example/floods">'),
        encoding="utf-8",
    )
    document, _ = read_one(path)
    assert document.metadata.url == "https://news.tarn.example/floods"
    assert name_of(document) == "news.tarn.example"


def test_a_relative_canonical_link_names_no_site(tmp_path: Path) -> None:
    path = tmp_path / "tarn.html"
    path.write_text(page('<link rel="canonical" href="/2020/01/floods">'), encoding="utf-8")
    document, _ = read_one(path)
    assert document.metadata.url is None
    assert name_of(document) == "Floods cut off Tarn valley"


def test_jsonl_publisher_then_url_then_source_object_then_nothing(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {"text": "Two ferries collided near Osk.", "publisher": "Coast FM"},
        {"text": "A bridge closed in Lerr.", "url": "https://www.lerr-post.example/a/1"},
        {"text": "A fire spread in Mool.", "source": {"id": None, "name": "Mool Radio"}},
        {"text": "A storm hit Vask.", "site_name": "Vask Daily", "source": "Vask Radio"},
        {"text": "Snow closed the pass.", "source": 7},
        {"text": "Rain fell in Dunn."},
    ]
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n")
    items = list(ingest_file(str(path)))
    assert not [item for item in items if isinstance(item, IngestProblem)], items
    documents = [item for item in items if isinstance(item, Document)]
    assert [name_of(document) for document in documents] == [
        "Coast FM",
        "lerr-post.example",
        "Mool Radio",
        "Vask Daily",
        "feed.jsonl#5",
        "feed.jsonl#6",
    ]


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("Baku massacre | Site Name | 20 January 2020", "Baku massacre"),
        ("Floods cut off Tarn valley - Valley News", "Floods cut off Tarn valley"),
        ("Floods cut off Tarn valley :: tarn-courier.example", "Floods cut off Tarn valley"),
        ("Floods cut off Tarn valley \u2014 Monday, 20 January 2020", "Floods cut off Tarn valley"),
        ("  Floods   cut off\nTarn valley ", "Floods cut off Tarn valley"),
        # A dash inside a headline stays: its tail names no site.
        ("Baku remembers - Black January", "Baku remembers - Black January"),
        (
            "Anniversary of the 20 January Tragedy \u2013 National Mourning Day in Azerbaijan",
            "Anniversary of the 20 January Tragedy \u2013 National Mourning Day in Azerbaijan",
        ),
        ("Welcome to Example News", None),
        ("Home", None),
        ("", None),
    ],
)
def test_clean_title(title: str, cleaned: str | None) -> None:
    assert clean_title(title) == cleaned


def test_a_title_loses_its_site_name_at_either_end_when_the_site_is_known() -> None:
    record = {"title": "Valley News - Floods cut off Tarn valley", "publisher": "Valley News"}
    assert document_title(record) == "Floods cut off Tarn valley"
    assert clean_title(record["title"]) == record["title"]  # not known: a headline's dash
    by_host = {"title": "Tarn Courier - Floods", "url": "https://www.tarn-courier.example/1"}
    assert document_title(by_host) == "Floods"


def test_a_welcome_title_names_the_site() -> None:
    assert source_name({"title": "Welcome to Example News!", "path": "d/index.html"}) == (
        "Example News"
    )
    assert source_name({"title": "Welcome to Example News | Home", "path": "x.html"}) == (
        "Example News"
    )


def test_the_file_name_only_when_nothing_else_is_stated() -> None:
    assert source_name({"path": "corpus/a/story.txt"}) == "story.txt"
    assert source_name({"title": "Home", "path": "corpus/a/story.html"}) == "story.html"
    assert source_name({"url": "not an address", "path": "corpus/a/s.txt"}) == "s.txt"
    assert source_name({"url": "http://[::1", "path": "corpus/a/s.txt"}) == "s.txt"
    assert source_name({"title": "Floods", "path": "corpus/a/s.txt"}) == "Floods"


def test_seeds_are_named_by_what_they_state(seeds_dir: Path) -> None:
    """The seeds are plain text: no publisher, no URL. Three open with a headline and are
    named by it; two open with a paragraph or a dateline and state nothing better than
    their file name."""
    names = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        document, warnings = read_one(path)
        assert warnings == []
        names[path.name] = name_of(document)
    assert names == {
        "000_11b93566269a3dbc.txt": "January 20, 1990: A Tragedy that forged a Nation\u2019s Resolve",
        "001_a89001f2349617cd.txt": (
            "Anniversary of the 20 January Tragedy \u2013 National Mourning Day in Azerbaijan"
        ),
        "002_0e343c882ad74ef9.txt": "002_0e343c882ad74ef9.txt",
        "003_4c7d0c1693d6d885.txt": (
            "Honouring Azerbaijan\u2019s martyrs: 36 years since Bloody January"
        ),
        "004_221156d4983b2923.txt": "004_221156d4983b2923.txt",
    }


THIN_ARTICLE = "<p>The council meeting on the Tarn floods was moved to Friday, officials said.</p>"


def test_a_thin_page_gives_one_warning_and_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "teaser.html"
    path.write_text(page("", body=THIN_ARTICLE, title="Meeting moved"), encoding="utf-8")
    document, warnings = read_one(path)
    chars = len(document.text.strip())
    assert chars < THIN_PAGE_CHARS
    assert [str(warning) for warning in warnings] == [
        f"{path}: warning: only {chars} characters of article text extracted; check the page"
    ]


def test_build_warns_once_on_a_thin_page_and_stores_it(tmp_path: Path) -> None:
    inputs = tmp_path / "pages"
    inputs.mkdir()
    (inputs / "full.html").write_text(
        page('<meta property="og:site_name" content="Valley News">'), encoding="utf-8"
    )
    (inputs / "teaser.html").write_text(
        page("", body=THIN_ARTICLE, title="Meeting moved"), encoding="utf-8"
    )
    ledger = tmp_path / "pages.db"
    built = run_cli("build", str(inputs), "--ledger", str(ledger))
    assert built.returncode == 0, built.stderr
    warning_lines = [line for line in built.stderr.splitlines() if "warning" in line]
    assert len(warning_lines) == 1, built.stderr
    assert warning_lines[0].startswith(f"consilience: {inputs / 'teaser.html'}: warning: only ")
    assert warning_lines[0].endswith(" characters of article text extracted; check the page")
    assert "2 documents (2 extracted" in built.stdout
    with Ledger(ledger) as stored:
        records = {Path(d["path"]).name: d for d in stored.documents_page(10)}
    assert sorted(records) == ["full.html", "teaser.html"]
    assert source_name(records["full.html"]) == "Valley News"
    assert source_name(records["teaser.html"]) == "Meeting moved"
