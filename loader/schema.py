"""The graph schema, read from ``data/schema.yaml``: labels, keys, properties, relationship types, endpoints."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .model import DocumentGraph, Node, Relationship
from .yamlfile import read_yaml

# Python types accepted for each schema property type (None is always accepted).
_PY_TYPES: dict[str, tuple[type, ...]] = {"STRING": (str,), "INT64": (int,), "DOUBLE": (float, int),
                                          "BOOLEAN": (bool,)}


@dataclass(frozen=True)
class LabelSpec:
    name: str
    key: str
    caption: str
    properties: dict[str, str]
    indexed: tuple[str, ...] = ()
    color: str = "#999999"
    shape: str = "dot"
    description: str = ""


@dataclass(frozen=True)
class RelSpec:
    name: str
    endpoints: tuple[tuple[str, str], ...]
    properties: dict[str, str] = field(default_factory=dict)  # provenance + own properties
    description: str = ""
    color: str = "#7F7F7F"


@dataclass(frozen=True)
class Schema:
    labels: dict[str, LabelSpec]
    relationships: dict[str, RelSpec]
    provenance: dict[str, str]

    def label(self, name: str) -> LabelSpec:
        try:
            return self.labels[name]
        except KeyError:
            raise SchemaError(f"unknown label {name!r}; known: {', '.join(sorted(self.labels))}") from None

    def rel(self, name: str) -> RelSpec:
        try:
            return self.relationships[name]
        except KeyError:
            raise SchemaError(f"unknown relationship type {name!r}; known: "
                              f"{', '.join(sorted(self.relationships))}") from None

    def node_row(self, node: Node) -> dict[str, Any]:
        """A row with every property of the label (missing ones None): LadybugDB batches need equal keys."""
        spec = self.label(node.label)
        row = {name: node.props.get(name) for name in spec.properties}
        row[spec.key] = node.key
        return row

    def rel_row(self, rel: Relationship) -> dict[str, Any]:
        spec = self.rel(rel.type)
        row = {name: rel.props.get(name) for name in spec.properties}
        row.update(rel.provenance.as_props())
        row["occurrences"] = rel.count
        return row


class SchemaError(ValueError):
    """An extracted graph does not fit the schema."""


@lru_cache(maxsize=1)
def load_schema() -> Schema:
    raw = read_yaml(resources.files("missiongraph").joinpath("data/schema.yaml").read_text("utf-8"))
    labels = {
        name: LabelSpec(name=name, key=spec["key"], caption=spec.get("caption", spec["key"]),
                        properties=dict(spec["properties"]), indexed=tuple(spec.get("indexed", ())),
                        color=spec.get("color", "#999999"), shape=spec.get("shape", "dot"),
                        description=spec.get("description", ""))
        for name, spec in raw["labels"].items()
    }
    provenance = dict(raw["provenance"])
    rels = {}
    for name, spec in raw["relationships"].items():
        props = dict(provenance)
        props.update(spec.get("properties", {}))
        rels[name] = RelSpec(name=name, endpoints=tuple(tuple(e) for e in spec["endpoints"]), properties=props,
                             description=spec.get("description", ""), color=spec.get("color", "#7F7F7F"))
    for rel in rels.values():
        for a, b in rel.endpoints:
            if a not in labels or b not in labels:
                raise SchemaError(f"relationship {rel.name} names an unknown label: {a} -> {b}")
    return Schema(labels=labels, relationships=rels, provenance=provenance)


def _check_props(where: str, props: dict[str, Any], allowed: dict[str, str]) -> list[str]:
    errors = []
    for name, value in props.items():
        if name not in allowed:
            errors.append(f"{where}: property {name!r} is not in the schema")
        elif value is not None and not isinstance(value, _PY_TYPES[allowed[name]]):
            errors.append(f"{where}: property {name!r} should be {allowed[name]}, got {type(value).__name__}")
    return errors


def _fits(props: dict[str, Any], allowed: dict[str, str]) -> bool:
    """Whether ``_check_props`` finds nothing wrong (the common case, without building the place's name)."""
    for name, value in props.items():
        kind = allowed.get(name)
        if kind is None or (value is not None and not isinstance(value, _PY_TYPES[kind])):
            return False
    return True


def _where(rel: Relationship) -> str:
    return f"{rel.type} {rel.start.key!r}->{rel.end.key!r}"


def validate(graph: DocumentGraph, schema: Schema | None = None) -> list[str]:
    """Every way ``graph`` breaks the schema, as readable strings (empty when it fits)."""
    schema = schema or load_schema()
    errors: list[str] = []
    known: set[tuple[str, str]] = set()     # (label, key): equal to the NodeRefs of the relationships
    labels = schema.labels
    for node in [graph.document, *graph.nodes]:
        spec = labels.get(node.label)
        if spec is None:
            errors.append(f"node {node.key!r}: unknown label {node.label!r}")
            continue
        if not node.key:
            errors.append(f"{node.label} node with an empty key")
        if not _fits(node.props, spec.properties):
            errors += _check_props(f"{node.label} {node.key!r}", node.props, spec.properties)
        known.add((node.label, node.key))
    doc_id = graph.doc_id
    for rel in graph.relationships:   # the common case first, cheaply: a known type, pair and endpoints
        spec = schema.relationships.get(rel.type)
        start, end = rel.start, rel.end
        if (spec is not None and (start[0], end[0]) in spec.endpoints and start in known
                and end in known and rel.provenance[0] == doc_id):
            if rel.props and not _fits(rel.props, spec.properties):
                errors += _check_props(_where(rel), rel.props, spec.properties)
            continue
        where = _where(rel)
        if spec is None:
            errors.append(f"{where}: unknown relationship type")
            continue
        if (rel.start.label, rel.end.label) not in spec.endpoints:
            errors.append(f"{where}: {rel.start.label} -> {rel.end.label} is not an allowed endpoint pair")
        for end in (rel.start, rel.end):
            if end not in known:
                errors.append(f"{where}: endpoint {end.label} {end.key!r} is not among the graph's nodes")
        errors += _check_props(where, rel.props, spec.properties)
        if rel.provenance.doc != graph.doc_id:
            errors.append(f"{where}: provenance names document {rel.provenance.doc!r}, not {graph.doc_id!r}")
    return errors
