// People
// name: people
// description: The persons the documents name, the most named first: the name as fully as known, how the identity was resolved (gazetteer: the cabinet gazetteer; text: a given name, initials or a party; unresolved: a surname alone, in one document), the role the text gives, the party, the posts and seats with their terms, and how many documents name the person from when to when. $person narrows to names that contain it. `missiongraph people` adds the flags to check (weak evidence, possible splits).
// param: person = ""
// param: limit = 100
MATCH (p:Person)
WHERE $person = '' OR toLower(p.name) CONTAINS toLower($person)
OPTIONAL MATCH (d:Document)-[:SIGNED_BY|MENTIONS]->(p)
WITH p, count(DISTINCT d) AS documents, min(d.date) AS first, max(d.date) AS last
ORDER BY documents DESC, p.id
LIMIT $limit
OPTIONAL MATCH (p)-[h:HOLDS_POST]->(x)
WITH p, documents, first, last,
     collect(DISTINCT CASE WHEN h IS NULL THEN NULL
                      ELSE h.role + ' ' + x.id + CASE WHEN h.term_from IS NULL THEN '' ELSE ' ' + h.term_from + '..' + coalesce(h.term_to, '') END END) AS posts
RETURN p.name AS person, p.id AS key, coalesce(p.surname, '') AS surname, coalesce(p.resolved, '') AS resolved, coalesce(p.role, '') AS role,
       coalesce(p.party, '') AS party, COLLECT { UNWIND posts AS q RETURN q ORDER BY q } AS posts, documents,
       first, last
ORDER BY documents DESC, key
