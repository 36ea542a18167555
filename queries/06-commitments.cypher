// Commitments
// name: commitments
// description: Commitments (toezeggingen) with the finding or recommendation they address and the document that makes them.
MATCH (d:Document)-[c:COMMITS]->(t:Commitment)
OPTIONAL MATCH (t)-[:ADDRESSES]->(f)
RETURN d.id AS document, t.caption AS commitment, coalesce(f.caption, '') AS addresses, t.text AS text
ORDER BY document, c.span_start
