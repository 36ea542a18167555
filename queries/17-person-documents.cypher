// Person documents
// name: person-documents
// description: One person's documents ($person: the key, or words of the name): per document its date and kind, whether the person signed it, the words the text names the person with, the posts the document gives with their terms, and what the person's identity rests on there (initials, given name, party, post on date, letter header, ... or the surname alone).
// param: person = "jasper van dijk"
// param: limit = 200
MATCH (p:Person)
WHERE p.id = $person OR toLower(p.name) CONTAINS toLower($person)
MATCH (d:Document)-[r:SIGNED_BY|MENTIONS]->(p)
OPTIONAL MATCH (q:Person)-[h:HOLDS_POST {doc: d.id}]->(x)
WHERE q = p
WITH p, d, r, collect(DISTINCT CASE WHEN h IS NULL THEN NULL
                      ELSE h.role + ' ' + x.id + CASE WHEN h.term_from IS NULL THEN '' ELSE ' ' + h.term_from + '..' + coalesce(h.term_to, '') END END) AS posts,
     collect(DISTINCT h.evidence) AS evidence
RETURN p.name AS person, d.id AS document, coalesce(d.date, '') AS date, coalesce(d.kind, '') AS kind,
       type(r) AS link, r.text AS written, COLLECT { UNWIND posts AS q RETURN q ORDER BY q } AS posts,
       COLLECT { UNWIND evidence AS q RETURN q ORDER BY q } AS evidence
ORDER BY person, date, document, link
LIMIT $limit
