"""Where models come from (hub.py) and where they run (devices.py)."""
