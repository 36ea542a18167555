"""The schema is data: DDL and validation both come from loader/data/schema.yaml."""

from __future__ import annotations

from importlib.resources import files

import pytest
import yaml

from missiongraph.model import DocumentGraph, Node, NodeRef, Provenance, Relationship
from missiongraph.schema import load_schema, validate
from missiongraph.stores.embedded import ddl
from missiongraph.yamlfile import LOADER, read_yaml

REQUIRED_LABELS = {"Document", "Kamerstuk", "Dossier", "Mission", "Resolution", "Recommendation", "Finding",
                   "Commitment", "Report", "Ministry", "Person", "Organisation"}


def test_schema_has_the_required_labels_each_with_a_key():
    schema = load_schema()
    assert REQUIRED_LABELS <= set(schema.labels)
    for spec in schema.labels.values():
        assert spec.key in spec.properties


def test_ddl_creates_a_table_per_label_and_relationship_type():
    schema = load_schema()
    statements = ddl(schema)
    assert len(statements) == len(schema.labels) + len(schema.relationships)
    assert "CREATE REL TABLE IF NOT EXISTS ENDORSES(FROM Document TO Recommendation, FROM Document TO Finding" \
        in "\n".join(statements)


def prov(doc="d1"):
    return Provenance(doc=doc, start=0, end=9, text="Kamerstuk", sentence="Kamerstuk 1.")


def graph_with(*rels, nodes=()):
    return DocumentGraph(Node("Document", "d1", {"title": "T"}),
                         [Node("Kamerstuk", "29521-451", {"dossier": "29521"}), *nodes], list(rels))


D, K = NodeRef("Document", "d1"), NodeRef("Kamerstuk", "29521-451")


@pytest.mark.parametrize("graph, error", [
    (graph_with(Relationship("CITES", D, K, prov())), None),
    (graph_with(Relationship("CITED", D, K, prov())), "unknown relationship type"),
    (graph_with(Relationship("CITES", K, D, prov())), "Kamerstuk -> Document is not an allowed endpoint pair"),
    (graph_with(Relationship("CITES", D, NodeRef("Kamerstuk", "1-2"), prov())), "is not among the graph's nodes"),
    (graph_with(Relationship("CITES", D, K, prov("other"))), "provenance names document 'other'"),
    (graph_with(Relationship("ENDORSES", D, K, prov(), {"stance": "full"})), "not an allowed endpoint pair"),
    (graph_with(nodes=[Node("Mission", "X", {"colour": "red"})]), "property 'colour' is not in the schema"),
    (graph_with(nodes=[Node("Resolution", "2690", {"year": "2023"})]), "property 'year' should be INT64"),
    (graph_with(nodes=[Node("Spaceship", "X")]), "unknown label 'Spaceship'"),
])
def test_validation(graph, error):
    errors = validate(graph)
    if error is None:
        assert errors == []
    else:
        assert any(error in e for e in errors), errors


def test_every_sample_document_graph_fits_the_schema(sample_docs):
    from missiongraph.pipeline import document_graph
    from missiongraph.read import read_document

    for folder in sample_docs:
        for path in sorted(folder.glob("*.txt")):
            graph = document_graph(read_document(path))
            assert validate(graph) == []


def test_own_number_from_reader_metadata_is_published_as_with_its_source_said():
    from missiongraph.graph import to_graph
    from missiongraph.model import Mention, SourceDocument

    doc = SourceDocument(id="kst", text="Zie Kamerstuk 29 521, nr. 451.", source="kst.html", sha256="0" * 64,
                         meta={"kamerstuk": "29521-460"})
    cited = Mention("kamerstuk", "29521-451", 4, 29, "Kamerstuk 29 521, nr. 451")
    wrong_self = Mention("kamerstuk", "29521-999", 0, 3, "Zie", role="self")
    graph = to_graph(doc, [cited, wrong_self])
    assert validate(graph) == []
    assert graph.document.props["kamerstuk"] == "29521-460"
    rels = {(r.type, r.end.key): r for r in graph.relationships}
    assert ("PUBLISHED_AS", "29521-999") not in rels
    published = rels[("PUBLISHED_AS", "29521-460")]
    assert published.provenance.sentence == "(document metadata: kamerstuk = 29521-460)"
    assert (published.provenance.start, published.provenance.end, published.provenance.text) == (0, 0, "")
    assert rels[("CITES", "29521-451")].provenance.text == "Kamerstuk 29 521, nr. 451"


def test_provenance_sentence_is_the_sentence_extraction_saw():
    """En-dash bullets and CRLF line ends: provenance splits sentences as extraction does (normalised text)."""
    from missiongraph.model import SourceDocument
    from missiongraph.pipeline import document_graph

    text = ("Over:\r\n\r\n– de brief (Kamerstuk 27 925, nr. 415);\r\n– de brief (Kamerstuk 27 925, nr. 416);\r\n"
            "– de eindevaluatie (Kamerstuk 27 925, nr. 401).\r\n")
    doc = SourceDocument(id="d", text=text, source="d.txt", sha256="0" * 64)
    sentences = {r.end.key: r.provenance.sentence for r in document_graph(doc).relationships if r.type == "CITES"}
    assert sentences == {"27925-415": "– de brief (Kamerstuk 27 925, nr. 415);",
                         "27925-416": "– de brief (Kamerstuk 27 925, nr. 416);",
                         "27925-401": "– de eindevaluatie (Kamerstuk 27 925, nr. 401)."}


# --- the YAML files: read by libyaml's C parser, same data as PyYAML's own ------------------------------------------

def _package_yaml_files() -> list:
    root = files("missiongraph")
    found = []
    for folder in (root.joinpath("data"), root.joinpath("extract", "responses")):
        found += sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    return found


def test_every_yaml_file_the_package_ships_is_read_by_the_c_parser():
    assert LOADER is yaml.CSafeLoader                 # PyYAML's wheels are built with libyaml
    names = {f.name for f in _package_yaml_files()}
    assert {"schema.yaml", "cabinet.yaml", "missions.yaml", "stances.yaml", "commitments.yaml"} <= names


@pytest.mark.parametrize("path", _package_yaml_files(), ids=lambda f: f.name)
def test_the_c_parser_gives_the_same_data_as_safe_load(path):
    raw = path.read_text(encoding="utf-8")
    assert read_yaml(raw) == yaml.safe_load(raw)


@pytest.mark.parametrize("raw, data", [
    ("a: 1\nb: [x, 'y', \"z\"]\n", {"a": 1, "b": ["x", "y", "z"]}),
    ("- yes\n- no\n- on\n- ~\n- 1.5\n- 2024-01-01\n", [True, False, True, None, 1.5,
                                                        __import__("datetime").date(2024, 1, 1)]),
    ("phrase: \"onderschrijft … ten dele\"\n", {"phrase": "onderschrijft … ten dele"}),
    ("# only a comment\n", None),
])
def test_read_yaml_is_safe_load(raw, data):
    assert read_yaml(raw) == data == yaml.safe_load(raw)


def test_read_yaml_refuses_python_objects_as_safe_load_does():
    with pytest.raises(yaml.YAMLError):
        read_yaml("!!python/object/apply:os.system ['true']")
