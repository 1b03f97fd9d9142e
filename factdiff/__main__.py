"""`python -m factdiff`: the same CLI, with one clear line if the package was not installed."""

import sys

try:
    from factdiff.cli import main
except ModuleNotFoundError as error:  # run from a checkout without `pip install -e .`
    sys.stderr.write(
        f"factdiff: missing dependency '{error.name}'; install factdiff first, as the README's first line does: "
        "python3 -m venv .venv && . .venv/bin/activate && python3 -m pip install -e .\n"
    )
    sys.exit(2)

main()
