#ifndef PLANC_TOOLS_GEN_REGISTRY_H_
#define PLANC_TOOLS_GEN_REGISTRY_H_

#include <cstdint>
#include <string>

#include "tools/gen/csv_writer.h"
#include "tools/gen/tables.h"

namespace planc::gen {

// The registry's `credit` column: A–D, or U (written empty) when unclassified.
enum class Credit : uint8_t { kA, kB, kC, kD, kU };

// The registry's `status` column.
enum class Status : uint8_t { kActive, kRevoked, kCancelled };

// How `registered_on` is written with Chinese headers (English: always ISO).
enum class DateStyle : uint8_t { kIso, kSlash, kChinese };

// A calendar date.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
};

// One generated row of the registry (检查对象名录库).
struct RegistryRow {
  std::string uscc;
  std::string name;
  Kind kind = Kind::kEnterprise;
  int industry = 0;  // index into Industries()
  int district = 0;  // index into kDistricts
  int city = -1;     // with --cities C > 1: 0 … C-1, written as a prefix of the district
  Credit credit = Credit::kU;
  uint32_t licences = 0;  // bit i set: kLicences[i]
  uint32_t tags = 0;      // bit i set: kTags[i]
  Status status = Status::kActive;
  Date registered_on;
  DateStyle date_style = DateStyle::kIso;
};

// Generates any row of a registry from (seed, row index) alone: each row has
// its own random stream, and the USCC's organisation code is a keyed
// bijection of the index, so codes are unique without remembering them.
class RegistryGenerator {
 public:
  // Rows are numbered below this bound (2^34), which keeps codes unique.
  static constexpr uint64_t kMaxRows = uint64_t{1} << 34;

  // The most cities a registry may cover.
  static constexpr uint64_t kMaxCities = 9999;

  // `cities` > 1: row i is in city i mod cities; its district is written
  // with the city's code (C02湖滨街道; CityCode). The other fields do not
  // depend on it.
  explicit RegistryGenerator(uint64_t seed, uint64_t cities = 1);
  // Fills `row` with row `index`; reuses the row's string capacity.
  void Generate(uint64_t index, RegistryRow& row) const;

 private:
  void MakeUscc(uint64_t index, bool new_style, RegistryRow& row) const;
  void MakeName(Rng& rng, RegistryRow& row) const;

  uint64_t seed_;
  uint64_t cities_;
  uint64_t keys_[8];
};

// City `city` (0-based) of `cities` as districts and scopes name it: C,
// then its number from 1 with at least two digits and as many as `cities`
// has (C01 … C10; C001 … C100), so that no code is a prefix of another.
std::string CityCode(uint64_t city, uint64_t cities);

// Writes the header row.
void WriteRegistryHeader(Language language, CsvWriter& out);
// Writes one row; `scratch` is reused between rows to avoid allocations.
void WriteRegistryRow(const RegistryRow& row, Language language, CsvWriter& out,
                      std::string& scratch, uint64_t cities = 1);
// Writes a whole registry of `rows` rows; false (with `error`) on failure.
bool WriteRegistry(uint64_t rows, uint64_t seed, uint64_t cities, const OutputOptions& options,
                   std::string& error);

}  // namespace planc::gen

#endif  // PLANC_TOOLS_GEN_REGISTRY_H_
