"""The two stages, translation and summarization, over any engine; no torch here."""
