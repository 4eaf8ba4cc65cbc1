"""The edge of the system: files in (corpus YAML, importers) and out (exporters)."""
