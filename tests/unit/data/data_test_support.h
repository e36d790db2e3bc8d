// Helpers for the data-file tests: a scratch directory per test, files
// written byte for byte, GB18030 bytes made with iconv, and every record of
// a CSV file read back.
#ifndef PLANC_TESTS_UNIT_DATA_DATA_TEST_SUPPORT_H_
#define PLANC_TESTS_UNIT_DATA_DATA_TEST_SUPPORT_H_

#include <gtest/gtest.h>
#include <iconv.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/data/csv.h"
#include "compiler/source/utf8.h"
#include "tests/unit/test_support.h"

namespace planc::test {

// A fresh directory under the system's temp directory, removed at the end.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "planc_data_test_" + std::to_string(::getpid()) + "_" +
                       std::to_string(counter++);
    if (info != nullptr) name += std::string("_") + info->name();
    for (char& c : name) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) c = '_';
    }
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `bytes` exactly as given to `name` in the directory; its path.
  std::string Write(const std::string& name, std::string_view bytes) const {
    std::filesystem::path file = path_ / name;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    EXPECT_TRUE(out.good()) << "cannot write " << file;
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// `utf8` converted to GB18030 with the system's iconv (independent of the
// code under test, which converts the other way).
inline std::string ToGb18030(std::string_view utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv_open failed");
  std::string in(utf8);
  std::string out(in.size() * 4 + 16, '\0');
  char* src = in.data();
  std::size_t src_left = in.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  std::size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) throw std::runtime_error("iconv failed");
  out.resize(out.size() - dst_left);
  return out;
}

// One record of a CSV file, copied out of the reader.
struct ReadRecord {
  std::uint32_t line = 0;
  std::string text;
  std::vector<std::string> fields;
  std::vector<std::uint32_t> offsets;
  std::string problem;  // English message, empty when well-formed
  std::uint32_t problem_offset = 0;
};

struct ReadResult {
  bool opened = false;
  std::string open_error;
  std::string read_error;  // CsvReader::error() at the end
  data::Encoding encoding = data::Encoding::kAuto;
  bool bom = false;
  std::string sha256;
  std::vector<ReadRecord> records;
};

inline ReadResult ReadAll(const std::string& path,
                          data::Encoding encoding = data::Encoding::kAuto) {
  ReadResult result;
  std::unique_ptr<data::CsvReader> csv = data::CsvReader::Open(path, encoding, &result.open_error);
  if (!csv) return result;
  result.opened = true;
  data::CsvRecord record;
  while (csv->Next(record)) {
    ReadRecord r;
    r.line = record.line;
    r.text = std::string(record.text);
    for (std::string_view f : record.fields) r.fields.emplace_back(f);
    r.offsets = record.offsets;
    r.problem = csv->problem().en;
    r.problem_offset = csv->problem_offset();
    result.records.push_back(std::move(r));
  }
  result.read_error = csv->error();
  result.encoding = csv->source().encoding();
  result.bom = csv->source().bom();
  result.sha256 = csv->source().Sha256Hex();
  return result;
}

inline std::vector<std::string> Fields(std::initializer_list<const char*> list) {
  return std::vector<std::string>(list.begin(), list.end());
}

// 1-based column, in code points, at which `needle` first starts in `line`.
inline std::uint32_t ColumnOf(std::string_view line, std::string_view needle) {
  std::size_t at = line.find(needle);
  if (at == std::string_view::npos) return 0;
  return static_cast<std::uint32_t>(CountCodePoints(line.substr(0, at))) + 1;
}

}  // namespace planc::test

#endif  // PLANC_TESTS_UNIT_DATA_DATA_TEST_SUPPORT_H_
