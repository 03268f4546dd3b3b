"""The documentation pages; a package only so that pytest imports docs/conftest.py under
its own name (``docs.conftest``), apart from tests/conftest.py."""
