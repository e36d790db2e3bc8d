#include "compiler/data/csv.h"

#include <algorithm>
#include <cstring>

#include "compiler/source/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace planc::data {
namespace {

constexpr std::size_t kChunk = 1 << 20;

// The first `,`, line feed or `"` in [p, end), or end: where an unquoted
// field stops (or has a stray quote). Sixteen bytes at a time where the
// machine allows, as every byte of a registry passes here.
const char* FindFieldStop(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                               _mm_cmpeq_epi8(v, quote));
    if (int mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p < end && *p != ',' && *p != '\n' && *p != '"') ++p;
  return p;
}

}  // namespace

std::unique_ptr<CsvReader> CsvReader::Open(const std::string& path, Encoding encoding,
                                           std::string* error) {
  std::unique_ptr<TextSource> source = TextSource::Open(path, encoding, error);
  if (!source) return nullptr;
  std::unique_ptr<CsvReader> reader(new CsvReader(std::move(source), path));
  reader->base_ = reader->source_->bom() ? 3 : 0;  // the BOM is not in buffer_
  return reader;
}

std::unique_ptr<CsvReader> CsvReader::OpenPart(const std::string& path, std::uint64_t offset,
                                               std::string* error) {
  std::unique_ptr<TextSource> source = TextSource::OpenPart(path, offset, error);
  if (!source) return nullptr;
  std::unique_ptr<CsvReader> reader(new CsvReader(std::move(source), path));
  reader->base_ = offset;
  return reader;
}

bool CsvReader::MoveTo(std::uint64_t offset) {
  if (!source_->SeekTo(offset)) return false;
  base_ = offset;
  pos_ = end_ = 0;
  eof_ = false;
  line_ = 1;
  utf8_until_ = 0;
  stop_ = kNoStop;
  at_stop_ = Stop::kNone;
  problem_ = {};
  problem_offset_ = 0;
  return true;
}

SourcePtr CsvReader::Excerpt(const CsvRecord& record) const {
  return std::make_shared<SourceFile>(path_, std::string(record.text), record.line);
}

bool CsvReader::Next(CsvRecord& record) {
  problem_ = {};
  problem_offset_ = 0;
  at_stop_ = Stop::kNone;
  while (true) {
    // Skip blank lines: they hold no record.
    while (true) {
      if (stop_ != kNoStop && base_ + pos_ >= stop_) {
        at_stop_ = base_ + pos_ == stop_ ? Stop::kExactly : Stop::kPast;
        return false;
      }
      if (pos_ >= end_) {
        if (eof_) return false;
        if (!Refill()) eof_ = true;
        continue;
      }
      char c = buffer_[pos_];
      if (c == '\n') {
        ++pos_;
        ++line_;
      } else if (c == '\r' && pos_ + 1 < end_ && buffer_[pos_ + 1] == '\n') {
        pos_ += 2;
        ++line_;
      } else {
        break;
      }
    }
    if (Parse(record)) return true;
    // Parse found the record cut off by the buffer's end: read more and retry.
    if (eof_) return false;
    if (!Refill()) eof_ = true;
  }
}

bool CsvReader::Refill() {
  // The record being read moves to the front; the new text follows it.
  base_ += pos_;
  std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
  end_ -= pos_;
  pos_ = 0;
  std::size_t room = std::max(kChunk, end_);
  if (buffer_.size() < end_ + room) buffer_.resize(end_ + room);  // zeroed only as it grows
  // A part of a file is read up to its stop, and past it only for a record
  // that goes on over it.
  std::uint64_t at = base_ + end_;
  if (stop_ != kNoStop && at < stop_) {
    room = static_cast<std::size_t>(std::min<std::uint64_t>(room, stop_ - at));
  }
  std::size_t got = source_->Read(buffer_.data() + end_, room);
  end_ += got;
  bool more = got > 0;
  // Check the new text up to its last line feed (a character never spans
  // one), from where checking stopped or, after a chunk that was not valid,
  // from the record being read.
  std::string_view text(buffer_.data(), end_);
  std::size_t from = utf8_until_ > base_ ? static_cast<std::size_t>(utf8_until_ - base_) : 0;
  std::size_t to = more ? text.rfind('\n') : text.size() - 1;  // at the end: all of it
  if (!text.empty() && to != std::string_view::npos && from <= to &&
      IsValidUtf8(text.substr(from, to + 1 - from))) {
    utf8_until_ = base_ + to + 1;
  }
  return more;
}

