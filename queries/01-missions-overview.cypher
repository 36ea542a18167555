// Missions overview
// name: missions-overview
// description: Per mission: how many documents mention it, the resolutions that mandate it, its evaluations and their recommendations.
MATCH (m:Mission)
OPTIONAL MATCH (d:Document)-[:MENTIONS]->(m)
WITH m, count(DISTINCT d) AS documents
OPTIONAL MATCH (r:Resolution)-[:MANDATES]->(m)
WITH m, documents, count(DISTINCT r) AS resolutions
OPTIONAL MATCH (e:Evaluation)-[:EVALUATES]->(m)
OPTIONAL MATCH (e)-[:HAS_RECOMMENDATION]->(rec:Recommendation)
RETURN m.id AS mission, m.organisation AS organisation, documents, resolutions,
       count(DISTINCT e) AS evaluations, count(DISTINCT rec) AS recommendations
ORDER BY documents DESC, mission
