"""The bundled corpus: the state registry, named areas and one YAML file per treaty (data only)."""
