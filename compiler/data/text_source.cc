#include "compiler/data/text_source.h"

#include <iconv.h>
#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "compiler/source/utf8.h"
#include "compiler/util/sha256.h"

namespace planc::data {
namespace {

constexpr std::size_t kChunk = 1 << 20;
constexpr std::size_t kSniff = 4 << 20;

// UTF-8 unless invalid sequences outnumber valid multi-byte ones: a GB18030
// export is almost all invalid as UTF-8, while a UTF-8 export with a stray
// row pasted from elsewhere stays UTF-8 (and that row is reported).
bool LooksLikeUtf8(std::string_view sample) {
  // The usual case first: all of it is UTF-8 (but for a character cut off
  // at the sample's end).
  std::size_t whole = sample.size();
  for (std::size_t back = 1; back <= 3 && back <= sample.size(); ++back) {
    auto b = static_cast<unsigned char>(sample[sample.size() - back]);
    if ((b & 0xC0) == 0x80) continue;         // a continuation byte: look further back
    if (b >= 0xC0) whole = sample.size() - back;  // a lead byte: drop its sequence
    break;
  }
  if (IsValidUtf8(sample.substr(0, whole))) return true;
  std::size_t valid = 0, invalid = 0, pos = 0;
  while (pos < sample.size()) {
    if (static_cast<unsigned char>(sample[pos]) < 0x80) {
      ++pos;
      continue;
    }
    std::size_t before = pos;
    char32_t c = DecodeUtf8(sample, pos);
    if (c == 0xFFFD && pos == before + 1) {
      ++invalid;
    } else {
      ++valid;
    }
  }
  return invalid <= valid;
}

}  // namespace

const char* EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kAuto: return "auto";
    case Encoding::kUtf8: return "UTF-8";
    case Encoding::kGb18030: return "GB18030";
  }
  return "?";
}

std::unique_ptr<TextSource> TextSource::Open(const std::string& path, Encoding encoding,
                                             std::string* error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *error = path + ": is a directory, not a file";
    return nullptr;
  }
  std::unique_ptr<TextSource> source(new TextSource());
  source->path_ = path;
  source->file_ = std::fopen(path.c_str(), "rb");
  if (source->file_ == nullptr) {
    *error = path + ": cannot open: " + std::strerror(errno);
    return nullptr;
  }
  // Look at the start of the file to settle the encoding and the BOM (not
  // hashed yet: the digest starts after it, with these bytes first).
  source->raw_.reserve(kSniff);
  while (source->raw_.size() < kSniff && source->FillRaw()) {
  }
  auto* sha = EVP_MD_CTX_new();
  EVP_DigestInit_ex(sha, EVP_sha256(), nullptr);
  source->sha_ = sha;
  source->sniff_unhashed_ = source->raw_.size();
  if (!source->error_.empty()) {
    *error = source->error_;
    return nullptr;
  }
  if (source->raw_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    source->bom_ = true;
    source->raw_pos_ = 3;
    encoding = encoding == Encoding::kAuto ? Encoding::kUtf8 : encoding;
  }
  if (encoding == Encoding::kAuto) {
    encoding = LooksLikeUtf8(std::string_view(source->raw_).substr(source->raw_pos_))
                   ? Encoding::kUtf8
                   : Encoding::kGb18030;
    source->detected_ = encoding == Encoding::kGb18030;
  }
  source->encoding_ = encoding;
  if (encoding == Encoding::kGb18030) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
      *error = path + ": cannot decode GB18030 on this system (iconv)";
      return nullptr;
    }
    source->iconv_ = cd;
  }
  return source;
}

std::unique_ptr<TextSource> TextSource::OpenPart(const std::string& path, std::uint64_t offset,
                                                 std::string* error) {
  std::unique_ptr<TextSource> source(new TextSource());
  source->path_ = path;
  source->file_ = std::fopen(path.c_str(), "rb");
  if (source->file_ == nullptr ||
      fseeko(source->file_, static_cast<off_t>(offset), SEEK_SET) != 0) {
    *error = path + ": cannot open: " + std::strerror(errno);
    return nullptr;
  }
  source->encoding_ = Encoding::kUtf8;
  return source;
}

