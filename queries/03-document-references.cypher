// Document references
// name: document-references
// description: Everything one document cites or mentions, with the sentence each link comes from. The document is found by id, else by its own Kamerstuk number, else as the newest whose title contains the word.
// param: document = "000_9490c8c295b3259a"
MATCH (d:Document)
WHERE d.id = $document OR d.kamerstuk = $document OR toLower(d.title) CONTAINS toLower($document)
WITH d
ORDER BY CASE WHEN d.id = $document THEN 0 WHEN d.kamerstuk = $document THEN 1 ELSE 2 END, coalesce(d.date, '') DESC, d.id
LIMIT 1
OPTIONAL MATCH (d)-[r]->(x)
WITH d, r, x
WHERE r IS NOT NULL
RETURN d.id AS document, type(r) AS relation, labels(x)[0] AS kind, x.id AS item, r.stance AS stance,
       r.occurrences AS times, r.sentence AS sentence
ORDER BY relation, kind, item
