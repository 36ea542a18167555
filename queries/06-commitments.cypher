// Commitments
// name: commitments
// description: Commitments (toezeggingen): what is promised, who promises it, by when, the finding or recommendation it answers, the report the document answers, and the document; newest documents first.
// param: limit = 500
MATCH (d:Document)-[c:COMMITS]->(t:Commitment)
OPTIONAL MATCH (t)-[:ADDRESSES]->(f)
OPTIONAL MATCH (d)-[:RESPONDS_TO]->(r:Report)
RETURN d.id AS document, t.caption AS commitment, coalesce(t.made_by, '') AS made_by, coalesce(t.due, '') AS due,
       coalesce(f.caption, '') AS addresses, coalesce(r.report_title, r.title, '') AS report, t.text AS text
ORDER BY coalesce(d.date, '') DESC, document, c.span_start, addresses, report
LIMIT $limit
