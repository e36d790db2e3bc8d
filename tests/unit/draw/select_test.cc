// The first draw: sample sizes, the three coordination modes, strata, the
// recount, and fairness over many seeds (draw.md).
#include "compiler/draw/select.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <map>
#include <set>

#include "compiler/draw/prn.h"
#include "compiler/util/sha256.h"
#include "tests/unit/draw/draw_fixture.h"
#include "tests/unit/test_support.h"

namespace planc::draw {
namespace {

using namespace test;

StratumJob Ratio(const char* ratio, std::optional<std::uint64_t> min = std::nullopt) {
  StratumJob s;
  s.name = "*";
  s.ratio = Decimal::Parse(ratio);
  s.min = min;
  return s;
}

StratumJob Count(std::uint64_t k) {
  StratumJob s;
  s.name = "*";
  s.count = k;
  return s;
}

TEST(SampleSizeTest, CeilOfExactRatiosInIntegers) {
  StratumJob r = Ratio("0.035");  // 3.5%
  EXPECT_EQ(SampleSize(r, 0), 0u);
  EXPECT_EQ(SampleSize(r, 1), 1u);
  EXPECT_EQ(SampleSize(r, 28), 1u);    // 0.98
  EXPECT_EQ(SampleSize(r, 29), 2u);    // 1.015
  EXPECT_EQ(SampleSize(r, 200), 7u);   // exactly 7: no rounding up
  EXPECT_EQ(SampleSize(r, 201), 8u);   // 7.035
  EXPECT_EQ(SampleSize(r, 1000), 35u);
  EXPECT_EQ(SampleSize(r, 1001), 36u);
  EXPECT_EQ(SampleSize(Ratio("1"), 7), 7u);
  EXPECT_EQ(SampleSize(Ratio("0"), 7), 0u);
  EXPECT_EQ(SampleSize(Ratio("0.000000000000000001"), ~std::uint64_t{0}), 19u);  // no overflow
}

TEST(SampleSizeTest, CountsAndFloors) {
  EXPECT_EQ(SampleSize(Count(5), 3), 3u);  // fewer than asked
  EXPECT_EQ(SampleSize(Count(5), 30), 5u);
  EXPECT_EQ(SampleSize(Ratio("0.1", 5), 20), 5u);   // ceil(2) < 5
  EXPECT_EQ(SampleSize(Ratio("0.1", 5), 100), 10u);
  EXPECT_EQ(SampleSize(Ratio("0.1", 5), 3), 3u);
}

// Runs Select over `units` with the jobs made of `groups`.
struct DrawRun {
  TempFolder folder;
  std::optional<Jobs> jobs;
  std::optional<Selection> selection;
  Diagnostics diags;

