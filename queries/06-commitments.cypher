// Commitments
// name: commitments
// description: Commitments (toezeggingen) with the finding or recommendation they address and the document that makes them, newest documents first.
// param: limit = 500
MATCH (d:Document)-[c:COMMITS]->(t:Commitment)
OPTIONAL MATCH (t)-[:ADDRESSES]->(f)
RETURN d.id AS document, t.caption AS commitment, coalesce(f.caption, '') AS addresses, t.text AS text
ORDER BY coalesce(d.date, '') DESC, document, c.span_start, addresses
LIMIT $limit
