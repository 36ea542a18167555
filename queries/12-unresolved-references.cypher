// Unresolved references
// name: unresolved-references
// description: Kamerstukken that are cited but not loaded, most cited first: what to fetch next.
// param: limit = 50
MATCH (k:Kamerstuk)
WHERE NOT EXISTS { MATCH (k)<-[:PUBLISHED_AS]-() }
WITH k, COUNT { MATCH (k)<-[:CITES]-() } AS cited_by
WHERE cited_by > 0
RETURN k.id AS kamerstuk, cited_by, k.url AS url
ORDER BY cited_by DESC, kamerstuk
LIMIT $limit
