"""`python -m factdiff`: the same CLI, with one clear line if the package was not installed."""

import sys

from factdiff.errors import missing_dependency

try:
    from factdiff.cli import main
except ModuleNotFoundError as error:  # run from a checkout without `pip install -e .`
    sys.stderr.write(f"factdiff: {missing_dependency(error.name)}\n")
    sys.exit(2)

main()
