// Reads arbitrary bytes as each data file (registry, inspectors, conflicts),
// as detected, as UTF-8 and as GB18030, and renders every diagnostic in
// every format: reading a CSV must report, never crash or hang.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "compiler/data/csv.h"
#include "compiler/data/table.h"
#include "compiler/diag/engine.h"
#include "compiler/diag/render.h"

namespace {

// One file per process, rewritten for every input and removed at exit.
struct InputFile {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("planc_csv_fuzzer_" + std::to_string(::getpid()) + ".csv"))
                         .string();
  ~InputFile() { std::remove(path.c_str()); }
};

const std::string& InputPath() {
  static const InputFile file;
  return file.path;
}

bool WriteInput(const std::uint8_t* data, std::size_t size) {
  std::FILE* file = std::fopen(InputPath().c_str(), "wb");
  if (file == nullptr) return false;
  bool ok = size == 0 || std::fwrite(data, 1, size, file) == size;
  return std::fclose(file) == 0 && ok;
}

void ReadTable(const planc::data::TableSpec& spec, planc::data::Encoding encoding) {
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
  (void)reader.csv().error();
  (void)reader.csv().source().Sha256Hex();
  std::vector<planc::Diagnostic> sorted = diags.Sorted();
  for (planc::Format format : {planc::Format::kHuman, planc::Format::kJson,
                               planc::Format::kSarif, planc::Format::kGithub}) {
    for (planc::Lang lang : {planc::Lang::kEn, planc::Lang::kZh}) {
      if (std::getenv("NORENDER") == nullptr) planc::Render(format, sorted, {lang, false, "fuzz"});
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!WriteInput(data, size)) return 0;
  using planc::data::Encoding;
  ReadTable(planc::data::RegistrySpec(), Encoding::kAuto);
  ReadTable(planc::data::RegistrySpec(), Encoding::kGb18030);
  ReadTable(planc::data::InspectorSpec(), Encoding::kAuto);
  ReadTable(planc::data::InspectorSpec(), Encoding::kGb18030);
  ReadTable(planc::data::ConflictSpec(), Encoding::kUtf8);
  return 0;
}
