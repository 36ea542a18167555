// Unresolved references
// name: unresolved-references
// description: Kamerstukken that are cited but not loaded, most cited first: what to fetch next.
// param: limit = 50
MATCH (d:Document)-[:CITES]->(k:Kamerstuk)
WHERE NOT EXISTS { MATCH (:Document)-[:PUBLISHED_AS]->(k) }
RETURN k.id AS kamerstuk, count(DISTINCT d) AS cited_by, k.url AS url
ORDER BY cited_by DESC, kamerstuk
LIMIT $limit
