// Signatories
// name: signatories
// description: Ministries and signatories: who signed what, per ministry.
MATCH (d:Document)-[:SIGNED_BY]->(p:Person)
OPTIONAL MATCH (p)-[h:HOLDS_POST]->(mi:Ministry)
WHERE h.doc = d.id
RETURN coalesce(mi.id, '(not stated)') AS ministry, p.name AS person, d.id AS document,
       coalesce(d.date, '') AS date, d.title AS title
ORDER BY ministry, person, document
