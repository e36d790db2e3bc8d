#!/usr/bin/env python3
"""An independent reference implementation of `planc draw` (draw.md), written
from the specification alone (draw.md, data.md, language.md), with Python's
standard library and no planc code. It writes draws.csv and visits.csv so that
they can be compared byte for byte with planc's own output:

  reference_draw.py JOBS --registry R --inspectors I [--conflicts C]
                    --seed HEX -o DIR [--recount] [--encoding utf-8|gb18030]

JOBS is a drawjobs.json (planc/drawjobs@1). Exit 0 on success; exit 1 with a
message on any error (nothing is written then: no partial output)."""
import argparse
import csv
import datetime
import hashlib
import io
import json
import os
import re
import sys
from fractions import Fraction

US = "\x1f"
TWO64 = 1 << 64


class DrawError(Exception):
    pass


# ---------------------------------------------------------------------------
# planc/prn/v1

def prn_hex(seed_hex, stream, unit_id):
    text = "planc/prn/v1" + US + seed_hex + US + stream + US + unit_id
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def prn(seed_hex, stream, unit_id):
    return int(prn_hex(seed_hex, stream, unit_id), 16)


def negative_shift(u, i, m):
    return (u + (i * TWO64) // m) % TWO64


def bkey(s):
    """Bytewise (UTF-8) order."""
    return s.encode("utf-8")


# ---------------------------------------------------------------------------
# CSV input (data.md): UTF-8 with or without BOM, else GB18030; RFC 4180;
# a header row; Chinese headers accepted.

REGISTRY_HEADERS = {
    "统一社会信用代码": "uscc", "企业名称": "name", "名称": "name",
    "主体类型": "kind", "行业代码": "industry", "所属辖区": "district",
    "管辖单位": "district", "信用风险分类": "credit", "许可证": "licences",
    "许可类型": "licences", "登记状态": "status", "标签": "tags",
    "成立日期": "registered_on",
}
INSPECTOR_HEADERS = {
    "执法证号": "id", "姓名": "name", "所属单位": "unit",
    "执法领域": "qualifications", "资格": "qualifications",
    "年度检查上限": "capacity", "在岗": "active",
}
CONFLICT_HEADERS = {
    "执法证号": "inspector", "统一社会信用代码": "uscc", "回避事由": "reason",
}


def read_csv(path, headers_zh, required, encoding=None):
    with open(path, "rb") as f:
        data = f.read()
    if encoding:
        text = data.decode(encoding)
        if text.startswith("\ufeff"):
            text = text[1:]
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030")
            print(f"note: {path} is not valid UTF-8; read as GB18030", file=sys.stderr)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise DrawError(f"{path}: empty file, a header row is required")
    names = [headers_zh.get(h.strip(), h.strip()) for h in header]
    if len(set(names)) != len(names):
        raise DrawError(f"{path}:1: duplicate column in the header")
    for col in required:
        if col not in names:
            raise DrawError(f"{path}:1: missing column `{col}`")
    rows = []
    for line, rec in enumerate(reader, start=2):
        if rec == []:
            continue
        if len(rec) != len(names):
            raise DrawError(f"{path}:{line}: {len(rec)} fields, the header has {len(names)}")
        rows.append((line, dict(zip(names, rec))))
    return rows


USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc_valid(code):
    if len(code) != 18 or any(c not in USCC_ALPHABET for c in code):
        return False
    total = sum(USCC_ALPHABET.index(code[i]) * pow(3, i, 31) for i in range(17))
    check = 31 - total % 31
    if check == 31:
        check = 0
    return USCC_ALPHABET[check] == code[17]


STATUS_ZH = {"存续": "active", "在业": "active", "吊销": "revoked", "注销": "cancelled"}
KIND_ZH = {"企业": "enterprise", "个体工商户": "individual", "农民专业合作社": "cooperative"}
BOOL_WORDS = {"true": True, "false": False, "是": True, "否": False}


def load_registry(path, encoding):
    rows = read_csv(path, REGISTRY_HEADERS, ["uscc", "name", "credit", "status"], encoding)
    seen = {}
    active = []
    for line, r in rows:
        r["uscc"] = r["uscc"].strip()
        if not uscc_valid(r["uscc"]):
            raise DrawError(f"{path}:{line}: column `uscc`: invalid code {r['uscc']!r}")
        if r["uscc"] in seen:
            raise DrawError(f"{path}:{line}: column `uscc`: {r['uscc']} repeats line {seen[r['uscc']]}")
        seen[r["uscc"]] = line
        status = r["status"].strip()
        status = STATUS_ZH.get(status, status)
        if status not in ("active", "revoked", "cancelled"):
            raise DrawError(f"{path}:{line}: column `status`: unknown value {r['status']!r}")
        r["status"] = status
        if "kind" in r:
            r["kind"] = KIND_ZH.get(r["kind"].strip(), r["kind"])
        credit = r["credit"].strip()
        if credit not in ("A", "B", "C", "D", ""):
            raise DrawError(f"{path}:{line}: column `credit`: unknown class {r['credit']!r}")
        r["_class"] = credit or "U"
        if status == "active":
            active.append(r)
    return active


def load_inspectors(path, encoding):
    rows = read_csv(path, INSPECTOR_HEADERS, ["id", "name", "active"], encoding)
    seen = set()
    out = []
    for line, r in rows:
        r["id"] = r["id"].strip()
        if r["id"] in seen:
            raise DrawError(f"{path}:{line}: column `id`: {r['id']} repeats")
        seen.add(r["id"])
        act = r["active"].strip().lower() if r["active"].strip().isascii() else r["active"].strip()
        if act not in BOOL_WORDS:
            raise DrawError(f"{path}:{line}: column `active`: not true/false: {r['active']!r}")
        r["_active"] = BOOL_WORDS[act]
        cap = r.get("capacity", "").strip()
        if cap == "":
            r["_capacity"] = None
        elif re.fullmatch(r"\d+", cap):
            r["_capacity"] = int(cap)
        else:
            raise DrawError(f"{path}:{line}: column `capacity`: not a whole number: {cap!r}")
        out.append(r)
    return out


def load_conflicts(path, encoding):
    if not path:
        return set()
    rows = read_csv(path, CONFLICT_HEADERS, ["inspector", "uscc"], encoding)
    return {(r["inspector"].strip(), r["uscc"].strip()) for _, r in rows}


# ---------------------------------------------------------------------------
# Expressions (language.md "Expressions"): tokenizer, recursive-descent
# parser, evaluator over one CSV row.

KEYWORDS = {"and", "or", "not", "in", "has", "true", "false"}
TOKEN_RE = re.compile(r"""
    (?P<ws>\s+)
  | (?P<date>\d{4}-\d{2}-\d{2}(?![\d]))
  | (?P<month>\d{4}-\d{2}(?![\d-]))
  | (?P<num>\d+(?:\.\d+)?%?)
  | (?P<str>"(?:[^"\\]|\\.)*")
  | (?P<op>==|!=|<=|>=|&&|\|\||[()\[\],.?:!<>+\-*/])
""", re.X | re.S)


def is_ident_start(c):
    return c == "_" or c.isalpha()


def is_ident_char(c):
    return c in "_-" or c.isalpha() or c.isdigit()


def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if is_ident_start(c):
            j = i + 1
            while j < len(src) and is_ident_char(src[j]):
                j += 1
            word = src[i:j]
            toks.append(("kw" if word in KEYWORDS else "id", word))
            i = j
            continue
        m = TOKEN_RE.match(src, i)
        if not m:
            raise DrawError(f"predicate {src!r}: unexpected character {c!r}")
        kind = m.lastgroup
        text = m.group(kind)
        i = m.end()
        if kind == "ws":
            continue
        if kind == "month":
            raise DrawError(f"predicate {src!r}: a month ({text}) where a date is meant")
        if kind == "str":
            toks.append(("str", json.loads(text)))
        elif kind == "num":
            if text.endswith("%"):
                toks.append(("num", Fraction(text[:-1]) / 100))
            else:
                toks.append(("num", Fraction(text)))
        elif kind == "date":
            try:
                toks.append(("date", datetime.date.fromisoformat(text)))
            except ValueError:
                raise DrawError(f"predicate {src!r}: invalid date {text}")
        else:
            toks.append(("op", text))
    toks.append(("end", None))
    return toks


class Parser:
    def __init__(self, src):
        self.src = src
        self.toks = tokenize(src)
        self.pos = 0

    def peek(self):
        return self.toks[self.pos]

    def accept(self, *texts):
        kind, val = self.peek()
        if kind in ("op", "kw") and val in texts:
            self.pos += 1
            return val
        return None

    def expect(self, text):
        if not self.accept(text):
            raise DrawError(f"predicate {self.src!r}: expected `{text}`, found {self.peek()[1]!r}")

    def parse(self):
        e = self.ternary()
        if self.peek()[0] != "end":
            raise DrawError(f"predicate {self.src!r}: unexpected {self.peek()[1]!r}")
        return e

    def ternary(self):
        c = self.or_()
        if self.accept("?"):
            a = self.ternary()
            self.expect(":")
            b = self.ternary()
            return ("?:", c, a, b)
        return c

    def or_(self):
        e = self.and_()
        while self.accept("or", "||"):
            e = ("or", e, self.and_())
        return e

    def and_(self):
        e = self.cmp()
        while self.accept("and", "&&"):
            e = ("and", e, self.cmp())
        return e

    def cmp(self):
        e = self.add()
        while True:
            op = self.accept("==", "!=", "<", "<=", ">", ">=", "in", "has")
            if not op:
                return e
            e = (op, e, self.add())

    def add(self):
        e = self.mul()
        while True:
            op = self.accept("+", "-")
            if not op:
                return e
            e = (op, e, self.mul())

    def mul(self):
        e = self.unary()
        while True:
            op = self.accept("*", "/")
            if not op:
                return e
            e = (op, e, self.unary())

    def unary(self):
        if self.accept("!", "not"):
            return ("not", self.unary())
        if self.accept("-"):
            return ("neg", self.unary())
        return self.postfix()

    def args(self):
        out = []
        if self.accept(")"):
            return out
        while True:
            out.append(self.ternary())
            if self.accept(")"):
                return out
            self.expect(",")

    def postfix(self):
        e = self.primary()
        while True:
            if self.accept("."):
                kind, name = self.peek()
                if kind not in ("id", "kw"):
                    raise DrawError(f"predicate {self.src!r}: a name must follow `.`")
                self.pos += 1
                if self.accept("("):
                    e = ("method", name, e, self.args())
                else:
                    raise DrawError(f"predicate {self.src!r}: member access `.{name}` is not available here")
            elif self.accept("["):
                raise DrawError(f"predicate {self.src!r}: indexing is not available here")
            else:
                return e

    def primary(self):
        kind, val = self.peek()
        if kind in ("str", "num", "date"):
            self.pos += 1
            return ("lit", val)
        if kind == "kw" and val in ("true", "false"):
            self.pos += 1
            return ("lit", val == "true")
        if kind == "id":
            self.pos += 1
            if self.accept("("):
                return ("call", val, self.args())
            return ("name", val)
        if self.accept("("):
            e = self.ternary()
            self.expect(")")
            return e
        if self.accept("["):
            items = []
            while not self.accept("]"):
                items.append(self.ternary())
                if self.accept("]"):
                    break
                self.expect(",")
            return ("list", items)
        raise DrawError(f"predicate {self.src!r}: unexpected {val!r}")


class Cell:
    """A CSV cell: its type follows from how the expression uses it."""
    __slots__ = ("col", "raw")

    def __init__(self, col, raw):
        self.col = col
        self.raw = raw


def as_list(v):
    if isinstance(v, Cell):
        return [x.strip() for x in v.raw.split(";") if x.strip() != ""]
    if isinstance(v, list):
        return v
    raise DrawError(f"`has`/size() needs a list, got {v!r}")


def as_bool(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, Cell):
        s = v.raw.strip()
        s = s.lower() if s.isascii() else s
        if s in BOOL_WORDS:
            return BOOL_WORDS[s]
        raise DrawError(f"column `{v.col}` is not a condition (value {v.raw!r})")
    raise DrawError(f"not a condition: {v!r}")


def parse_date(s):
    s = s.strip()
    m = (re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s) or re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", s)
         or re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", s))
    if not m:
        return None
    return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def as_str(v):
    if isinstance(v, Cell):
        return v.raw
    if isinstance(v, str):
        return v
    raise DrawError(f"not a string: {v!r}")


def coerce_pair(a, b):
    """Give a column cell the type of the value it is compared with."""
    if isinstance(a, Cell) and isinstance(b, Cell):
        return a.raw, b.raw
    if isinstance(b, Cell):
        y, x = coerce_pair(b, a)
        return x, y
    if isinstance(a, Cell):
        if isinstance(b, bool):
            return as_bool(a), b
        if isinstance(b, Fraction):
            s = a.raw.strip()
            return (Fraction(s) if re.fullmatch(r"-?\d+(\.\d+)?", s) else None), b
        if isinstance(b, datetime.date):
            return parse_date(a.raw), b
        return a.raw, b
    return a, b


def compare(op, a, b):
    x, y = coerce_pair(a, b)
    if x is None or y is None:   # an empty or unreadable cell: no value
        return op == "!="
    if type(x) is not type(y) and not (isinstance(x, Fraction) and isinstance(y, Fraction)):
        raise DrawError(f"cannot compare {x!r} with {y!r}")
    if op == "==":
        return x == y
    if op == "!=":
        return x != y
    if isinstance(x, bool):
        raise DrawError("booleans have no order")
    if isinstance(x, str):
        x, y = bkey(x), bkey(y)
    return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]


