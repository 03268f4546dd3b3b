"""``python -m renstra_model`` runs the ``renstra`` command line."""

import sys

from .cli.main import main

sys.exit(main())
