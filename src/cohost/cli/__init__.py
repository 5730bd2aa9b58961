"""The ``cohost`` command line (Typer), one module per command group."""
