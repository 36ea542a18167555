// Co-citation
// name: co-citation
// description: Documents that cite or mention the same Kamerstukken, resolutions or evaluations as one document (found as in document-references), most shared items first, with the shared items. Items with more than $max_citing citing links are left out: such hubs (an evaluation every letter refers to) say little about a pair and would make the query as slow as the corpus is large.
// param: document = "000_9490c8c295b3259a"
// param: limit = 25
// param: max_citing = 1000
MATCH (d:Document)
WHERE d.id = $document OR d.kamerstuk = $document OR toLower(d.title) CONTAINS toLower($document)
WITH d
ORDER BY CASE WHEN d.id = $document THEN 0 WHEN d.kamerstuk = $document THEN 1 ELSE 2 END, coalesce(d.date, '') DESC, d.id
LIMIT 1
OPTIONAL MATCH (d)-[:CITES|MENTIONS|RESPONDS_TO]->(x:Kamerstuk|Resolution|Report)
WITH DISTINCT d, x
WHERE COUNT { MATCH (x)<-[:CITES|MENTIONS|RESPONDS_TO]-() } <= $max_citing
OPTIONAL MATCH (x)<-[:CITES|MENTIONS|RESPONDS_TO]-(b:Document)
WHERE b <> d
WITH d, b, count(DISTINCT x) AS shared, collect(DISTINCT x.id) AS items
WHERE b IS NOT NULL
RETURN d.id AS document, b.id AS other, shared, COLLECT { UNWIND items AS i RETURN i ORDER BY i } AS items
ORDER BY shared DESC, other
LIMIT $limit
