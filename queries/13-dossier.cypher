// Dossier contents
// name: dossier
// description: A dossier's contents: its Kamerstukken, which are loaded, and how often each is cited; the most cited first.
// param: dossier = "29521"
// param: limit = 200
MATCH (k:Kamerstuk {dossier: $dossier})
OPTIONAL MATCH (d:Document)-[:PUBLISHED_AS]->(k)
RETURN k.id AS kamerstuk, k.number AS number, d.id AS loaded_as, COUNT { MATCH (k)<-[:CITES]-() } AS cited_by
ORDER BY cited_by DESC, kamerstuk, coalesce(loaded_as, '')
LIMIT $limit
