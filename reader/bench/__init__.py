"""Benchmarks: ``python -m reader.bench quotes|speakers|speed --pdnc DIR``."""
