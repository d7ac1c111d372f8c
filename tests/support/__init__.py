"""Helpers the tests share: `support.ingest` (samples, the answer key, CLI runs) and `support.generate`
(the synthetic corpus and its perfect graph, also run by bench/queries.py through bench/generate.py).

Importable as `support` because pyproject's pytest settings put tests/ on the path (pythonpath).
"""
