// Signatories
// name: signatories
// description: Who signed the documents, per ministry: the person's name as fully as known, the role and the term (from, to) of the post held on the document's date, how many documents and from when to when. The senders a letter's header names by their post ('BRIEF VAN DE MINISTER VAN DEFENSIE') count too: whoever held the post that day.
MATCH (d:Document)-[r:SIGNED_BY|MENTIONS]->(p:Person)
OPTIONAL MATCH (q:Person)-[h:HOLDS_POST {doc: d.id}]->(mi:Ministry)
WHERE q = p
WITH d, p, r, h, mi
WHERE type(r) = 'SIGNED_BY' OR h.evidence CONTAINS 'letter header'
WITH mi, p, h.role AS post, h.term_from AS term_from, h.term_to AS term_to, count(DISTINCT d) AS documents,
     min(d.date) AS first, max(d.date) AS last
RETURN coalesce(mi.id, '(not stated)') AS ministry, p.name AS person, coalesce(post, p.role, '') AS role,
       term_from, term_to, documents, first, last
ORDER BY ministry, documents DESC, person, role, coalesce(term_from, ''), coalesce(term_to, '')
