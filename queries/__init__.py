"""Saved Cypher queries (one per .cypher file)."""
