#!/usr/bin/python3
"""Checks that planc's JSON outputs validate against docs/schemas/.

Usage: validate_outputs.py PLANC_BINARY REPOSITORY_ROOT

Runs the real binary, from the repository root, on three compiles (with
population figures from a stats file, from a registry, and without any) and
on a failing `planc check --format json`, then validates drawjobs.json,
schedule.json and diagnostics.json against their schemas and renders
overlap.dot with Graphviz; the golden tests' expected JSON diagnostics are
validated as well. It then runs two draws over the flagship's committed
sample data (examples/shishi-2024/sample/*.csv) with the compile golden's
draw jobs and a fixed seed, validates each manifest.json against
draw-manifest.schema.json, checks what a schema cannot (the commitment is
the seed's SHA-256, the digests, sizes and rows are those of the files) and
that `planc verify` accepts the folder; and validates
`planc seed --format json` against seed.schema.json. The draw-jobs schema
lets readers meet fields a later planc adds; here it is applied closed, so
that planc writes no field the schema (and docs/formats.md) does not
describe. Exit 0 when everything holds, 1 otherwise, naming each failure.
"""

import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    sys.exit("validate_outputs.py: the Python package jsonschema is missing; "
             "install it with `apt-get install python3-jsonschema`")

# (name, plan, extra arguments): every compile the test runs.
COMPILES = [
    ("shishi-2024", "examples/shishi-2024/plan.plan", []),
    ("small_registry", "tests/golden/compile/small_registry.plan",
     ["--registry", "examples/shishi-2024/sample/registry.csv"]),
    ("no_population", "tests/golden/compile/no_population.plan", []),
]

# A plan that fails with an error (exit 1) and a fix.
FAILING_CHECK = "tests/golden/sema/fail_e0101_unknown_pool.plan"

JSON_OUTPUTS = {
    "drawjobs.json": "drawjobs",
    "schedule.json": "schedule",
    "diagnostics.json": "diagnostics",
}

# Every schema of docs/schemas/ the test applies.
SCHEMAS = ["drawjobs", "schedule", "diagnostics", "draw-manifest", "seed"]

# The draws: the compile golden's jobs over the flagship's committed sample
# (its registry is the one that golden was compiled with), a fixed seed.
DRAW_JOBS = "tests/golden/compile/small_registry.out/drawjobs.json"
SAMPLE = "examples/shishi-2024/sample"
DRAW_SEED = "8f3c2a61d9e04b7a5c1e6f28b3d9a0c4e7f1b2d3c4a5968778695a4b3c2d1e0f"
# (name, extra arguments): with the conflicts file; without it (the
# manifest's `conflicts` is null) and with the inspectors published.
DRAWS = [
    ("draw", ["--conflicts", f"{SAMPLE}/conflicts.csv"]),
    ("draw_published", ["--publish-inspectors"]),
]


class Failures:
    def __init__(self):
        self.items = []

    def add(self, what, why):
        self.items.append(f"{what}: {why}")
        print(f"FAIL {what}: {why}", flush=True)