def glob_match(s, pattern):
    regex = ".*".join(re.escape(p) for p in pattern.split("*"))
    return re.fullmatch(regex, s, re.S) is not None


class Predicates:
    """Named predicates (scopes or pools) and the parsed expressions."""

    def __init__(self, named):
        self.named = dict(named or {})
        self.cache = {}

    def parsed(self, src):
        if src not in self.cache:
            self.cache[src] = Parser(src).parse()
        return self.cache[src]

    def test(self, src, row):
        return as_bool(self.eval(self.parsed(src), row, ()))

    def eval(self, e, row, stack):
        tag = e[0]
        if tag == "lit":
            return e[1]
        if tag == "name":
            name = e[1]
            if name in self.named:
                if name in stack:
                    raise DrawError(f"`{name}` refers to itself")
                return as_bool(self.eval(self.parsed(self.named[name]), row, stack + (name,)))
            if name not in row:
                raise DrawError(f"unknown column or name `{name}`")
            return Cell(name, row[name])
        if tag == "list":
            return [self.eval(x, row, stack) for x in e[1]]
        if tag == "and":
            return as_bool(self.eval(e[1], row, stack)) and as_bool(self.eval(e[2], row, stack))
        if tag == "or":
            return as_bool(self.eval(e[1], row, stack)) or as_bool(self.eval(e[2], row, stack))
        if tag == "not":
            return not as_bool(self.eval(e[1], row, stack))
        if tag == "?:":
            return self.eval(e[2] if as_bool(self.eval(e[1], row, stack)) else e[3], row, stack)
        if tag == "has":
            xs = as_list(self.eval(e[1], row, stack))
            item = self.eval(e[2], row, stack)
            return any(compare("==", x, item) for x in xs)
        if tag == "in":
            x = self.eval(e[1], row, stack)
            xs = self.eval(e[2], row, stack)
            if not isinstance(xs, list):
                xs = as_list(xs)
            return any(compare("==", x, y) for y in xs)
        if tag in ("==", "!=", "<", "<=", ">", ">="):
            return compare(tag, self.eval(e[1], row, stack), self.eval(e[2], row, stack))
        if tag in ("+", "-", "*", "/", "neg"):
            vals = [self.eval(x, row, stack) for x in e[1:]]
            nums = []
            for v in vals:
                if isinstance(v, Cell):
                    v = coerce_pair(v, Fraction(0))[0]
                if not isinstance(v, Fraction):
                    raise DrawError(f"arithmetic needs numbers, got {v!r}")
                nums.append(v)
            if tag == "neg":
                return -nums[0]
            a, b = nums
            if tag == "/":
                if b == 0:
                    raise DrawError("division by zero")
                return a / b
            return {"+": a + b, "-": a - b, "*": a * b}[tag]
        if tag == "method":
            name, target, args = e[1], e[2], e[3]
            s = as_str(self.eval(target, row, stack))
            if len(args) != 1:
                raise DrawError(f".{name}() takes one argument")
            arg = as_str(self.eval(args[0], row, stack))
            if name == "startsWith":
                return s.startswith(arg)
            if name == "matches":
                return glob_match(s, arg)
            raise DrawError(f"unknown function .{name}()")
        if tag == "call":
            name, args = e[1], e[2]
            if name == "size" and len(args) == 1:
                return Fraction(len(as_list(self.eval(args[0], row, stack))))
            raise DrawError(f"unknown function {name}()")
        raise DrawError(f"cannot evaluate {tag}")


