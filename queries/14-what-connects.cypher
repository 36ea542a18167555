// What connects two documents
// name: what-connects
// description: What two documents have in common: the items both cite or mention, and how each refers to them.
// param: a = "000_9490c8c295b3259a"
// param: b = "003_cf3b274d7ecd5e93"
MATCH (a:Document {id: $a})-[r1]->(x)<-[r2]-(b:Document {id: $b})
RETURN labels(x)[0] AS kind, x.id AS item, type(r1) AS via_a, type(r2) AS via_b
ORDER BY kind, item, via_a, via_b
