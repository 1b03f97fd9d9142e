"""The one exception type the library raises for trouble a user can fix."""


class FactdiffError(Exception):
    """A problem with the user's input or arguments; the CLI prints it as one line and exits 2."""

    def __init__(self, message: str, code: str = "E001") -> None:
        super().__init__(message)
        self.code = code


def missing_dependency(name: str | None) -> str:
    """The line for a checkout run without ``pip install -e .``: the command line imports each
    dependency only when a command needs it, so this can surface at start-up or mid-command."""
    return (
        f"missing dependency '{name}'; install factdiff first, as the README's first line does: "
        "python3 -m venv .venv && . .venv/bin/activate && python3 -m pip install -e ."
    )
