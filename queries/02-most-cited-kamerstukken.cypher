// Most cited Kamerstukken
// name: most-cited-kamerstukken
// description: The most cited Kamerstukken, with their dossier and whether the cited paper itself is loaded.
// param: limit = 25
MATCH (k:Kamerstuk)
WITH k, COUNT { MATCH (k)<-[:CITES]-() } AS citations
WHERE citations > 0
RETURN k.id AS kamerstuk, k.dossier AS dossier, citations,
       EXISTS { MATCH (k)<-[:PUBLISHED_AS]-() } AS loaded, k.url AS url
ORDER BY citations DESC, kamerstuk
LIMIT $limit