  DrawRun(const std::vector<Unit>& units, const std::vector<std::vector<TaskSpec>>& groups,
      const std::string& coordination = "positive", const std::string& seed = kSeed,
      SelectOptions options = {}) {
    WriteFile(folder / "registry.csv", RegistryCsv(units));
    WriteFile(folder / "drawjobs.json", JobsJson(groups, coordination));
    jobs = ReadJobs(folder / "drawjobs.json", diags);
    if (jobs) selection = Select(*jobs, seed, folder / "registry.csv", options, diags);
  }
  std::set<std::string> Picked(std::size_t task) const {
    std::set<std::string> out;
    for (const StratumDraw& s : selection->tasks[task].strata) {
      for (const Pick& p : s.picks) out.insert(p.uscc);
    }
    return out;
  }
};

std::vector<Unit> Units(int count, const std::string& credit = "A") {
  std::vector<Unit> units(static_cast<std::size_t>(count));
  for (Unit& u : units) u.credit = credit;
  return units;
}

std::size_t Common(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::size_t n = 0;
  for (const std::string& x : a) n += b.count(x);
  return n;
}

// The definition itself: the n units of the stratum with the smallest
// (u, uscc), with u computed here from the PRN function.
TEST(SelectTest, PicksTheSmallestPrnsOfTheStratum) {
  std::vector<Unit> units = Units(300);
  units[5].status = "revoked";   // not in any population
  units[6].kind = "individual";  // not in the targets
  DrawRun run(units, {{{"T01", "kind == \"enterprise\"", {Stratum("*", "0.05")}}}});
  ASSERT_TRUE(run.selection) << ::testing::PrintToString(planc::test::Codes(run.diags));
  const StratumDraw& s = run.selection->tasks[0].strata[0];
  EXPECT_EQ(s.population, 298u);
  EXPECT_EQ(s.n, 15u);  // ceil(14.9)
  std::vector<std::pair<std::uint64_t, std::string>> all;
  for (int i = 0; i < 300; ++i) {
    if (i == 5 || i == 6) continue;
    all.emplace_back(Prn(kSeed, "g:T01", Uscc(i)), Uscc(i));
  }
  std::sort(all.begin(), all.end());
  ASSERT_EQ(s.picks.size(), 15u);
  for (std::size_t r = 0; r < 15; ++r) {
    EXPECT_EQ(s.picks[r].uscc, all[r].second) << "rank " << r + 1;
    EXPECT_EQ(s.picks[r].u, all[r].first);
    EXPECT_EQ(s.picks[r].name, "企业" + std::to_string(std::stoi(s.picks[r].name.substr(6))));
  }
  EXPECT_EQ(run.selection->registry.rows, 300u);
  EXPECT_EQ(run.selection->registry.active, 299u);
  EXPECT_EQ(run.selection->registry.sha256, Sha256Hex(ReadFile(run.folder / "registry.csv")));
}

TEST(SelectTest, PositiveCoordinationNestsSamples) {
  DrawRun run(Units(400), {{{"T01", "kind == \"enterprise\"", {Stratum("*", "0.1")}},
                        {"T02", "kind == \"enterprise\"", {Stratum("*", "0.3")}}}});
  ASSERT_TRUE(run.selection);
  std::set<std::string> small = run.Picked(0), large = run.Picked(1);
  ASSERT_EQ(small.size(), 40u);
  ASSERT_EQ(large.size(), 120u);
  EXPECT_EQ(Common(small, large), 40u);  // every unit of the smaller sample is in the larger
  EXPECT_EQ(run.selection->tasks[0].strata[0].picks[0].u,
            run.selection->tasks[1].strata[0].picks[0].u);
}

TEST(SelectTest, NegativeCoordinationSpreadsSamples) {
  std::vector<std::vector<TaskSpec>> groups = {
      {{"T01", "kind == \"enterprise\"", {Stratum("*", "0.25")}},
       {"T02", "kind == \"enterprise\"", {Stratum("*", "0.25")}}}};
  DrawRun negative(Units(400), groups, "negative");
  DrawRun independent(Units(400), groups, "independent");
  DrawRun positive(Units(400), groups, "positive");
  ASSERT_TRUE(negative.selection && independent.selection && positive.selection);
  // Shifted by half the circle, two quarter samples cannot meet.
  EXPECT_EQ(Common(negative.Picked(0), negative.Picked(1)), 0u);
  EXPECT_EQ(Common(positive.Picked(0), positive.Picked(1)), 100u);
  std::size_t chance = Common(independent.Picked(0), independent.Picked(1));
  EXPECT_GT(chance, 5u);  // about 25 expected by chance
  EXPECT_LT(chance, 60u);
  // The first task of a negative group keeps the group's u; the second is shifted.
  const Pick& first = negative.selection->tasks[0].strata[0].picks[0];
  EXPECT_EQ(first.u, Prn(kSeed, "g:T01", first.uscc));
  const Pick& second = negative.selection->tasks[1].strata[0].picks[0];
  EXPECT_EQ(second.u, NegativeShift(Prn(kSeed, "g:T01", second.uscc), 1, 2));
  const Pick& own = independent.selection->tasks[1].strata[0].picks[0];
  EXPECT_EQ(own.u, Prn(kSeed, "t:T02", own.uscc));
}

TEST(SelectTest, CreditStrataAreDrawnSeparately) {
  std::vector<Unit> units;
  for (int i = 0; i < 100; ++i) units.push_back(Unit{i < 60 ? "A" : i < 90 ? "C" : ""});
  DrawRun run(units, {{{"T01", "kind == \"enterprise\"",
                    {Stratum("A", "0.1"), Stratum("B", "0.5"), Stratum("C", "0.2"),
                     Stratum("D", "1"), Stratum("U", "0.5")}}}});
  ASSERT_TRUE(run.selection);
  const auto& strata = run.selection->tasks[0].strata;
  ASSERT_EQ(strata.size(), 5u);
  std::vector<std::uint64_t> populations, sizes;
  for (const StratumDraw& s : strata) {
    populations.push_back(s.population);
    sizes.push_back(s.picks.size());
  }
  EXPECT_EQ(populations, (std::vector<std::uint64_t>{60, 0, 30, 0, 10}));
  EXPECT_EQ(sizes, (std::vector<std::uint64_t>{6, 0, 6, 0, 5}));
  for (const Pick& p : strata[4].picks) {  // class U: the codes of units 90..99
    int index = -1;
    for (int i = 90; i < 100; ++i) index = Uscc(i) == p.uscc ? i : index;
    EXPECT_GE(index, 90) << p.uscc;
  }
}

TEST(SelectTest, ChangedRegistryIsRefusedUnlessRecounted) {
  std::vector<std::vector<TaskSpec>> groups = {
      {{"T01", "kind == \"enterprise\"", {Stratum("*", "0.1", std::nullopt, 100, 10)}}}};
  DrawRun refused(Units(140), groups);
  EXPECT_FALSE(refused.selection);
  EXPECT_EQ(planc::test::CountCode(refused.diags, "E0503"), 1);

  SelectOptions recount;
  recount.recount = true;
  // The heaps were sized for 10 draws; 14 are needed, so a second pass runs.
  DrawRun recounted(Units(140), groups, "positive", kSeed, recount);
  ASSERT_TRUE(recounted.selection);
  EXPECT_EQ(planc::test::CountCode(recounted.diags, "N0501"), 1);
  DrawRun without_figures(Units(140), {{{"T01", "kind == \"enterprise\"", {Stratum("*", "0.1")}}}});
  ASSERT_TRUE(without_figures.selection);
  EXPECT_EQ(recounted.Picked(0).size(), 14u);
  EXPECT_EQ(recounted.Picked(0), without_figures.Picked(0));

  // Fewer units than the figures: the heap holds more than needed and is cut.
  DrawRun smaller(Units(60), groups, "positive", kSeed, recount);
  ASSERT_TRUE(smaller.selection);
  DrawRun smaller_plain(Units(60), {{{"T01", "kind == \"enterprise\"", {Stratum("*", "0.1")}}}});
  EXPECT_EQ(smaller.Picked(0), smaller_plain.Picked(0));
  EXPECT_EQ(smaller.Picked(0).size(), 6u);
}

// The registry's digest, read on its own thread while the draw goes on
// (defer_digest), is awaited before the manifest: the file's SHA-256 when it
// could be read again, E0215 naming the registry when it could not (it
// changed or went away during the draw: the thread then has no digest).
TEST(SelectTest, TheRegistrysDigestIsAwaitedAndAMissingOneIsAnError) {
  std::vector<std::vector<TaskSpec>> groups = {
      {{"T01", "kind == \"enterprise\"", {Stratum("*", "0.1")}}}};
  SelectOptions deferred;
  deferred.defer_digest = true;
  std::string read = "not set";
  deferred.sha256_read = &read;
  DrawRun run(Units(50), groups, "positive", kSeed, deferred);
  ASSERT_TRUE(run.selection) << ::testing::PrintToString(planc::test::Codes(run.diags));
  AwaitRegistryDigest(*run.jobs, *run.selection, deferred, run.diags);
  EXPECT_EQ(run.selection->registry.sha256, Sha256Hex(ReadFile(run.folder / "registry.csv")));
  EXPECT_EQ(read, run.selection->registry.sha256);
  EXPECT_EQ(planc::test::CountCode(run.diags, "E0215"), 0);

  DrawRun gone(Units(50), groups, "positive", kSeed, deferred);
  ASSERT_TRUE(gone.selection);
  gone.selection->pending_sha256.wait();
  std::promise<std::string> none;
  none.set_value("");  // what the digest's thread gives when it cannot read the file
  gone.selection->pending_sha256 = none.get_future().share();
  AwaitRegistryDigest(*gone.jobs, *gone.selection, deferred, gone.diags);
  std::vector<Diagnostic> e = planc::test::WithCode(gone.diags, "E0215");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(planc::test::Contains(e[0].message.en, "changed or went away during the draw"));
  ASSERT_TRUE(e[0].primary);
  EXPECT_EQ(e[0].primary->file->path(), gone.folder / "registry.csv");
  EXPECT_EQ(read, "");
}

TEST(SelectTest, CountLargerThanTheStratumDrawsAllWithAWarning) {
  DrawRun run(Units(4), {{{"T01", "kind == \"enterprise\"", {Stratum("*", std::nullopt, 6)}}}});
  ASSERT_TRUE(run.selection);
  EXPECT_EQ(run.Picked(0).size(), 4u);
  EXPECT_EQ(planc::test::CountCode(run.diags, "W0105"), 1);
}

TEST(SelectTest, UnknownColumnInTargetsIsLocated) {
  DrawRun run(Units(4), {{{"T01", "sector == \"食品\"", {Stratum("*", "0.5")}}}});
  EXPECT_FALSE(run.selection);
  std::vector<Diagnostic> e = planc::test::WithCode(run.diags, "E0112");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(planc::test::TextAt(*e[0].primary->file, e[0].primary->range), "sector");
}

// The registry read in parts on several threads (data/parts.h) gives the
// same draw as one reading: every pick, every count, the digest. 3,000
// units on four threads in parts of 4 KiB, credit strata, three coordination modes, and a
// stratum whose heap was sized too small (so a second pass runs).
TEST(SelectTest, TheDrawIsTheSameReadInParts) {
  std::vector<Unit> units;
  for (int i = 0; i < 3000; ++i) {
    Unit u;
    u.credit = std::string(1, "ABCD"[i % 4]);
    if (i % 11 == 0) u.credit = "";
    u.kind = i % 3 == 0 ? "individual" : "enterprise";
    u.industry = i % 5 == 0 ? "C1810" : "H6291";
    if (i % 17 == 0) u.status = "revoked";
    units.push_back(u);
  }
  for (const std::string coordination : {"positive", "negative", "independent"}) {
    std::vector<std::vector<TaskSpec>> groups = {
        {{"T01", "kind == \"enterprise\"",
          {Stratum("A", "0.1"), Stratum("B", "0.05"), Stratum("C", "0.2"), Stratum("D", "1"),
           Stratum("U", "0.5")}},
         {"T02", "kind == \"enterprise\" and industry.startsWith(\"C18\")",
          {Stratum("*", "0.3", std::nullopt, 100, 30)}}},
        {{"T03", "kind == \"individual\"", {Stratum("*", "0.02")}}}};
    SelectOptions one, parts;
    one.recount = parts.recount = true;
    parts.threads = 4;
    parts.min_split_bytes = 1;
    parts.part_bytes = 4096;
    DrawRun a(units, groups, coordination, kSeed, one);
    DrawRun b(units, groups, coordination, kSeed, parts);
    ASSERT_TRUE(a.selection && b.selection) << coordination;
    EXPECT_EQ(planc::test::Describe(a.diags), planc::test::Describe(b.diags));
    EXPECT_EQ(a.selection->registry.rows, b.selection->registry.rows);
    EXPECT_EQ(a.selection->registry.active, b.selection->registry.active);
    EXPECT_EQ(a.selection->registry.sha256, b.selection->registry.sha256);
    EXPECT_EQ(b.selection->registry.sha256, Sha256Hex(ReadFile(b.folder / "registry.csv")));
    ASSERT_EQ(a.selection->tasks.size(), b.selection->tasks.size());
    for (std::size_t t = 0; t < a.selection->tasks.size(); ++t) {
      const auto& sa = a.selection->tasks[t].strata;
      const auto& sb = b.selection->tasks[t].strata;
      ASSERT_EQ(sa.size(), sb.size());
      for (std::size_t s = 0; s < sa.size(); ++s) {
        EXPECT_EQ(sa[s].population, sb[s].population);
        ASSERT_EQ(sa[s].picks.size(), sb[s].picks.size()) << coordination << " " << t << " " << s;
        for (std::size_t i = 0; i < sa[s].picks.size(); ++i) {
          EXPECT_EQ(sa[s].picks[i].uscc, sb[s].picks[i].uscc);
          EXPECT_EQ(sa[s].picks[i].u, sb[s].picks[i].u);
          EXPECT_EQ(sa[s].picks[i].name, sb[s].picks[i].name);
        }
      }
    }
    // T02 asked its heap for 30 picks but needs about 2000 / 5 · 0.3: a second pass.
    EXPECT_GT(b.selection->tasks[1].strata[0].picks.size(), 30u);
  }
}

// Fairness: over many seeds, every unit of a stratum is drawn at the same
// rate n/N. 40 units, n = 4, 4000 seeds: 400 expected draws each; the
// chi-square statistic with 39 degrees of freedom stays below 72.05
// (p = 0.001) for a fair draw.
TEST(SelectTest, EveryUnitOfAStratumIsDrawnAtTheSameRate) {
  TempFolder folder;
  WriteFile(folder / "registry.csv", RegistryCsv(Units(40)));
  WriteFile(folder / "drawjobs.json",
            JobsJson({{{"T01", "kind == \"enterprise\"", {Stratum("*", "0.1")}}}}));
  Diagnostics diags;
  std::optional<Jobs> jobs = ReadJobs(folder / "drawjobs.json", diags);
  ASSERT_TRUE(jobs);
  std::map<std::string, int> drawn;
  constexpr int kSeeds = 4000;
  for (int i = 0; i < kSeeds; ++i) {
    std::string seed = Sha256Hex("fairness " + std::to_string(i));
    std::optional<Selection> s = Select(*jobs, seed, folder / "registry.csv", {}, diags);
    ASSERT_TRUE(s);
    ASSERT_EQ(s->tasks[0].strata[0].picks.size(), 4u);
    for (const Pick& p : s->tasks[0].strata[0].picks) ++drawn[p.uscc];
  }
  ASSERT_EQ(drawn.size(), 40u);  // every unit was drawn at some seed
  double expected = kSeeds * 4 / 40.0, chi2 = 0;
  for (const auto& [uscc, count] : drawn) chi2 += (count - expected) * (count - expected) / expected;
  EXPECT_LT(chi2, 72.05);
}

}  // namespace
}  // namespace planc::draw
