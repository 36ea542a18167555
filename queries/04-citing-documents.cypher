// Citing documents
// name: citing-documents
// description: Who cites a Kamerstuk (DOSSIER[-SUB]-NUMBER, e.g. 29521-451), newest first.
// param: kamerstuk = "27925-AB"
MATCH (d:Document)-[c:CITES]->(k:Kamerstuk {id: $kamerstuk})
RETURN d.id AS document, coalesce(d.date, '') AS date, d.kind AS kind, d.title AS title, c.sentence AS sentence
ORDER BY date DESC, document
