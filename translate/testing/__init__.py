"""Tiny random-weight models and sample texts for the tests, `make demo` and the bench."""
