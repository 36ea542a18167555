// Resolutions per mission
// name: resolutions-per-mission
// description: UN Security Council resolutions per mission, with how many documents link them; the most linked pairs first.
// param: limit = 100
MATCH (r:Resolution)-[mr:MANDATES]->(m:Mission)
WITH m, r, count(mr) AS documents
RETURN m.id AS mission, r.id AS resolution, r.year AS year, documents
ORDER BY documents DESC, mission, resolution
LIMIT $limit
