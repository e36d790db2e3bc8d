# a registry edited after the compile (one date) but with the same strata sizes
draw tests/golden/compile/small_registry.out/drawjobs.json --registry tests/golden/draw/data/registry-edited.csv --inspectors examples/shishi-2024/sample/inspectors.csv --seed 8f3c2a61d9e04b7a5c1e6f28b3d9a0c4e7f1b2d3c4a5968778695a4b3c2d1e0f -o {out} -q
