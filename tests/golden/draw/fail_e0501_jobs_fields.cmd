# a stratum without a ratio or count, a month 13, an unknown coordination
draw tests/golden/draw/data/jobs-bad-fields.json --registry examples/shishi-2024/sample/registry.csv --inspectors examples/shishi-2024/sample/inspectors.csv --seed 8f3c2a61d9e04b7a5c1e6f28b3d9a0c4e7f1b2d3c4a5968778695a4b3c2d1e0f -o {out}
