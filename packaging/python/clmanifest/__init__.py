"""clmanifest: the native command-line program, shipped in this wheel as the `clmanifest` script.

Run it as `clmanifest` or `python -m clmanifest`; `find_clmanifest_bin()` says where it is.
"""

import os
import sys
import sysconfig

__all__ = ["find_clmanifest_bin"]


def find_clmanifest_bin() -> str:
    """The path of the installed `clmanifest` binary (raises FileNotFoundError when it is not there)."""
    name = "clmanifest" + (".exe" if sys.platform == "win32" else "")
    schemes = [sysconfig.get_default_scheme()]
    user = sysconfig.get_preferred_scheme("user") if hasattr(sysconfig, "get_preferred_scheme") else None
    if user:
        schemes.append(user)
    for scheme in schemes:
        path = os.path.join(sysconfig.get_path("scripts", scheme=scheme), name)
        if os.path.isfile(path):
            return path
    # Installed with --target or --prefix: the scripts folder beside this package's site folder.
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for candidate in (os.path.join(here, "bin", name), os.path.join(here, "..", "..", "..", "bin", name)):
        if os.path.isfile(candidate):
            return os.path.normpath(candidate)
    raise FileNotFoundError(f"the {name} binary of this wheel is not installed where Python puts scripts")
