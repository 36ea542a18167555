"""Graph stores: what every store does and the Cypher they share (``base``), the embedded LadybugDB store
(``embedded``), the Neo4j store (``neo4j``), the local Neo4j server (``neo4j_server``), the Neo4j Browser style
and favourites (``neo4j_browser``) and ``push`` from one store to another (``transfer``)."""
