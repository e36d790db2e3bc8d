# a manifest of another schema
verify tests/golden/draw/data/manifest-bad.json --registry examples/shishi-2024/sample/registry.csv --inspectors examples/shishi-2024/sample/inspectors.csv
