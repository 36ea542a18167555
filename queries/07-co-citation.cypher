// Co-citation
// name: co-citation
// description: Pairs of documents that cite or mention the same Kamerstukken, resolutions or evaluations, with the shared items.
// param: limit = 25
MATCH (a:Document)-[:CITES|MENTIONS|RESPONDS_TO]->(x:Kamerstuk|Resolution|Evaluation)<-[:CITES|MENTIONS|RESPONDS_TO]-(b:Document)
WHERE a.id < b.id
RETURN a.id AS document_a, b.id AS document_b, count(DISTINCT x) AS shared, collect(DISTINCT x.id) AS items
ORDER BY shared DESC, document_a, document_b
LIMIT $limit