def closed(schema):
    """The schema with `additionalProperties: false` on every object that
    lists its properties and does not say otherwise."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if (node.get("type") == "object" and "properties" in node
                    and "additionalProperties" not in node):
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def load_validators(root, failures):
    validators = {}
    for name in SCHEMAS:
        path = os.path.join(root, "docs", "schemas", f"{name}.schema.json")
        try:
            with open(path, encoding="utf-8") as f:
                schema = json.load(f)
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
        except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
            failures.add(path, f"not a valid schema: {e}")
            continue
        if name == "drawjobs":
            schema = closed(schema)
        validators[name] = cls(schema, format_checker=jsonschema.FormatChecker())
    return validators


def validate(validators, name, text, what, failures):
    """Parses `text` and validates it; returns the document or None."""
    try:
        document = json.loads(text)
    except ValueError as e:
        failures.add(what, f"not JSON: {e}")
        return None
    validator = validators.get(name)
    if validator is None:
        return document
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors[:10]:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        failures.add(what, f"{where}: {error.message}")
    if len(errors) > 10:
        failures.add(what, f"{len(errors) - 10} more schema errors")
    if not errors:
        print(f"ok   {what} validates against {name}.schema.json", flush=True)
    return document


def check_summary(document, what, failures):
    """The summary counts the diagnostics by severity."""
    if not isinstance(document, dict):
        return
    counted = {"errors": 0, "warnings": 0, "notes": 0}
    for d in document.get("diagnostics", []):
        key = {"error": "errors", "warning": "warnings", "note": "notes"}.get(d.get("severity"))
        if key:
            counted[key] += 1
    if document.get("summary") != counted:
        failures.add(what, f"summary {document.get('summary')} does not count {counted}")


def run(args, root):
    return subprocess.run(args, cwd=root, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=300)


def check_compile(planc, root, validators, dot, case, work, failures):
    name, plan, extra = case
    out = os.path.join(work, name)
    result = run([planc, "compile", plan, *extra, "-o", out, "-q"], root)
    if result.returncode != 0:
        failures.add(f"planc compile {plan}",
                     f"exit {result.returncode}, expected 0\n{result.stderr}")
        return
    for file, schema in JSON_OUTPUTS.items():
        path = os.path.join(out, file)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            failures.add(f"{name}/{file}", f"cannot read: {e}")
            continue
        document = validate(validators, schema, text, f"{name}/{file}", failures)
        if schema == "diagnostics":
            check_summary(document, f"{name}/{file}", failures)
    svg = os.path.join(work, f"{name}.svg")
    rendered = subprocess.run([dot, "-Tsvg", os.path.join(out, "overlap.dot"), "-o", svg],
                              capture_output=True, text=True, errors="replace", timeout=300)
    if rendered.returncode != 0 or not os.path.getsize(svg):
        failures.add(f"{name}/overlap.dot",
                     f"dot -Tsvg failed (exit {rendered.returncode})\n{rendered.stderr}")
    else:
        print(f"ok   {name}/overlap.dot renders with dot -Tsvg", flush=True)


def check_failing_plan(planc, root, validators, failures):
    what = f"planc check --format json {FAILING_CHECK}"
    result = run([planc, "check", "--format", "json", FAILING_CHECK], root)
    if result.returncode != 1:
        failures.add(what, f"exit {result.returncode}, expected 1\n{result.stderr}")
    document = validate(validators, "diagnostics", result.stdout, what, failures)
    check_summary(document, what, failures)
    if document and not document.get("diagnostics"):
        failures.add(what, "no diagnostics for a failing plan")


def check_golden_diagnostics(root, validators, failures):
    """The golden tests' expected `--format json` outputs validate too: they
    cover more kinds of diagnostics than the runs above."""
    golden = os.path.join(root, "tests", "golden")
    for folder, _, files in sorted(os.walk(golden)):
        for file in sorted(files):
            if not file.endswith(".json.expected"):
                continue
            path = os.path.join(folder, file)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if '"planc/diagnostics@1"' in text:
                what = os.path.relpath(path, root)
                check_summary(validate(validators, "diagnostics", text, what, failures), what,
                              failures)


def check_rejections(validators, failures):
    """The schemas are not vacuous: broken documents must not validate."""
    broken = [
        ("drawjobs", {"schema": "planc/drawjobs@2", "algorithm": "planc/prn/v1",
                      "plan": {"title": "", "document": "", "year": 2024}, "jobs": []}),
        ("schedule", {"schema": "planc/schedule@1"}),
        ("diagnostics", {"schema": "planc/diagnostics@1", "diagnostics": [],
                         "summary": {"errors": 0, "warnings": 0, "notes": 0}, "extra": 1}),
        ("diagnostics", {"schema": "planc/diagnostics@1", "diagnostics": [
            {"code": "E0101", "severity": "fatal", "message": "m", "file": None, "line": None,
             "column": None, "end_line": None, "end_column": None, "rule": None,
             "notes": [], "help": None, "fixes": []}],
            "summary": {"errors": 1, "warnings": 0, "notes": 0}}),
        ("seed", {"schema": "planc/seed@1", "algorithm": "planc/prn/v1",
                  "seed": DRAW_SEED.upper(), "commitment": "0" * 64}),
        ("seed", {"schema": "planc/seed@1", "algorithm": "planc/prn/v1",
                  "seed": DRAW_SEED, "commitment": "0" * 64, "extra": 1}),
        ("draw-manifest", {"schema": "planc/draw-manifest@1", "algorithm": "planc/prn/v1"}),
    ]
    for name, document in broken:
        validator = validators.get(name)
        if validator is not None and validator.is_valid(document):
            failures.add(f"{name}.schema.json", f"accepts a broken document: {document}")


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def check_manifest_facts(manifest, folder, root, jobs, inputs, what, failures):
    """What the schema cannot say: the manifest's digests and figures are
    those of the files, and the commitment is the seed's."""
    if manifest.get("seed") != DRAW_SEED:
        failures.add(what, f"seed {manifest.get('seed')}, expected {DRAW_SEED}")
    if manifest.get("commitment") != sha256_hex(DRAW_SEED.encode("ascii")):
        failures.add(what, "commitment is not sha256(seed)")
    with open(os.path.join(root, jobs), "rb") as f:
        jobs_bytes = f.read()
    recorded = manifest.get("inputs", {})
    for role, path in [("jobs", jobs), *inputs]:
        with open(os.path.join(root, path), "rb") as f:
            digest = sha256_hex(f.read())
        entry = recorded.get(role) or {}
        if entry.get("sha256") != digest:
            failures.add(what, f"inputs.{role}.sha256 is not the SHA-256 of {path}")
    for name, entry in manifest.get("outputs", {}).items():
        try:
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
        except OSError as e:
            failures.add(what, f"outputs lists {name}, which the folder lacks: {e}")
            continue
        if entry.get("sha256") != sha256_hex(data) or entry.get("bytes") != len(data):
            failures.add(what, f"outputs.{name}: digest or size is not the file's")
        if name.endswith(".csv") and entry.get("rows") != data.count(b"\n") - 1:
            failures.add(what, f"outputs.{name}.rows is not the file's rows less the header")
    with open(os.path.join(folder, "drawjobs.json"), "rb") as f:
        if f.read() != jobs_bytes:
            failures.add(what, "drawjobs.json in the folder is not a copy of the jobs drawn")
    counts = manifest.get("counts", {})
    for count, file in [("draws", "draws.csv"), ("visits", "visits.csv")]:
        rows = manifest.get("outputs", {}).get(file, {}).get("rows")
        if counts.get(count) != rows:
            failures.add(what, f"counts.{count} is not the rows of {file}")


