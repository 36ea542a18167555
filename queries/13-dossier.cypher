// Dossier contents
// name: dossier
// description: A dossier's contents: its Kamerstukken, which are loaded, and how often each is cited.
// param: dossier = "29521"
MATCH (k:Kamerstuk)-[:IN_DOSSIER]->(:Dossier {id: $dossier})
WITH DISTINCT k
OPTIONAL MATCH (d:Document)-[:PUBLISHED_AS]->(k)
RETURN k.id AS kamerstuk, k.number AS number, d.id AS loaded_as,
       COUNT { MATCH (:Document)-[:CITES]->(k) } AS cited_by
ORDER BY kamerstuk
