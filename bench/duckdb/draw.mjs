// The draw of bench/draw/plan.plan in DuckDB SQL, for the draw benchmark
// (bench/bench_draw.cc, docs/performance.md): the same picks as `planc draw`
// by the algorithm of draw.md (planc/prn/v1, positive coordination), written
// as one query, as a bureau's warehouse would run it.
//   node bench/duckdb/draw.mjs --jobs DIR/drawjobs.json --registry CSV --seed HEX -o OUT.csv
// Writes OUT.csv: task,group,stratum,uscc,rank,prn, sorted by task, stratum,
// rank. Groups, strata and their ratios come from drawjobs.json; the targets
// are the hand-written SQL below, keyed by task id, and hold only for
// bench/draw/plan.plan: each is checked against the job's canonical
// predicate, so a changed plan stops here instead of drawing something else.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

// `licences has "x"` on a `;`-list column; spaces around an item are ignored
// (docs/data.md). An empty cell reads as NULL, which has nothing.
const kHasMacro =
  "CREATE MACRO has_item(col, x) AS " +
  "coalesce(list_contains(list_transform(string_split(col, ';'), e -> trim(e)), x), false)";

const kTargets = {
  T01: { canonical: 'kind == "enterprise"', sql: "kind = 'enterprise'" },
  T02: {
    canonical: 'kind == "enterprise" and industry.startsWith("C18")',
    sql: "kind = 'enterprise' AND coalesce(starts_with(industry, 'C18'), false)",
  },
  T03: {
    canonical: 'kind == "enterprise" and tags has "特种设备使用单位"',
    sql: "kind = 'enterprise' AND has_item(tags, '特种设备使用单位')",
  },
  T04: { canonical: 'kind == "individual"', sql: "kind = 'individual'" },
  T05: {
    canonical: 'kind == "individual" and licences has "食品经营许可"',
    sql: "kind = 'individual' AND has_item(licences, '食品经营许可')",
  },
};

function Fail(message) {
  console.error(`draw.mjs: ${message}`);
  process.exit(1);
}

function Usage() {
  console.error('usage: node draw.mjs --jobs DRAWJOBS --registry CSV --seed HEX -o OUT.csv');
  process.exit(2);
}

function Args(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const names = { '--jobs': 'jobs', '--registry': 'registry', '--seed': 'seed', '-o': 'out' };
    const key = names[argv[i]];
    if (!key || i + 1 >= argv.length) Usage();
    args[key] = argv[i + 1];
  }
  if (!args.jobs || !args.registry || !args.seed || !args.out) Usage();
  if (!/^[0-9a-f]{64}$/.test(args.seed)) Fail('the seed is 64 lowercase hex digits');
  return args;
}

const Lit = (s) => `'${String(s).replaceAll("'", "''")}'`;
const IntOrNull = (x) => (x === null || x === undefined ? 'NULL' : String(BigInt(x)));

// An exact decimal ratio "0.035" as the integers 35 and 1000.
function Fraction(ratio) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(ratio);
  if (!m) Fail(`a ratio that is not a decimal: ${ratio}`);
  const fraction = m[2] ?? '';
  return {
    num: BigInt(m[1] + fraction).toString(),
    den: (10n ** BigInt(fraction.length)).toString(),
  };
}

// One row per (task, stratum) and one per task, from drawjobs.json.
function Plan(jobs) {
  const strata = [], tasks = [], ids = [];
  for (const job of jobs.jobs) {
    if (job.coordination !== 'positive') Fail(`job ${job.group}: only positive coordination here`);
    for (const task of job.tasks) {
      const target = kTargets[task.id];
      if (!target) Fail(`task ${task.id} has no SQL targets here (bench/draw/plan.plan only)`);
      if (target.canonical !== task.targets) {
        Fail(`task ${task.id}: targets are \`${task.targets}\`, ` +
             `the SQL was written for \`${target.canonical}\``);
      }
      const byCredit = !task.strata.some((s) => s.stratum === '*');
      ids.push(task.id);
      tasks.push(`(${Lit(task.id)}, ${Lit(job.group)}, ${byCredit})`);
      for (const s of task.strata) {
        const { num, den } = s.ratio === null ? { num: 'NULL', den: 'NULL' } : Fraction(s.ratio);
        strata.push(`(${Lit(task.id)}, ${Lit(s.stratum)}, ${num}, ${den}, ${IntOrNull(s.count)}, ` +
                    `${IntOrNull(s.min)}, ${IntOrNull(s.n)})`);
      }
    }
  }
  return { strata, tasks, ids };
}

