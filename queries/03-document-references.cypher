// Document references
// name: document-references
// description: Everything one document cites or mentions, with the sentence each link comes from.
// param: document = "000_9490c8c295b3259a"
MATCH (d:Document)
WHERE d.id = $document OR d.kamerstuk = $document OR toLower(d.title) CONTAINS toLower($document)
MATCH (d)-[r]->(x)
RETURN d.id AS document, type(r) AS relation, labels(x)[0] AS kind, x.id AS item, r.stance AS stance,
       r.occurrences AS times, r.sentence AS sentence
ORDER BY document, relation, kind, item
