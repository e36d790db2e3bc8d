// Small registries, inspector directories and draw jobs written to a
// temporary folder, for the draw's unit tests.
#ifndef PLANC_TESTS_UNIT_DRAW_DRAW_FIXTURE_H_
#define PLANC_TESTS_UNIT_DRAW_DRAW_FIXTURE_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/data/uscc.h"

namespace planc::draw::test {

namespace fs = std::filesystem;

// A valid unified social credit code, different for every i.
inline std::string Uscc(int i) {
  static const char kAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string first17 = "91350581MA";
  std::string tail;
  for (int k = 0; k < 7; ++k) {
    tail.insert(tail.begin(), kAlphabet[i % 31]);
    i /= 31;
  }
  first17 += tail;
  return first17 + *data::UsccCheckCharacter(first17);
}

struct Unit {
  std::string credit = "A";  // "" for U
  std::string kind = "enterprise";
  std::string industry = "C1810";
  std::string status = "active";
};

struct Officer {
  std::string id;
  std::string qualifications;
  std::string capacity;  // "" for no limit
  std::string active = "true";
};

// A temporary folder, removed with the fixture.
class TempFolder {
 public:
  TempFolder() {
    path_ = fs::temp_directory_path() /
            ("planc-draw-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempFolder() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Unit i has code Uscc(i) and name "企业i".
inline std::string RegistryCsv(const std::vector<Unit>& units) {
  std::string out = "uscc,name,kind,industry,district,credit,licences,status,tags,registered_on\n";
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    out += Uscc(static_cast<int>(i)) + ",企业" + std::to_string(i) + "," + u.kind + "," +
           u.industry + ",宝盖镇," + u.credit + ",," + u.status + ",,2015-03-01\n";
  }
  return out;
}

inline std::string InspectorsCsv(const std::vector<Officer>& officers) {
  std::string out = "id,name,unit,qualifications,capacity,active\n";
  for (const Officer& o : officers) {
    out += o.id + ",执法人员" + o.id + ",执法大队," + o.qualifications + "," + o.capacity + "," +
           o.active + "\n";
  }
  return out;
}

// One stratum object of a job.
inline nlohmann::ordered_json Stratum(const std::string& name, std::optional<std::string> ratio,
                                      std::optional<std::uint64_t> count = std::nullopt,
                                      std::optional<std::uint64_t> population = std::nullopt,
                                      std::optional<std::uint64_t> n = std::nullopt) {
  nlohmann::ordered_json s{{"stratum", name},
                           {"ratio", ratio ? nlohmann::ordered_json(*ratio) : nullptr},
                           {"count", count ? nlohmann::ordered_json(*count) : nullptr},
                           {"min", nullptr}};
  if (population) s["population"] = *population;
  if (n) s["n"] = *n;
  return s;
}

struct TaskSpec {
  std::string id;
  std::string targets = "kind == \"enterprise\"";
  std::vector<nlohmann::ordered_json> strata;
  std::string start = "2024-05-01", end = "2024-09-30";
  std::string merge = "auto";
  int per_visit = 2;
  std::string pool = "qualifications has \"综合\"";
};

inline nlohmann::ordered_json Task(const TaskSpec& t) {
  return {{"id", t.id},
          {"name", "任务" + t.id},
          {"organizer", "local"},
          {"lead", "信用监管股"},
          {"with", nlohmann::ordered_json::array()},
          {"targets", t.targets},
          {"items", {"检查事项" + t.id}},
          {"method", {"onsite"}},
          {"merge", t.merge},
          {"window", {{"start", t.start}, {"end", t.end}}},
          {"strata", t.strata},
          {"inspectors", {{"per_visit", t.per_visit}, {"pool", "P" + t.id}, {"predicate", t.pool}}}};
}

// A jobs file of groups of tasks; each group is named by its smallest id.
inline std::string JobsJson(const std::vector<std::vector<TaskSpec>>& groups,
                            const std::string& coordination = "positive") {
  nlohmann::ordered_json jobs = nlohmann::ordered_json::array();
  for (const auto& group : groups) {
    nlohmann::ordered_json tasks = nlohmann::ordered_json::array();
    std::string first = group.front().id;
    for (const TaskSpec& t : group) {
      tasks.push_back(Task(t));
      first = std::min(first, t.id);
    }
    jobs.push_back({{"group", first}, {"coordination", coordination}, {"tasks", tasks}});
  }
  nlohmann::ordered_json out{{"schema", "planc/drawjobs@1"},
                             {"algorithm", "planc/prn/v1"},
                             {"plan", {{"title", "测试计划"}, {"document", "测试〔2024〕1号"},
                                       {"year", 2024}}},
                             {"jobs", jobs},
                             {"scopes", nlohmann::ordered_json::object()},
                             {"pools", nlohmann::ordered_json::object()}};
  return out.dump(2) + "\n";
}

inline constexpr const char* kSeed = "8f3c2a61d9e04b7a5c1e6f28b3d9a0c4e7f1b2d3c4a5968778695a4b3c2d1e0f";

}  // namespace planc::draw::test

#endif  // PLANC_TESTS_UNIT_DRAW_DRAW_FIXTURE_H_
