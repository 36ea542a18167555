// Signatories
// name: signatories
// description: Ministries and signatories: per ministry, who signed how many documents, from when to when.
MATCH (d:Document)-[:SIGNED_BY]->(p:Person)
OPTIONAL MATCH (p)-[h:HOLDS_POST]->(mi:Ministry)
WHERE h.doc = d.id
WITH mi, p, count(DISTINCT d) AS documents, min(d.date) AS first, max(d.date) AS last
RETURN coalesce(mi.id, '(not stated)') AS ministry, p.name AS person, documents, first, last
ORDER BY ministry, documents DESC, person