def check_draw(planc, root, validators, case, work, failures):
    name, extra = case
    out = os.path.join(work, name)
    inputs = [("registry", f"{SAMPLE}/registry.csv"), ("inspectors", f"{SAMPLE}/inspectors.csv")]
    if "--conflicts" in extra:
        inputs.append(("conflicts", extra[extra.index("--conflicts") + 1]))
    args = [planc, "-q", "draw", DRAW_JOBS, "--registry", f"{SAMPLE}/registry.csv",
            "--inspectors", f"{SAMPLE}/inspectors.csv", *extra, "--seed", DRAW_SEED,
            "--commitment", sha256_hex(DRAW_SEED.encode("ascii")), "-o", out]
    result = run(args, root)
    if result.returncode != 0:
        failures.add(f"planc draw ({name})", f"exit {result.returncode}, expected 0\n{result.stderr}")
        return
    what = f"{name}/manifest.json"
    try:
        with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        failures.add(what, f"cannot read: {e}")
        return
    manifest = validate(validators, "draw-manifest", text, what, failures)
    if not isinstance(manifest, dict):
        return
    check_manifest_facts(manifest, out, root, DRAW_JOBS, inputs, what, failures)
    conflicts = manifest.get("inputs", {}).get("conflicts", "absent")
    if ("--conflicts" in extra) == (conflicts is None):
        failures.add(what, f"inputs.conflicts is {conflicts!r} for a draw {extra}")
    published = "--publish-inspectors" in extra
    if manifest.get("options", {}).get("publish_inspectors") is not published:
        failures.add(what, f"options.publish_inspectors is not {published}")
    with open(os.path.join(out, "drawjobs.json"), encoding="utf-8") as f:
        validate(validators, "drawjobs", f.read(), f"{name}/drawjobs.json", failures)
    verify = [planc, "-q", "verify", os.path.join(out, "manifest.json"),
              *[a for role, path in inputs if role != "jobs" for a in (f"--{role}", path)]]
    result = run(verify, root)
    if result.returncode != 0:
        failures.add(f"planc verify ({name})",
                     f"exit {result.returncode}, expected 0\n{result.stderr}")
    else:
        print(f"ok   {name}: planc verify accepts the folder", flush=True)


def check_seed(planc, root, validators, failures):
    seeds = []
    for _ in range(2):
        what = "planc seed --format json"
        result = run([planc, "seed", "--format", "json"], root)
        if result.returncode != 0:
            failures.add(what, f"exit {result.returncode}, expected 0\n{result.stderr}")
            return
        document = validate(validators, "seed", result.stdout, what, failures)
        if not isinstance(document, dict):
            return
        seed = document.get("seed", "")
        if document.get("commitment") != sha256_hex(seed.encode("ascii")):
            failures.add(what, "commitment is not sha256(seed)")
        seeds.append(seed)
    if seeds[0] == seeds[1]:
        failures.add("planc seed", "two runs gave the same seed")


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: validate_outputs.py PLANC_BINARY REPOSITORY_ROOT")
    planc, root = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    if not os.access(planc, os.X_OK):
        print(f"FAIL {planc} is not an executable planc binary", file=sys.stderr)
        return 1
    dot = shutil.which("dot")
    if dot is None:
        print("FAIL Graphviz `dot` is not installed; install it with `apt-get install graphviz`",
              file=sys.stderr)
        return 1
    failures = Failures()
    validators = load_validators(root, failures)
    check_rejections(validators, failures)
    with tempfile.TemporaryDirectory(prefix="planc-schema-") as work:
        for case in COMPILES:
            check_compile(planc, root, validators, dot, case, work, failures)
        for case in DRAWS:
            check_draw(planc, root, validators, case, work, failures)
    check_seed(planc, root, validators, failures)
    check_failing_plan(planc, root, validators, failures)
    check_golden_diagnostics(root, validators, failures)
    if failures.items:
        print(f"\n{len(failures.items)} failure(s)", file=sys.stderr)
        return 1
    print("all outputs validate")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
