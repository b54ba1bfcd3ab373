#!/usr/bin/env python3
"""政府信息公开年报透明度看板 — the command line. Run ``python build.py --help``."""

import sys

from nianbao.cli import main

if __name__ == "__main__":
    sys.exit(main())
