"""One router per resource: states, treaties, obligations, changes, invocations, scenarios,
datasets."""
