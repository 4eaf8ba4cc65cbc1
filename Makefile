# Developer tasks; `make help` lists them.
.PHONY: help install test check format bench web-assets

help:  ## list the tasks
	@grep -E "^[a-z-]+:.*## " $(MAKEFILE_LIST) | sed "s/:.*## /\t/"

install:  ## install foedus with the development extras
	python3 -m pip install -e '.[dev]'

test:  ## run the test suite (the README's and CI's command)
	python3 -m pytest

check:  ## lint, check formatting, type-check
	ruff check . && ruff format --check . && mypy

format:  ## format the code
	ruff format . && ruff check --fix .

bench:  ## run the benchmarks (ratios against references measured in the same run)
	python3 benchmarks/run.py && python3 benchmarks/cascade.py && python3 benchmarks/dyadyears.py

web-assets:  ## rebuild the bundled map geometry from the npm registry
	python3 scripts/build_web_assets.py