# ---------------------------------------------------------------------------
# Sample sizes (draw.md "Sample sizes")

WARNINGS = []   # printed only when the draw succeeds
DECIMAL_RE = re.compile(r"\d+(\.\d+)?")


def ratio_of(text, where):
    if not isinstance(text, str) or not DECIMAL_RE.fullmatch(text):
        raise DrawError(f"{where}: ratio {text!r} is not an exact decimal")
    r = Fraction(text)
    if r > 1:
        raise DrawError(f"{where}: ratio {text} is above 100%")
    return r


def ceil_mul(r, n):
    return -((-r.numerator * n) // r.denominator)


def sample_size(stratum, N, where):
    ratio, count, mn = stratum.get("ratio"), stratum.get("count"), stratum.get("min")
    if ratio is not None and count is None:
        n = ceil_mul(ratio_of(ratio, where), N)
        if mn is not None:
            if not isinstance(mn, int) or mn < 0:
                raise DrawError(f"{where}: min {mn!r} is not a count")
            n = max(n, mn)
            if mn > N:
                WARNINGS.append(f"{where}: asks for at least {mn}, the stratum has {N}")
        return min(n, N)
    if count is not None and ratio is None and mn is None:
        if not isinstance(count, int) or count < 0:
            raise DrawError(f"{where}: count {count!r} is not a count")
        if count > N:
            WARNINGS.append(f"{where}: asks for {count}, the stratum has {N}")
        return min(count, N)
    raise DrawError(f"{where}: a stratum needs a ratio (optionally with min) or a count")


# ---------------------------------------------------------------------------
# The draw

def draw(jobs_doc, registry, inspectors, conflicts, seed, recount):
    if jobs_doc.get("schema") != "planc/drawjobs@1":
        raise DrawError(f"jobs file: schema {jobs_doc.get('schema')!r}, expected planc/drawjobs@1")
    if jobs_doc.get("algorithm", "planc/prn/v1") != "planc/prn/v1":
        raise DrawError(f"jobs file: algorithm {jobs_doc.get('algorithm')!r}, expected planc/prn/v1")
    scopes = Predicates(jobs_doc.get("scopes"))
    pools = Predicates(jobs_doc.get("pools"))

    tasks = {}          # task id -> task dict
    draws = []          # (task, group, stratum, uscc, name, rank, prn_hex)
    drawn_by = {}       # uscc -> set of task ids
    by_uscc = {r["uscc"]: r for r in registry}
    mismatches = []
    for job in jobs_doc["jobs"]:
        job_tasks = sorted(job["tasks"], key=lambda t: bkey(t["id"]))
        if not job_tasks:
            continue
        group = job.get("group")
        group_id = job_tasks[0]["id"]        # draw.md: the smallest task id
        if group is None:
            group = group_id
        mode = job.get("coordination", "positive")
        if mode not in ("positive", "independent", "negative"):
            raise DrawError(f"job {group}: unknown coordination {mode!r}")
        m = len(job_tasks)
        pos_cache = {}
        for i, task in enumerate(job_tasks):
            tid = task["id"]
            if tid in tasks:
                raise DrawError(f"task {tid} appears twice")
            tasks[tid] = task
            # population: active rows satisfying targets, split by credit class
            strata_units = {}
            for r in registry:
                if scopes.test(task["targets"], r):
                    strata_units.setdefault(r["_class"], []).append(r)
            for s in task["strata"]:
                st = s["stratum"]
                where = f"task {tid} stratum {st}"
                if st == "*":
                    units = [r for cls in strata_units.values() for r in cls]
                elif st in ("A", "B", "C", "D", "U"):
                    units = strata_units.get(st, [])
                else:
                    raise DrawError(f"{where}: unknown stratum")
                N = len(units)
                if s.get("population") is not None and s["population"] != N:
                    mismatches.append(f"{where}: the registry has {N}, the jobs file says {s['population']}")
                n = sample_size(s, N, where)
                if s.get("n") is not None and s.get("population") == N and s["n"] != n:
                    WARNINGS.append(f"{where}: n = {n} here, the jobs file says {s['n']}")
                keyed = []
                for r in units:
                    x = r["uscc"]
                    if mode == "independent":
                        u = prn(seed, "t:" + tid, x)
                    else:
                        if x not in pos_cache:
                            pos_cache[x] = prn(seed, "g:" + group_id, x)
                        u = pos_cache[x]
                        if mode == "negative":
                            u = negative_shift(u, i, m)
                    keyed.append((u, bkey(x), r))
                keyed.sort(key=lambda t: (t[0], t[1]))
                for rank, (u, _, r) in enumerate(keyed[:n], start=1):
                    draws.append((tid, group, st, r["uscc"], r["name"], rank, f"{u:016x}"))
                    drawn_by.setdefault(r["uscc"], set()).add(tid)
    if mismatches and not recount:
        raise DrawError("the registry differs from the one the plan was checked with "
                        "(use --recount to draw from this registry's counts):\n  "
                        + "\n  ".join(mismatches))
    draws.sort(key=lambda d: (bkey(d[0]), bkey(d[2]), d[5]))

    # Visits
    visits = []   # dicts: uscc, name, tasks (sorted ids), start, end
    for uscc, tids in drawn_by.items():
        ids = sorted(tids, key=bkey)
        never = [t for t in ids if tasks[t].get("merge", "auto") == "never"]
        rest = [t for t in ids if tasks[t].get("merge", "auto") != "never"]
        groups = []
        for t in never:
            w = tasks[t]["window"]
            groups.append({"tasks": [t], "start": w["start"], "end": w["end"]})
        rest.sort(key=lambda t: (tasks[t]["window"]["end"], bkey(t)))
        cur = None
        for t in rest:
            w = tasks[t]["window"]
            if cur is not None and max(cur["start"], w["start"]) <= min(cur["end"], w["end"]):
                cur["tasks"].append(t)
                cur["start"] = max(cur["start"], w["start"])
                cur["end"] = min(cur["end"], w["end"])
            else:
                cur = {"tasks": [t], "start": w["start"], "end": w["end"]}
                groups.append(cur)
        for g in groups:
            g["tasks"].sort(key=bkey)
            g["uscc"] = uscc
            g["name"] = by_uscc[uscc]["name"]
            visits.append(g)
    visits.sort(key=lambda v: (bkey(v["uscc"]), v["start"], bkey(v["tasks"][0])))

    # Inspector teams
    pool_members = {}   # predicate -> list of inspector ids (active members)
    insp_by_id = {r["id"]: r for r in inspectors}

    def members(task):
        spec = task["inspectors"]
        pred = spec.get("predicate")
        if pred is None:
            if spec.get("pool") not in pools.named:
                raise DrawError(f"task {task['id']}: pool {spec.get('pool')!r} has no predicate")
            pred = pools.named[spec["pool"]]
        if pred not in pool_members:
            pool_members[pred] = {r["id"] for r in inspectors if r["_active"] and pools.test(pred, r)}
        return pool_members[pred]

    used = {}
    for number, v in enumerate(visits, start=1):
        vid = f"V{number:06d}"
        v["id"] = vid
        vtasks = [tasks[t] for t in v["tasks"]]
        k = max(2, max(int(t["inspectors"]["per_visit"]) for t in vtasks))
        task_pools = [(t["id"], members(t)) for t in vtasks]
        union = set().union(*(p for _, p in task_pools))

        def eligible(i):
            r = insp_by_id[i]
            cap = r["_capacity"]
            return (i, v["uscc"]) not in conflicts and (cap is None or used.get(i, 0) < cap)

        ranked = sorted((i for i in union if eligible(i)),
                        key=lambda i: (prn(seed, "i:" + vid, i), bkey(i)))
        team = []

        def fail(reason):
            raise DrawError(f"visit {vid} ({v['uscc']}, tasks {', '.join(v['tasks'])}) cannot be staffed: {reason}")

        def why(ids):
            if not ids:
                return "empty pool (no active inspector)"
            conf = sum(1 for i in ids if (i, v["uscc"]) in conflicts)
            full = sum(1 for i in ids if (i, v["uscc"]) not in conflicts and not eligible(i))
            return f"{len(ids)} active inspectors: {conf} in conflict with {v['uscc']}, {full} at capacity"

        for tid, pool in task_pools:
            if any(i in pool for i in team):
                continue
            pick = next((i for i in ranked if i in pool and i not in team), None)
            if pick is None:
                fail(f"no eligible inspector for task {tid}'s pool: {why(pool)}")
            team.append(pick)
        for i in ranked:
            if len(team) >= k:
                break
            if i not in team:
                team.append(i)
        if len(team) < k:
            fail(f"needs {k} inspectors, only {len(team)} eligible in the tasks' pools ({why(union)})")
        for i in team:
            used[i] = used.get(i, 0) + 1
        v["team"] = team
    return draws, visits, tasks


# ---------------------------------------------------------------------------
# Output: UTF-8, header row, RFC 4180, CRLF; a field is quoted only when it
# holds a comma, a double quote, CR or LF.

def csv_field(s):
    s = str(s)
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def csv_text(header, rows):
    return "".join(",".join(csv_field(f) for f in row) + "\r\n" for row in [header] + rows)


def items_of(task_ids, tasks):
    out = []
    for t in task_ids:
        for it in tasks[t]["items"]:
            if it not in out:
                out.append(it)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("jobs")
    ap.add_argument("--registry", required=True)
    ap.add_argument("--inspectors", required=True)
    ap.add_argument("--conflicts")
    ap.add_argument("--seed", required=True)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--recount", action="store_true")
    ap.add_argument("--encoding", choices=["utf-8", "gb18030"])
    args = ap.parse_args(argv)
    try:
        if not re.fullmatch(r"[0-9a-f]{64}", args.seed):
            raise DrawError("--seed: a seed is 64 lowercase hex digits")
        with open(args.jobs, encoding="utf-8") as f:
            jobs_doc = json.load(f)
        registry = load_registry(args.registry, args.encoding)
        inspectors = load_inspectors(args.inspectors, args.encoding)
        conflicts = load_conflicts(args.conflicts, args.encoding)
        draws, visits, tasks = draw(jobs_doc, registry, inspectors, conflicts, args.seed, args.recount)
    except (DrawError, OSError, json.JSONDecodeError, csv.Error, KeyError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    draws_csv = csv_text(["task", "group", "stratum", "uscc", "name", "rank", "prn"],
                         [list(d) for d in draws])
    visits_csv = csv_text(
        ["visit", "uscc", "name", "tasks", "items", "window_start", "window_end", "inspectors"],
        [[v["id"], v["uscc"], v["name"], ";".join(v["tasks"]), ";".join(items_of(v["tasks"], tasks)),
          v["start"], v["end"], ";".join(v["team"])] for v in visits])
    for w in WARNINGS:
        print(f"warning: {w}", file=sys.stderr)
    os.makedirs(args.output, exist_ok=True)
    for name, text in (("draws.csv", draws_csv), ("visits.csv", visits_csv)):
        with open(os.path.join(args.output, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    print(f"{len(draws)} draws, {len(visits)} visits -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
