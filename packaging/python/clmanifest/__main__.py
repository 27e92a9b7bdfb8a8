"""`python -m clmanifest ARGS`: runs the installed binary with ARGS."""

import os
import sys

from clmanifest import find_clmanifest_bin


def main() -> None:
    binary = find_clmanifest_bin()
    os.execv(binary, [binary, *sys.argv[1:]])


if __name__ == "__main__":
    main()
