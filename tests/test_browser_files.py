"""The Neo4j Browser files (pure): the GraSS style sheet and the favourites zip, the committed copies up to date,
read back the way Browser 5 reads them, and the saved-query title line they rely on."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner

from missiongraph.saved import parse, saved_queries, title_from
from missiongraph.schema import load_schema
from missiongraph.stores import neo4j_browser
from missiongraph.stores.neo4j_browser import (FAVORITES_FOLDER, cypher_literal, darker, with_values,
                                               favorite_name, favorite_text, favorites, favorites_zip, grass,
                                               grass_rules, read_favorites_zip, text_color,
                                               write_browser_files)

ROOT = Path(__file__).resolve().parent.parent
STALE = "is stale: run  python -m missiongraph.stores.neo4j_browser  (rewrites loader/data/missiongraph.grass and " \
        "queries/neo4j-browser-favorites.zip)"


def browser_parse_grass(text: str) -> dict[str, dict[str, str]]:
    """Neo4j Browser 5.24's GraSS parser (``parseGrass`` in its bundle), line for line: quotes toggle a string and
    are dropped, whitespace outside rules is dropped, a property is kept only when it splits on ':' in two."""
    in_string = in_rule = nested = False
    selector, body, rules = "", "", {}
    for ch in text:
        handled = True
        if ch == "{":
            if in_string:
                handled = False
            elif in_rule:
                nested = True
            else:
                in_rule = True
        elif ch == "}":
            if in_string:
                handled = False
            elif nested:
                nested = False
            else:
                in_rule = False
                rules[selector], selector, body = body, "", ""
        elif ch in "'\"":
            in_string = not in_string
        else:
            handled = False
        if not handled:
            if in_rule:
                body += ch
            elif not ch.isspace():
                selector += ch
    out = {}
    for sel, raw in rules.items():
        out[sel] = {}
        for prop in raw.split(";"):
            parts = prop.split(":")
            if len(parts) == 2:
                out[sel][parts[0].strip()] = parts[1].strip()
    return out


# --- GraSS ------------------------------------------------------------------------------------------------------------

def test_committed_grass_is_up_to_date():
    assert (ROOT / "loader" / "data" / "missiongraph.grass").read_text("utf-8") == grass(load_schema()), \
        f"loader/data/missiongraph.grass {STALE}"


def test_grass_has_every_label_and_relationship_type_from_the_schema():
    schema = load_schema()
    rules = browser_parse_grass(grass(schema))
    assert rules == grass_rules(schema)                     # Browser reads back exactly what we meant
    assert set(rules) == {"node", "relationship"} | {f"node.{n}" for n in schema.labels} \
        | {f"relationship.{n}" for n in schema.relationships}
    for name, spec in schema.labels.items():
        rule = rules[f"node.{name}"]
        assert rule["color"] == spec.color.upper()
        assert rule["caption"] == "{" + spec.caption + "}"
        assert spec.caption in spec.properties
        assert re.fullmatch(r"#[0-9A-F]{6}", rule["border-color"]) and rule["border-color"] != rule["color"]
        assert rule["text-color-internal"] in ("#FFFFFF", "#2A2C34")
        assert re.fullmatch(r"\d+px", rule["diameter"])
    for name, spec in schema.relationships.items():
        assert rules[f"relationship.{name}"] == {"color": spec.color.upper(), "caption": "<type>"}
    assert rules["node.Mission"]["diameter"] == "80px"     # the hubs are bigger


def test_grass_has_nothing_browsers_parser_would_mangle():
    text = grass()
    assert "/*" not in text and "//" not in text           # comments would become part of a selector
    assert all(line.count(":") <= 1 for line in text.splitlines())


def test_caption_colours_contrast_and_borders_are_darker():
    assert text_color("#000000") == "#FFFFFF" and text_color("#FFFFFF") == "#2A2C34"
    assert text_color("#4C78A8") == "#FFFFFF" and text_color("#EECA3B") == "#2A2C34"
    assert darker("#FFFFFF") == "#CCCCCC" and darker("#4C78A8") == "#3D6086" and darker("#abc") == "#8896A3"
    with pytest.raises(ValueError):
        darker("blue")


# --- favourites -------------------------------------------------------------------------------------------------------

def test_committed_favourites_zip_is_up_to_date():
    committed = (ROOT / "queries" / "neo4j-browser-favorites.zip").read_bytes()
    assert read_favorites_zip(committed) == favorites(), f"queries/neo4j-browser-favorites.zip {STALE}"


def test_zip_has_one_favourite_per_saved_query_in_one_folder():
    queries = saved_queries()
    data = favorites_zip()
    assert data == favorites_zip()                           # same bytes every time
    with zipfile.ZipFile(BytesIO(data)) as zf:
        names = zf.namelist()
        assert zf.testzip() is None
    assert names == list(favorites())
    assert all(n.startswith(f"{FAVORITES_FOLDER}/") and n.endswith(".cypher") and n.count("/") == 1 for n in names)
    assert names == [f"{FAVORITES_FOLDER}/{q.filename}" for q in queries.values()]
    texts = read_favorites_zip(data)
    for q in queries.values():
        text = texts[f"{FAVORITES_FOLDER}/{q.filename}"]
        assert favorite_name(text) == q.title
        assert text.endswith(with_values(q.cypher, q.params) + "\n")   # the query, with its own defaults
        assert f"// {q.description}" in text and q.name in text


def test_favourite_names_read_well():
    names = [favorite_name(t) for t in favorites().values()]
    assert len(set(names)) == len(names)
    assert not any(n.lower().startswith(("name:", "description:", "param:")) for n in names)
    assert "Most cited kamerstukken" in names or "Most cited Kamerstukken" in names


def code_of(favourite: str) -> str:
    return "\n".join(line for line in favourite.splitlines() if not line.startswith("//"))


@pytest.mark.parametrize("name, written", [
    ("most-cited-kamerstukken", ["LIMIT 25"]),
    ("unresolved-references", ["LIMIT 50"]),                 # not another query's limit
    ("recommendations-stance", ["LIMIT 500"]),
    ("mission-timeline", ['toLower("MINUSMA")', 'date >= ""', "LIMIT 200"]),
    ("shortest-connection", ['{id: "000_9490c8c295b3259a"}', '{id: "003_cf3b274d7ecd5e93"}']),
    ("co-citation", ['d.id = "000_9490c8c295b3259a"', "<= 1000", "LIMIT 25"]),
])
def test_a_favourite_is_one_statement_with_its_own_defaults_written_in(name, written):
    q = saved_queries()[name]
    text = favorite_text(q)
    code = code_of(text)
    assert "$" not in code and ";" not in code               # needs no :param, runs as one statement
    for piece in written:
        assert piece in code, piece
    given = ", ".join(f"{k} = {cypher_literal(v)}" for k, v in q.params.items())
    assert f"// With the defaults of `missiongraph query {name}` written in: {given}" in text


def test_a_favourite_without_parameters_is_the_query_as_saved():
    q = saved_queries()["missions-overview"]
    assert code_of(favorite_text(q)) == q.cypher and "defaults" not in favorite_text(q)


def test_every_favourite_gives_the_rows_of_the_command_line(loaded_store):
    """What the favourite runs (no parameters at all) gives the rows of the saved query with its defaults."""
    for q in saved_queries().values():
        assert loaded_store.run(code_of(favorite_text(q))).rows == loaded_store.run(q.cypher, q.params).rows, q.name


@pytest.mark.parametrize("cypher, written", [
    ("RETURN $limit", "RETURN 50"),
    ("RETURN '$limit', $limit // $limit", "RETURN '$limit', 50 // $limit"),      # strings and comments stay
    ("RETURN $limits, $limit_2, $other", "RETURN $limits, $limit_2, $other"),      # other names stay
    ("MATCH (m {id: $mission}) RETURN m", 'MATCH (m {id: "Curaçao \\"x\\""}) RETURN m'),
])
def test_with_values(cypher, written):
    assert with_values(cypher, {"limit": 50, "mission": 'Curaçao "x"'}) == written


@pytest.mark.parametrize("value, literal", [
    (25, "25"), (True, "true"), (None, "null"), (2.5, "2.5"), ("MINUSMA", '"MINUSMA"'),
    ('say "hi"\n', '"say \\"hi\\"\\n"'), ("Curaçao", '"Curaçao"'), ([1, "a"], '[1, "a"]'),
    ({"limit": 3, "odd key": "x"}, '{limit: 3, `odd key`: "x"}'),
])
def test_cypher_literals(value, literal):
    assert cypher_literal(value) == literal


def test_write_browser_files_and_the_command(tmp_path):
    written = write_browser_files(tmp_path / "out")
    assert [p.name for p in written] == ["missiongraph.grass", "neo4j-browser-favorites.zip"]
    assert written[0].read_text("utf-8") == grass()
    assert read_favorites_zip(written[1].read_bytes()) == favorites()

    from missiongraph.cli import main

    result = CliRunner().invoke(main, ["neo4j", "browser-files", "-o", str(tmp_path / "cli")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli" / "missiongraph.grass").read_text("utf-8") == grass()
    assert "missiongraph.grass" in result.output and "neo4j-browser-favorites.zip" in result.output


def test_update_committed_rewrites_only_what_changed(tmp_path):
    (tmp_path / "loader" / "data").mkdir(parents=True)
    (tmp_path / "queries").mkdir()
    assert len(neo4j_browser.update_committed(tmp_path)) == 2
    assert neo4j_browser.update_committed(tmp_path) == []


# --- the title line of saved queries (loader/saved.py) ---------------------------------------------------------------

def test_a_title_line_before_the_header_names_the_query():
    with_title = parse('// Most cited Kamerstukken\n// name: x\n// description: Y.\n// param: n = 3\nMATCH (n) RETURN n')
    without = parse('// name: x\n// description: Y.\n// param: n = 3\nMATCH (n) RETURN n')
    assert with_title.title == "Most cited Kamerstukken"
    assert (with_title.name, with_title.description, with_title.params, with_title.cypher) == \
        (without.name, without.description, without.params, without.cypher) == ("x", "Y.", {"n": 3},
                                                                                "MATCH (n) RETURN n")
    assert without.title == "X"
    assert title_from("most-cited-kamerstukken") == "Most cited kamerstukken"
    assert favorite_name(favorite_text(with_title)) == "Most cited Kamerstukken"


def test_every_saved_query_has_a_title():
    for q in saved_queries().values():
        assert q.title and not q.title.startswith(("name:", "//"))
        assert not q.cypher.startswith("//")
