"""The one exception type the library raises for trouble a user can fix."""


class FactdiffError(Exception):
    """A problem with the user's input or arguments; the CLI prints it as one line and exits 2."""

    def __init__(self, message: str, code: str = "E001") -> None:
        super().__init__(message)
        self.code = code
