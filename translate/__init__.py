"""Dutch-to-English translation and summary batch job."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("translate-nl-en")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