bool TextSource::SeekTo(std::uint64_t offset) {
  if (fseeko(file_, static_cast<off_t>(offset), SEEK_SET) != 0) return false;
  eof_ = false;
  return true;
}

TextSource::~TextSource() {
  if (file_) std::fclose(file_);
  if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
  if (sha_) EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(sha_));
}

// Reads one chunk of raw bytes into raw_ (hashing them); false at the end.
bool TextSource::FillRaw() {
  std::size_t old = raw_.size();
  raw_.resize(old + kChunk);
  std::size_t got = Fill(raw_.data() + old, kChunk);
  raw_.resize(old + got);
  return got > 0;
}

// Hashes the sniff's bytes if that has not been done: before raw_ lets go
// of them, and before any later byte is hashed.
void TextSource::HashSniff() {
  if (sha_ && sniff_unhashed_ > 0) {
    EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(sha_), raw_.data(), sniff_unhashed_);
  }
  sniff_unhashed_ = 0;
}

// Reads up to `max` raw bytes into `into`, hashing them; 0 at the end.
std::size_t TextSource::Fill(char* into, std::size_t max) {
  HashSniff();
  if (eof_) return 0;
  std::size_t got = std::fread(into, 1, max, file_);
  if (got > 0) {
    if (sha_) EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(sha_), into, got);
    raw_bytes_ += got;
  }
  if (got < max) {
    if (std::ferror(file_)) error_ = path_ + ": cannot read: " + std::strerror(errno);
    eof_ = true;
  }
  return got;
}

std::size_t TextSource::Read(char* out, std::size_t room) {
  if (encoding_ == Encoding::kUtf8) {
    // First what the encoding sniff read, then straight from the file.
    if (raw_pos_ < raw_.size()) {
      std::size_t n = std::min(room, raw_.size() - raw_pos_);
      std::memcpy(out, raw_.data() + raw_pos_, n);
      raw_pos_ += n;
      if (raw_pos_ == raw_.size()) {
        HashSniff();
        raw_ = std::string(), raw_pos_ = 0;
      }
      return n;
    }
    return Fill(out, room);
  }
  // GB18030: decode what is buffered; a sequence cut at the chunk's end waits
  // for the next chunk.
  if (!error_.empty()) return 0;
  while (true) {
    if (raw_pos_ >= raw_.size()) {
      HashSniff();
      raw_.clear();
      raw_pos_ = 0;
      if (!FillRaw()) return 0;
    }
    char* in = raw_.data() + raw_pos_;
    std::size_t in_left = raw_.size() - raw_pos_;
    char* dst = out;
    std::size_t dst_left = room;
    std::size_t rc = iconv(static_cast<iconv_t>(iconv_), &in, &in_left, &dst, &dst_left);
    int failure = rc == static_cast<std::size_t>(-1) ? errno : 0;
    raw_pos_ = raw_.size() - in_left;
    std::size_t made = room - dst_left;
    if (failure == EINVAL) {
      // Incomplete sequence: keep it and read on, or report it at the end.
      HashSniff();
      raw_.erase(0, raw_pos_);
      raw_pos_ = 0;
      if (!FillRaw()) {
        error_ = path_ + ": the file ends inside a GB18030 character";
        return made;  // what came before it; the next call returns 0
      }
    } else if (failure == EILSEQ) {
      error_ = path_ + ": bytes at offset " +
               std::to_string(raw_bytes_ - (raw_.size() - raw_pos_)) +
               " are neither UTF-8 nor GB18030";
      return made;  // what came before them; the next call returns 0
    }
    // E2BIG: `out` is full, and the rest waits for the next call.
    if (made > 0) return made;
  }
}

void TextSource::StopHashing() {
  sniff_unhashed_ = 0;
  if (sha_) EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(sha_));
  sha_ = nullptr;
}

std::string TextSource::Sha256Hex() {
  // Hash whatever has not been read yet, so the digest is always the file's.
  if (!sha_) return "";
  std::unique_ptr<char[]> block(new char[kChunk]);
  while (Fill(block.get(), kChunk) > 0) {
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(sha_), digest, &length);
  return HexOf(digest, length);
}

}  // namespace planc::data
