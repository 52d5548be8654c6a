"""`translate bench`: workload, baselines, our runs, soak, report."""
