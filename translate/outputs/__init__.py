"""What a run writes: outbox names, freshness and lock (outbox.py), sidecars (records.py)."""
