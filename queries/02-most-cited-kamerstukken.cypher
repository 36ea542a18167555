// Most cited Kamerstukken
// name: most-cited-kamerstukken
// description: The most cited Kamerstukken, with their dossier and whether the cited paper itself is loaded.
// param: limit = 25
MATCH (d:Document)-[:CITES]->(k:Kamerstuk)
WITH k, count(DISTINCT d) AS citations
RETURN k.id AS kamerstuk, k.dossier AS dossier, citations,
       EXISTS { MATCH (:Document)-[:PUBLISHED_AS]->(k) } AS loaded, k.url AS url
ORDER BY citations DESC, kamerstuk
LIMIT $limit