function DrawSql(args, plan) {
  const union = plan.ids
    .map((id) => `SELECT ${Lit(id)} AS task, uscc, credit FROM reg WHERE ${kTargets[id].sql}`)
    .join('\n    UNION ALL ');
  const prn =
    `substr(sha256('planc/prn/v1' || chr(31) || ${Lit(args.seed)} || chr(31) || 'g:' || t.grp ` +
    `|| chr(31) || m.uscc), 1, 16)`;
  // n = ceil(r·N) in integers, capped at N; a count k gives min(k, N);
  // r min k gives min(N, max(ceil(r·N), k)) (draw.md, "Sample sizes").
  const n =
    'CASE WHEN s.num IS NULL THEN least(s.cnt, r.big_n) ' +
    'ELSE least(r.big_n, greatest((s.num * r.big_n + s.den - 1) // s.den, coalesce(s.mn, 0))) END';
  return `COPY (
  WITH reg AS (
    SELECT uscc, kind, industry, licences, tags, coalesce(nullif(credit, ''), 'U') AS credit
    FROM read_csv(${Lit(args.registry)}, header = true, all_varchar = true,
                  delim = ',', quote = '"', escape = '"')
    WHERE status = 'active'),
  members AS (
    ${union}),
  candidates AS (
    SELECT m.task, t.grp, CASE WHEN t.by_credit THEN m.credit ELSE '*' END AS stratum, m.uscc,
           ${prn} AS prn
    FROM members m JOIN tasks t USING (task)),
  ranked AS (
    SELECT *, row_number() OVER (PARTITION BY task, stratum ORDER BY prn, uscc) AS rank,
           count(*) OVER (PARTITION BY task, stratum) AS big_n
    FROM candidates)
  SELECT r.task, r.grp AS "group", r.stratum, r.uscc, r.rank, r.prn
  FROM ranked r JOIN strata s ON s.task = r.task AND s.stratum = r.stratum
  WHERE r.rank <= ${n}
  ORDER BY r.task, r.stratum, r.rank
) TO ${Lit(args.out)} (HEADER, DELIMITER ',')`;
}

const Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

async function Main() {
  const args = Args(process.argv.slice(2));
  const plan = Plan(JSON.parse(readFileSync(args.jobs, 'utf8')));
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  // The PRN is a prefix of the hex digest, compared as a string: DuckDB's
  // sha256 must give the lowercase hex that draw.md defines.
  const probe = (await db.runAndReadAll("SELECT sha256('planc' || chr(31) || '石狮')")).getRows();
  if (probe[0][0] !== Sha256Hex('planc\u001f石狮')) {
    Fail(`DuckDB's sha256 gives ${probe[0][0]}, not lowercase hex`);
  }
  await db.run(kHasMacro);
  await db.run('CREATE TEMP TABLE tasks (task VARCHAR, grp VARCHAR, by_credit BOOLEAN)');
  await db.run(`INSERT INTO tasks VALUES ${plan.tasks.join(', ')}`);
  await db.run('CREATE TEMP TABLE strata (task VARCHAR, stratum VARCHAR, num BIGINT, den BIGINT, ' +
               'cnt BIGINT, mn BIGINT, planned BIGINT)');
  await db.run(`INSERT INTO strata VALUES ${plan.strata.join(', ')}`);
  await db.run(DrawSql(args, plan));

  // Each stratum drew the n that compile planned from the same registry, and
  // the first pick's prn is the one Node computes (0.1 s at 10M rows).
  const written = `read_csv(${Lit(args.out)}, header = true, all_varchar = true)`;
  const drawn = (await db.runAndReadAll(
    `SELECT s.task, s.stratum, s.planned, count(d.task)::BIGINT FROM strata s
     LEFT JOIN ${written} d
       ON d.task = s.task AND d.stratum = s.stratum
     GROUP BY ALL ORDER BY ALL`)).getRows();
  for (const [task, stratum, planned, got] of drawn) {
    if (planned !== null && planned !== got) {
      Fail(`${task}/${stratum}: drew ${got}, compile planned ${planned}`);
    }
  }
  const firstSql = `SELECT "group", uscc, prn FROM ${written} LIMIT 1`;
  const first = (await db.runAndReadAll(firstSql)).getRows();
  if (first.length > 0) {
    const [group, uscc, prn] = first[0];
    const text = `planc/prn/v1\u001f${args.seed}\u001fg:${group}\u001f${uscc}`;
    const expect = Sha256Hex(text).slice(0, 16);
    if (prn !== expect) Fail(`prn of ${uscc} in ${group} is ${prn}, Node computes ${expect}`);
  }
  db.closeSync();
}

await Main();
