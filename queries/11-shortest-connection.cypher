// Shortest connection
// name: shortest-connection
// description: The shortest connections between two documents (every shortest path, at most 8 steps), in the order of the nodes they pass.
// param: from = "000_9490c8c295b3259a"
// param: to = "003_cf3b274d7ecd5e93"
MATCH (a:Document {id: $from})
MATCH (b:Document {id: $to})
MATCH p = allShortestPaths((a)-[*..8]-(b))
RETURN length(p) AS hops, nodes(p) AS path
ORDER BY hops, reduce(passes = '', n IN nodes(p) | passes + labels(n)[0] + ':' + n.id + ' ')
