"""policygraph: a knowledge graph of Vietnamese Party and State directives and their implementations.

Data flows one way: files -> ingest -> graph -> queries -> CLI / web / exports.
"""

__version__ = "0.1.0"