#if defined(__SSE2__)
// The usual record, with no quote before its line feed: its separators are
// found sixteen bytes at a time in one scan. False, with nothing consumed,
// for any other record (a quote, or the line feed not within reach), which
// Parse then reads field by field.
bool CsvReader::ParsePlain(CsvRecord& record) {
  const char* data = buffer_.data() + pos_;
  std::size_t size = end_ - pos_;
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
  std::vector<std::string_view>& fields = record.fields;
  std::vector<std::uint32_t>& offsets = record.offsets;
  // Fields are written in place, the vectors keeping the size of the last
  // record (most records have as many fields as the one before).
  std::size_t n = 0;
  auto put = [&](std::size_t start, std::size_t stop) {
    if (n == fields.size()) {
      fields.emplace_back();
      offsets.emplace_back();
    }
    fields[n] = std::string_view(data + start, stop - start);
    offsets[n] = static_cast<std::uint32_t>(start);
    ++n;
  };
  std::size_t start = 0;  // of the current field
  for (std::size_t at = 0; at + 16 <= size; at += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    auto commas = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)));
    auto lfs = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)));
    auto quotes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)));
    unsigned line_end = lfs & (0u - lfs);                  // the first line feed's bit, or 0
    unsigned before = line_end != 0 ? line_end - 1 : ~0u;  // the bits before it
    if ((quotes & before) != 0) return false;
    for (unsigned m = commas & before; m != 0; m &= m - 1) {
      std::size_t i = at + static_cast<std::size_t>(__builtin_ctz(m));
      put(start, i);
      start = i + 1;
    }
    if (line_end == 0) continue;
    // The line feed; a CR before it ends the line, not the field.
    std::size_t i = at + static_cast<std::size_t>(__builtin_ctz(line_end));
    std::size_t text_end = i > 0 && data[i - 1] == '\r' ? i - 1 : i;
    put(start, std::max(start, text_end));
    fields.resize(n);
    offsets.resize(n);
    record.text = std::string_view(data, text_end);
    record.line = line_;
    record.utf8_checked = base_ + pos_ + text_end <= utf8_until_;
    ++line_;
    pos_ += i + 1;
    return true;
  }
  return false;
}
#else
bool CsvReader::ParsePlain(CsvRecord&) { return false; }
#endif

bool CsvReader::Parse(CsvRecord& record) {
  if (ParsePlain(record)) return true;
  const char* data = buffer_.data();
  std::size_t end = end_;
  std::size_t p = pos_;
  record.fields.clear();
  record.offsets.clear();
  unquoted_.clear();
  // Fields that needed unescaping point into unquoted_; reserve so that it
  // never moves while views into it are alive.
  unquoted_.reserve(end - pos_);
  std::uint32_t lines = 0;
  auto set_problem = [&](std::size_t at, Text text) {
    if (problem_.empty()) {
      problem_ = std::move(text);
      problem_offset_ = static_cast<std::uint32_t>(at - pos_);
    }
  };
  while (true) {
    std::size_t start = p;
    record.offsets.push_back(static_cast<std::uint32_t>(start - pos_));
    if (p < end && data[p] == '"') {
      // Quoted field: up to the closing quote; "" is one quote.
      std::size_t q = p + 1;
      bool escaped = false;
      while (true) {
        std::size_t next = std::string_view(data, end).find('"', q);
        if (next == std::string::npos) {
          if (!eof_) return false;
          set_problem(start, {"a quoted field is not closed before the end of the file",
                              "带引号的字段直到文件结尾都没有结束"});
          q = end;
          break;
        }
        if (next + 1 < end && data[next + 1] == '"') {
          escaped = true;
          q = next + 2;
          continue;
        }
        if (next + 1 >= end && !eof_) return false;
        q = next;
        break;
      }
      std::string_view raw(data + p + 1, std::min(q, end) - p - 1);
      lines += static_cast<std::uint32_t>(std::count(raw.begin(), raw.end(), '\n'));
      if (escaped) {
        std::size_t at = unquoted_.size();
        for (std::size_t i = 0; i < raw.size(); ++i) {
          unquoted_ += raw[i];
          if (raw[i] == '"') ++i;
        }
        record.fields.emplace_back(unquoted_.data() + at, unquoted_.size() - at);
      } else {
        record.fields.push_back(raw);
      }
      p = std::min(q + 1, end);
      // After the closing quote: a separator, a line end, or the file's end.
      std::size_t after = p;
      // A CR ends the line before a LF, and also as the file's last byte.
      while (p < end && data[p] != ',' && data[p] != '\n' &&
             !(data[p] == '\r' && ((p + 1 < end && data[p + 1] == '\n') || (p + 1 == end && eof_)))) {
        ++p;
      }
      if (p == end && !eof_) return false;
      if (p > after) {
        set_problem(after, {"text after the closing quote of a field",
                            "字段的结束引号后面还有文字"});
      }
    } else {
      std::size_t quote = std::string_view::npos;
      while (true) {
        p = static_cast<std::size_t>(FindFieldStop(data + p, data + end) - data);
        if (p == end || data[p] != '"') break;
        if (quote == std::string_view::npos) quote = p - start;
        ++p;
      }
      if (p == end && !eof_) return false;
      std::size_t stop = p;
      if (stop > start && data[stop - 1] == '\r' && (stop == end || data[stop] == '\n')) --stop;
      if (quote != std::string_view::npos) {
        set_problem(start + quote, {"a quote inside an unquoted field; quote the whole field and "
                                    "double the quote: \"a \"\"b\"\" c\"",
                                    "未加引号的字段中有引号；请给整个字段加引号，并把其中的引号写两次"});
      }
      record.fields.emplace_back(data + start, stop - start);
    }
    if (p < end && data[p] == ',') {
      ++p;
      continue;
    }
    break;
  }
  // p is at '\n', "\r\n" or the end.
  std::size_t text_end = p;
  if (text_end > pos_ && data[text_end - 1] == '\r') --text_end;
  record.text = std::string_view(data + pos_, text_end - pos_);
  record.line = line_;
  record.utf8_checked = base_ + text_end <= utf8_until_;
  if (p < end && data[p] == '\r' && (p + 1 == end || data[p + 1] == '\n')) ++p;  // CR(LF) after a quoted field
  if (p < end && data[p] == '\n') ++p;
  line_ += lines + 1;
  pos_ = p;
  return true;
}

}  // namespace planc::data
