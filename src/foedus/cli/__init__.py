"""The command line: ``foedus …`` (human tables by default, ``--format json`` for machines)."""
