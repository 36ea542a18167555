// Resolutions per mission
// name: resolutions-per-mission
// description: UN Security Council resolutions per mission, with how many documents link them.
MATCH (r:Resolution)-[mr:MANDATES]->(m:Mission)
RETURN m.id AS mission, r.id AS resolution, r.year AS year, count(DISTINCT mr.doc) AS documents
ORDER BY mission, resolution
