// Reads arbitrary bytes as each data file (registry, inspectors, conflicts),
// as detected, as UTF-8 and as GB18030, and renders every diagnostic in
// every format: reading a CSV must report, never crash or hang. It also
// checks what every record must satisfy (fields and offsets agree, lines
// only grow and never pass the file's last line) and traps when one does not.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "compiler/data/csv.h"
#include "compiler/data/table.h"
#include "compiler/diag/engine.h"
#include "compiler/diag/render.h"

namespace {

// One file per process, rewritten for every input and removed after it
// (libFuzzer often leaves without running static destructors).
const std::string& InputPath() {
  static const std::string path =
      (std::filesystem::temp_directory_path() /
       ("planc_csv_fuzzer_" + std::to_string(::getpid()) + ".csv"))
          .string();
  return path;
}

bool WriteInput(const std::uint8_t* data, std::size_t size) {
  std::FILE* file = std::fopen(InputPath().c_str(), "wb");
  if (file == nullptr) return false;
  bool ok = size == 0 || std::fwrite(data, 1, size, file) == size;
  return std::fclose(file) == 0 && ok;
}

// Reads the input as one table; renders its diagnostics in every format and
// language when `all_formats`, else in the human format only (the renderers
// are shared, and rendering is most of the time per input).
void ReadTable(const planc::data::TableSpec& spec, planc::data::Encoding encoding,
               bool all_formats) {
  planc::Diagnostics diags;
  std::string error;
  std::unique_ptr<planc::data::CsvReader> csv =
      planc::data::CsvReader::Open(InputPath(), encoding, &error);
  if (!csv) __builtin_trap();  // the file was just written: it must open
  planc::data::TableReader reader(spec, std::move(csv), diags);
  if (reader.ReadHeader()) {
    planc::data::Row row;
    bool valid = false;
    while (reader.Next(row, valid)) {
      for (std::string_view value : row.values) (void)value.size();
    }
  }
  // As the commands do at the end: the caps' notes and a stopped read.
  reader.Close();
  (void)reader.csv().source().Sha256Hex();
  std::vector<planc::Diagnostic> sorted = diags.Sorted();
  for (planc::Format format : {planc::Format::kHuman, planc::Format::kJson,
                               planc::Format::kSarif, planc::Format::kGithub}) {
    if (!all_formats && format != planc::Format::kHuman) continue;
    for (planc::Lang lang : {planc::Lang::kEn, planc::Lang::kZh}) {
      planc::Render(format, sorted, {lang, false, "fuzz"});
    }
  }
}

// Says which promise broke, then crashes so that libFuzzer keeps the input.
[[noreturn]] void Broken(const char* what, planc::data::Encoding encoding,
                         const planc::data::CsvRecord& record) {
  std::fprintf(stderr, "csv_fuzzer: %s (%s, record at line %u: \"%.*s\")\n", what,
               planc::data::EncodingName(encoding), record.line,
               static_cast<int>(std::min<std::size_t>(record.text.size(), 200)),
               record.text.data());
  __builtin_trap();
}

// The reader's own promises, on the raw records. `newlines` counts the
// input's '\n' bytes, which decoding keeps (0x0A is never part of a
// multi-byte UTF-8 or GB18030 character).
void CheckRecords(planc::data::Encoding encoding, std::size_t newlines) {
  std::string error;
  auto csv = planc::data::CsvReader::Open(InputPath(), encoding, &error);
  if (!csv) __builtin_trap();
  planc::data::CsvRecord record;
  std::uint64_t min_line = 1;
  while (csv->Next(record)) {
    auto broken = [&](const char* what) { Broken(what, csv->source().encoding(), record); };
    if (record.fields.empty() || record.fields.size() != record.offsets.size()) {
      broken("fields and offsets differ");
    }
    for (std::size_t i = 0; i < record.offsets.size(); ++i) {
      if (record.offsets[i] > record.text.size()) broken("offset past the record");
      if (i > 0 && record.offsets[i] <= record.offsets[i - 1]) broken("offsets do not grow");
    }
    if (csv->problem_offset() > record.text.size()) broken("problem offset past the record");
    // A record starts after the previous one's lines, and on a line the file has.
    if (record.line < min_line) broken("record starts inside the previous one");
    if (record.line > newlines + 1) broken("record line past the file's last line");
    min_line = record.line + std::count(record.text.begin(), record.text.end(), '\n') + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!WriteInput(data, size)) return 0;
  using planc::data::Encoding;
  auto newlines = static_cast<std::size_t>(std::count(data, data + size, '\n'));
  CheckRecords(Encoding::kAuto, newlines);
  CheckRecords(Encoding::kGb18030, newlines);
  ReadTable(planc::data::RegistrySpec(), Encoding::kAuto, true);
  ReadTable(planc::data::RegistrySpec(), Encoding::kGb18030, false);
  ReadTable(planc::data::InspectorSpec(), Encoding::kAuto, true);
  ReadTable(planc::data::InspectorSpec(), Encoding::kGb18030, false);
  ReadTable(planc::data::ConflictSpec(), Encoding::kUtf8, false);
  std::remove(InputPath().c_str());
  return 0;
}
