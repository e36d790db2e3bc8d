// The stats reader: files as planc writes them are read without yaml-cpp's
// node tree for the atoms; the result must be what yaml-cpp reads from the
// same bytes, and anything not written so must still be read (or refused,
// at the same place) exactly as yaml-cpp reads it.
#include "compiler/data/stats_io.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace planc::data {
namespace {

using sema::CreditClass;

Atom MakeAtom(std::vector<std::string> tasks, CreditClass c, bool base, std::uint64_t count) {
  Atom atom;
  atom.tasks = std::move(tasks);
  atom.credit = c;
  atom.base = base;
  atom.count = count;
  return atom;
}

Population Sample() {
  Population p;
  p.sha256 = "5c9e841ba2ad9d5d1704408e1e46c34363806b14684832ea8dd6cd3433a5b4d1";
  p.rows = 60000;
  p.active = 55283;
  p.date = "2024-06-30";
  p.columns = {"uscc", "name", "kind", "credit", "status", "registered_on"};
  p.base_predicate = "企业 and registered_on <= 2023-12-31";
  p.scopes = {{"企业", "kind == \"enterprise\""}};
  p.targets = {{"T01", "企业"}, {"任务2", "企业"}, {"T_3", "企业"}};
  p.base = {18515, 7323, 2220, 429, 562};
  p.atoms = {MakeAtom({}, CreditClass::kA, true, 7),
             MakeAtom({"T01", "T_3", "任务2"}, CreditClass::kA, false, 229),
             MakeAtom({"T01", "T_3", "任务2"}, CreditClass::kA, true, 4731),
             MakeAtom({"T01"}, CreditClass::kU, true, 18446744073709551615u)};
  return p;
}

std::string Describe(const Population& p) {
  std::string out = p.sha256 + "|" + std::to_string(p.rows) + "|" + std::to_string(p.active) +
                    "|" + p.date + "|" + p.base_predicate + "\n";
  for (const std::string& c : p.columns) out += c + ",";
  for (const auto& [k, v] : p.scopes) out += "\nscope " + k + "=" + v;
  for (const auto& [k, v] : p.targets) out += "\ntarget " + k + "=" + v;
  for (std::uint64_t b : p.base) out += " " + std::to_string(b);
  for (const Atom& a : p.atoms) {
    out += "\natom";
    for (const std::string& t : a.tasks) out += " " + t;
    out += " / " + std::to_string(static_cast<int>(a.credit)) + " " + (a.base ? "base" : "-") +
           " " + std::to_string(a.count);
  }
  return out;
}

struct Read {
  std::optional<Population> population;
  std::string diagnostics;
};

Read ReadText(const std::string& text, StatsReading how) {
  auto file = std::make_shared<SourceFile>("stats.yaml", text);
  Diagnostics diags;
  Read read;
  read.population = ReadStats(file, diags, how);
  for (const Diagnostic& d : diags.Sorted()) {
    read.diagnostics += d.code + " " + d.message.en;
    if (d.primary) {
      read.diagnostics += " at " + std::to_string(d.primary->range.begin) + "-" +
                          std::to_string(d.primary->range.end);
    }
    read.diagnostics += "\n";
  }
  return read;
}

// Both readers on the same bytes: same population or same diagnostics.
void ExpectSameReading(const std::string& text) {
  Read fast = ReadText(text, StatsReading::kAny);
  Read yaml = ReadText(text, StatsReading::kYamlOnly);
  ASSERT_EQ(fast.population.has_value(), yaml.population.has_value()) << text;
  if (fast.population) {
    EXPECT_EQ(Describe(*fast.population), Describe(*yaml.population)) << text;
  }
  EXPECT_EQ(fast.diagnostics, yaml.diagnostics) << text;
}

TEST(StatsIo, WrittenFileReadsBackTheSamePopulation) {
  Population p = Sample();
  std::string text = WriteStats(p);
  // The canonical form the fast reader expects.
  ASSERT_NE(text.find("\natoms:\n  - {tasks: [], class: A, base: true, count: 7}\n"),
            std::string::npos)
      << text;
  Read fast = ReadText(text, StatsReading::kAny);
  ASSERT_TRUE(fast.population) << fast.diagnostics;
  EXPECT_EQ(Describe(*fast.population), Describe(p));
  ExpectSameReading(text);
}

TEST(StatsIo, AtomTaskListsAreSortedAsByYaml) {
  std::string text = WriteStats(Sample());
  std::string unsorted = "  - {tasks: [任务2, T_3, T01], class: A, base: false, count: 229}";
  std::size_t at = text.find("  - {tasks: [T01, T_3, 任务2], class: A, base: false");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, text.find('\n', at) - at, unsorted);
  ExpectSameReading(text);
}

// Lines the fast reader does not take: each must end as yaml-cpp reads it.
TEST(StatsIo, AnythingElseIsReadAsYamlReadsIt) {
  const std::string good = "  - {tasks: [T01], class: U, base: true, count: 18446744073709551615}";
  const std::vector<std::string> variants = {
      "  - {tasks: [T01], class: U, base: true, count: 18446744073709551616}",  // overflow
      "  - {tasks: [T01], class: U, base: true, count: thirteen}",
      "  - {tasks: [T01], class: U, base: true, count: 007}",
      "  - {tasks: [T01], class: U, base: true, count: -1}",
      "  - {tasks: [T01], class: E, base: true, count: 1}",
      "  - {tasks: [T01], class: U, base: yes, count: 1}",
      "  - {tasks: [T01], class: U, base: True, count: 1}",
      "  - {tasks: [\"T01\"], class: U, base: true, count: 1}",
      "  - {tasks: [null], class: U, base: true, count: 1}",
      "  - {tasks: [T01,T02], class: U, base: true, count: 1}",
      "  - {tasks: [T-01], class: U, base: true, count: 1}",
      "  - {count: 1, tasks: [T01], class: U, base: true}",
      "  - {tasks: [T01], class: U, base: true, count: 1}  # comment",
      "  - {tasks: [T01], class: U, base: true}",
      "  -  {tasks: [T01], class: U, base: true, count: 1}",
      "  - tasks: [T01]\n    class: U\n    base: true\n    count: 1",
      "<<<<<<< HEAD",
      "other: 1",
  };
  std::string text = WriteStats(Sample());
  std::size_t at = text.find(good);
  ASSERT_NE(at, std::string::npos) << text;
  for (const std::string& v : variants) {
    std::string changed = text;
    changed.replace(at, good.size(), v);
    ExpectSameReading(changed);
    Read fast = ReadText(changed, StatsReading::kAny);
    if (v.find("count: 18446744073709551616") != std::string::npos || v.find("thirteen") != std::string::npos ||
        v.find("class: E") != std::string::npos) {
      EXPECT_FALSE(fast.population) << v;
    }
  }
  // A header problem is reported at its own place, atoms or not.
  std::string bad_header = text;
  bad_header.replace(bad_header.find("rows: 60000"), 11, "rows: many");
  ExpectSameReading(bad_header);
  EXPECT_FALSE(ReadText(bad_header, StatsReading::kAny).population);
  // No newline at the end, a second `atoms:` key, and no atoms at all.
  ExpectSameReading(text.substr(0, text.size() - 1));
  ExpectSameReading(text + "atoms:\n  - {tasks: [T01], class: U, base: true, count: 1}\n");
  ExpectSameReading(text.substr(0, text.find("\natoms:\n") + 1));
}

}  // namespace
}  // namespace planc::data
