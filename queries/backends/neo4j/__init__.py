"""The Neo4j backend: `policygraph neo4j push` copies the graph to a server (push.py), and
`--backend neo4j` answers the questions there in Cypher (backend.py); model.py is the data
model both share (labels, relationship types, how properties are stored)."""
