"""Each input format becomes a Document whose text and metadata a user can rely on."""

from __future__ import annotations

import json
from pathlib import Path

from consilience.ingest import Document, FileRead, IngestProblem, Metadata, ingest_file, iter_inputs


def only_document(path: Path, **kwargs: object) -> Document:
    items = list(ingest_file(str(path), **kwargs))  # type: ignore[arg-type]
    documents = [item for item in items if isinstance(item, Document)]
    problems = [item for item in items if isinstance(item, IngestProblem)]
    assert not problems, problems
    assert len(documents) == 1
    return documents[0]


def test_plain_text_is_kept_byte_for_byte(tmp_path: Path) -> None:
    content = "Quarry blast in Dellow\r\nFour workers were hurt on Tuesday.\r\n\tIndented line.\n"
    path = tmp_path / "blast.txt"
    path.write_bytes(content.encode("utf-8"))
    document = only_document(path)
    assert document.text == content
    assert document.format == "text"
    assert document.title == "Quarry blast in Dellow"
    assert document.encoding == "utf-8"


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\nBody text here.\n")
    assert only_document(path).text == "Headline\nBody text here.\n"


def test_paragraph_first_line_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The ferry sank off the coast of Orlen, and rescuers searched all night.\n")
    assert only_document(path).title is None


def test_markdown_front_matter_and_heading(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Bridge closed\npublisher: Valley Post\nauthor: R. Amsel\n"
        "date: 2022-05-04\n---\n\n"
        "# Bridge closed\n\nThe old bridge was closed after 3 cracks were found.\n"
    )
    document = only_document(path)
    assert document.metadata == Metadata(
        title="Bridge closed", publisher="Valley Post", author="R. Amsel", published="2022-05-04"
    )
    assert document.text == path.read_text()


def test_markdown_title_from_heading_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("Intro line.\n\n# Storm over Hesk\n\nText.\n")
    assert only_document(path).title == "Storm over Hesk"


def test_html_keeps_the_article_and_drops_navigation_and_comments(examples_dir: Path) -> None:
    document = only_document(examples_dir / "northwind-wire.html")
    assert "About 30 people were killed" in document.text
    assert "Governor Tomas Reyl" in document.text
    for boilerplate in (
        "Subscribe",
        "Trending",
        "Ten recipes",
        "Thoughts with everyone",
        "Privacy",
    ):
        assert boilerplate not in document.text
    assert document.format == "html"
    assert document.metadata.publisher == "Northwind Wire Service"
    assert document.metadata.published == "2023-10-15"
    assert document.metadata.author == "Northwind staff"


def test_broken_html_still_gives_its_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><div><p>Unclosed <b>bold <i>and italic: a long paragraph saying that"
        " a landslide near Vorn blocked the pass and that 5 hikers were rescued by evening"
    )
    assert "5 hikers were rescued" in only_document(path).text


def test_jsonl_one_document_per_line_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {
            "text": "First report: 2 boats missing.",
            "title": "Boats",
            "publisher": "Coast FM",
            "published": "2021-07-01",
            "author": "K. Lo",
            "url": "https://coast.example/1",
        },
        {"text": "Second report: boats found."},
    ]
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n\n")
    items = list(ingest_file(str(path)))
    documents = [item for item in items if isinstance(item, Document)]
    assert [d.text for d in documents] == [r["text"] for r in records]
    assert documents[0].metadata == Metadata(
        title="Boats",
        publisher="Coast FM",
        author="K. Lo",
        published="2021-07-01",
        url="https://coast.example/1",
    )
    assert [d.path for d in documents] == [f"{path}#1", f"{path}#2"]
    assert items[-1] == FileRead(str(path), frozenset(d.id for d in documents), complete=True)


def test_sidecar_overrides_text_and_flags_override_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "item.txt"
    path.write_text("date 2020-02-02\nA fire destroyed 4 sheds.\n")
    (tmp_path / "item.meta.json").write_text(
        json.dumps({"publisher": "Side Press", "published": "2020-03-03"})
    )
    document = only_document(path)
    assert document.metadata.publisher == "Side Press"
    assert document.metadata.published == "2020-03-03"
    flagged = only_document(path, overrides=Metadata(published="2020-04-04", title="Fire"))
    assert flagged.metadata.published == "2020-04-04"
    assert flagged.metadata.publisher == "Side Press"
    assert flagged.title == "Fire"
    assert flagged.id != document.id, "metadata that changes extraction must change the id"


def test_directories_are_read_recursively_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "two.txt").write_text("Two.\n")
    (tmp_path / "a" / "deep" / "one.md").write_text("One.\n")
    (tmp_path / "a" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text("Hidden.\n")
    documents = [item for item in iter_inputs([str(tmp_path)]) if isinstance(item, Document)]
    assert [Path(d.path).name for d in documents] == ["one.md", "two.txt"]


def test_same_text_and_metadata_give_the_same_id(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Same words.\n")
    (tmp_path / "y.txt").write_text("Same words.\n")
    assert only_document(tmp_path / "x.txt").id == only_document(tmp_path / "y.txt").id


def test_a_sidecar_may_name_the_publisher_as_its_source(tmp_path: Path) -> None:
    path = tmp_path / "item.txt"
    path.write_text("A fire destroyed 4 sheds.\n")
    (tmp_path / "item.meta.json").write_text(
        json.dumps({"source": {"name": "Side Press"}, "url": "https://side.example/4"})
    )
    document = only_document(path)
    assert document.metadata.publisher == "Side Press"
    assert document.metadata.url == "https://side.example/4"


def test_parquet_reads_the_publisher_from_a_site_name_column(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from consilience.scale.parquet import ingest_parquet

    path = tmp_path / "rows.parquet"
    rows = [
        {"text": "Two ferries collided near Osk.", "site_name": "Coast FM", "url": None},
        {"text": "A bridge closed in Lerr.", "site_name": None, "url": "https://lerr.example/1"},
    ]
    pq.write_table(pa.Table.from_pylist(rows), path)
    documents = [d for d in ingest_parquet(str(path), None, 10_000) if isinstance(d, Document)]
    assert [(d.metadata.publisher, d.metadata.url) for d in documents] == [
        ("Coast FM", None),
        (None, "https://lerr.example/1"),
    ]
