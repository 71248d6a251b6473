"""Benchmarks for pulumicost-policy: `python -m bench` (see bench/run.py)."""
