"""Text: decoding, document structure, the Dutch sentence splitter, fitting, batching."""
