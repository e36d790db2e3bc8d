#ifndef PLANC_DATA_CSV_H_
#define PLANC_DATA_CSV_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/data/text_source.h"
#include "compiler/diag/diagnostic.h"

namespace planc::data {

// One record of a CSV file. Views stay valid until the next call to Next().
struct CsvRecord {
  std::uint32_t line = 0;                 // file line where the record starts
  std::string_view text;                  // the record's bytes as written (decoded)
  std::vector<std::string_view> fields;   // unquoted values
  std::vector<std::uint32_t> offsets;     // where each field starts in `text`
  bool utf8_checked = false;              // `text` is known to be valid UTF-8
};

// A streaming RFC 4180 reader: quoted fields with `""`, embedded line breaks,
// CRLF or LF, blank lines skipped. Memory is one chunk plus the longest record.
class CsvReader {
 public:
  // Opens `path`; on failure returns null and sets `error`.
  static std::unique_ptr<CsvReader> Open(const std::string& path, Encoding encoding,
                                         std::string* error);

  // Reads the next record into `record`; false at the end of the file. A
  // malformed record is still returned, with `problem` set (and then its
  // fields are what could be read).
  bool Next(CsvRecord& record);

  // For a file read in parts (data/parts.h). OpenPart reads UTF-8 from byte
  // `offset` on, a line start; its line numbers count from 1 there.
  static std::unique_ptr<CsvReader> OpenPart(const std::string& path, std::uint64_t offset,
                                             std::string* error);
  // A reader opened with OpenPart reads on from byte `offset` (a line start)
  // instead, its line numbers counting from 1 there again and its buffer
  // kept; false when the file cannot be positioned there.
  bool MoveTo(std::uint64_t offset);
  // Next() returns false once reading reaches byte `offset` of the file (or
  // has gone past it inside a record): see stopped_exactly().
  void set_stop(std::uint64_t offset) { stop_ = offset; }
  void clear_stop() { stop_ = kNoStop; }
  // Whether the last Next() returned false because reading ended exactly at
  // the stop, between records.
  bool stopped_exactly() const { return at_stop_ == Stop::kExactly; }
  bool stopped() const { return at_stop_ != Stop::kNone; }

  // Set when the last record was malformed: the message and where in it.
  const Text& problem() const { return problem_; }
  std::uint32_t problem_offset() const { return problem_offset_; }
  // An I/O or decoding failure that ended the file early.
  const std::string& error() const { return source_->error(); }

  TextSource& source() { return *source_; }
  const std::string& path() const { return path_; }

  // The record as a source excerpt, for located diagnostics.
  SourcePtr Excerpt(const CsvRecord& record) const;

 private:
  explicit CsvReader(std::unique_ptr<TextSource> source, std::string path)
      : source_(std::move(source)), path_(std::move(path)) {}
  // Makes sure buffer_ holds a complete record from pos_, reading more as needed.
  bool Parse(CsvRecord& record);
  bool ParsePlain(CsvRecord& record);  // Parse's fast path
  // Reads more into buffer_; false at the end of the file.
  bool Refill();

  std::unique_ptr<TextSource> source_;
  std::string path_;
  std::string buffer_;    // its text is [0, end_); the rest is room to read into
  std::size_t end_ = 0;
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::uint32_t line_ = 1;
  // The file offset of buffer_[0] (decoded bytes are raw bytes for UTF-8,
  // the only encoding read in parts).
  std::uint64_t base_ = 0;
  // Bytes of the file before this offset are valid UTF-8: each chunk is
  // checked as a whole up to its last line feed, so that a valid record
  // need not be checked on its own (TableReader).
  std::uint64_t utf8_until_ = 0;
  static constexpr std::uint64_t kNoStop = ~std::uint64_t{0};
  std::uint64_t stop_ = kNoStop;
  enum class Stop { kNone, kExactly, kPast } at_stop_ = Stop::kNone;
  std::string unquoted_;  // fields whose `""` had to be undone
  Text problem_;
  std::uint32_t problem_offset_ = 0;
};

}  // namespace planc::data

#endif  // PLANC_DATA_CSV_H_
