#include "tools/gen/csv_writer.h"

#include <fmt/format.h>
#include <iconv.h>

#include <cerrno>
#include <cstring>

namespace planc::gen {
namespace {

// Whole rows are flushed once the buffer passes this size.
constexpr std::size_t kChunkBytes = 1 << 20;

// A plain loop: find_first_of calls memchr once per byte of the value.
bool NeedsQuotes(std::string_view value) {
  for (char c : value) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
  }
  return false;
}

void AppendQuoted(std::string& out, std::string_view value) {
  out.push_back('"');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

std::string QuoteCsvField(std::string_view value) {
  if (!NeedsQuotes(value)) return std::string(value);
  std::string out;
  AppendQuoted(out, value);
  return out;
}

std::unique_ptr<CsvWriter> CsvWriter::Open(const OutputOptions& options, std::string& error) {
  std::unique_ptr<CsvWriter> writer(new CsvWriter());
  if (options.encoding == Encoding::kGb18030) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
      error = fmt::format("cannot convert to GB18030: {}", std::strerror(errno));
      return nullptr;
    }
    writer->iconv_ = cd;
  }
  if (options.path == "-") {
    writer->file_ = stdout;
  } else {
    writer->file_ = std::fopen(options.path.c_str(), "wb");
    if (writer->file_ == nullptr) {
      error = fmt::format("cannot write {}: {}", options.path, std::strerror(errno));
      return nullptr;
    }
    writer->owns_file_ = true;
  }
  writer->crlf_ = options.crlf;
  writer->buffer_.reserve(kChunkBytes + 4096);
  if (options.bom) writer->buffer_ = "\xEF\xBB\xBF";
  return writer;
}

CsvWriter::~CsvWriter() {
  if (owns_file_ && file_ != nullptr) std::fclose(file_);
  if (iconv_ != nullptr) iconv_close(static_cast<iconv_t>(iconv_));
}

void CsvWriter::Field(std::string_view value) {
  if (row_started_) buffer_.push_back(',');
  row_started_ = true;
  if (NeedsQuotes(value)) {
    AppendQuoted(buffer_, value);
  } else {
    buffer_.append(value);
  }
}

void CsvWriter::EndRow() {
  if (crlf_) buffer_.push_back('\r');
  buffer_.push_back('\n');
  row_started_ = false;
  if (buffer_.size() >= kChunkBytes) Flush();
}

void CsvWriter::Flush() {
  if (buffer_.empty() || !error_.empty()) {
    buffer_.clear();
    return;
  }
  std::string_view bytes = buffer_;
  if (iconv_ != nullptr) {
    // The buffer holds whole rows, so it never ends inside a character;
    // GB18030 is never longer than UTF-8 for the same text.
    converted_.resize(buffer_.size() + 16);
    char* in = buffer_.data();
    std::size_t in_left = buffer_.size();
    char* out = converted_.data();
    std::size_t out_left = converted_.size();
    if (iconv(static_cast<iconv_t>(iconv_), &in, &in_left, &out, &out_left) ==
        static_cast<std::size_t>(-1)) {
      error_ = fmt::format("cannot convert to GB18030: {}", std::strerror(errno));
      buffer_.clear();
      return;
    }
    bytes = std::string_view(converted_.data(), converted_.size() - out_left);
  }
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    error_ = fmt::format("write failed: {}", std::strerror(errno));
  }
  buffer_.clear();
}

bool CsvWriter::Finish(std::string& error) {
  Flush();
  if (error_.empty() && std::fflush(file_) != 0) {
    error_ = fmt::format("write failed: {}", std::strerror(errno));
  }
  if (owns_file_) {
    if (std::fclose(file_) != 0 && error_.empty()) {
      error_ = fmt::format("write failed: {}", std::strerror(errno));
    }
    file_ = nullptr;
  }
  error = error_;
  return error_.empty();
}

}  // namespace planc::gen
