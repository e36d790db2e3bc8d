#ifndef PLANC_TOOLS_GEN_CSV_WRITER_H_
#define PLANC_TOOLS_GEN_CSV_WRITER_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace planc::gen {

// The byte encoding of a written file.
enum class Encoding { kUtf8, kGb18030 };

// The language of the header row (and of the coded values below it).
enum class Language { kEnglish, kChinese };

// Where and how a CSV file is written.
struct OutputOptions {
  std::string path;  // "-" is standard output
  Encoding encoding = Encoding::kUtf8;
  Language headers = Language::kEnglish;
  bool bom = false;   // UTF-8 byte order mark (UTF-8 only)
  bool crlf = false;  // end lines with CR LF instead of LF
};

// A buffered RFC 4180 CSV writer. Rows are built in UTF-8 and flushed in
// chunks of whole rows, converted to GB18030 by iconv when asked, so memory
// stays constant however many rows are written.
class CsvWriter {
 public:
  // Opens the output; on failure returns null and sets `error`.
  static std::unique_ptr<CsvWriter> Open(const OutputOptions& options, std::string& error);
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  // Appends one field, quoted when it holds a comma, a quote or a line break.
  void Field(std::string_view value);
  // Ends the current row.
  void EndRow();
  // Flushes and closes; false (with `error` set) if any write failed.
  bool Finish(std::string& error);

 private:
  CsvWriter() = default;
  void Flush();

  std::FILE* file_ = nullptr;
  bool owns_file_ = false;
  void* iconv_ = nullptr;  // iconv_t, or null for UTF-8 output
  bool crlf_ = false;
  bool row_started_ = false;
  std::string buffer_;     // UTF-8 rows not yet written
  std::string converted_;  // GB18030 bytes of one chunk
  std::string error_;
};

// Quotes a field per RFC 4180 if it needs quoting.
std::string QuoteCsvField(std::string_view value);

}  // namespace planc::gen

#endif  // PLANC_TOOLS_GEN_CSV_WRITER_H_
