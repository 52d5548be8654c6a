"""Runners: the run core (articles as text) and the local batch job over folders."""
