"""Run counter_app from a checkout: ``python main.py --role counter``."""

import sys

from counter_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
