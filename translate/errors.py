"""Library errors. The CLI turns them into one-line messages and exit codes."""


class TranslateError(Exception):
    """Base class for errors the user can act on."""

    exit_code = 1


class UsageError(TranslateError):
    """Bad options or arguments."""

    exit_code = 2


class ModelNotFoundError(TranslateError):
    """A model is neither on disk nor downloadable."""

    exit_code = 2


class ModelLoadError(TranslateError):
    """A model folder exists but transformers cannot load it."""

    exit_code = 2


class DocumentError(TranslateError):
    """A source file cannot be read or decoded as text."""


class OutboxError(TranslateError):
    """The outbox cannot take more outputs (full, read-only, over quota, no permission)."""

    exit_code = 2


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message, or its type's name when it has none: what
    a one-line error shows of a library's multi-line exception."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
