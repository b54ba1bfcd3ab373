"""Benchmarks: a deterministic synthetic corpus and the scale benchmark (see README.md)."""
