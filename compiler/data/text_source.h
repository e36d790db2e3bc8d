#ifndef PLANC_DATA_TEXT_SOURCE_H_
#define PLANC_DATA_TEXT_SOURCE_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace planc::data {

enum class Encoding { kAuto, kUtf8, kGb18030 };

const char* EncodingName(Encoding encoding);

// A file read as UTF-8 text, in chunks: UTF-8 as it is (a leading byte-order
// mark dropped), or GB18030 decoded with iconv. `kAuto` takes UTF-8 unless
// the first 4 MiB are not valid UTF-8. The raw bytes are hashed as they pass.
class TextSource {
 public:
  // Opens `path`; on failure returns null and sets `error` to a sentence.
  static std::unique_ptr<TextSource> Open(const std::string& path, Encoding encoding,
                                          std::string* error);
  // Opens `path` as UTF-8 from byte `offset` on, for one part of a file read
  // in parts (data/parts.h): no encoding sniff, no byte-order mark, no digest.
  static std::unique_ptr<TextSource> OpenPart(const std::string& path, std::uint64_t offset,
                                              std::string* error);
  // For a source opened with OpenPart: reads on from byte `offset` (a
  // line start) instead; false when the file cannot be positioned there.
  bool SeekTo(std::uint64_t offset);
  ~TextSource();
  TextSource(const TextSource&) = delete;
  TextSource& operator=(const TextSource&) = delete;

  // Reads up to `room` decoded bytes (at least 4) into `out`: how many,
  // 0 at the end of the file or on an error (see error()).
  std::size_t Read(char* out, std::size_t room);

  Encoding encoding() const { return encoding_; }
  bool bom() const { return bom_; }
  // True when the encoding was detected as GB18030 rather than given.
  bool detected_gb18030() const { return detected_; }
  const std::string& error() const { return error_; }
  std::uint64_t raw_bytes() const { return raw_bytes_; }
  // Lowercase hex SHA-256 of every raw byte read; call after the end.
  std::string Sha256Hex();
  // Stops hashing (the caller digests the file another way); Sha256Hex is
  // then empty.
  void StopHashing();

 private:
  TextSource() = default;
  bool FillRaw();
  void HashSniff();
  std::size_t Fill(char* into, std::size_t max);

  std::FILE* file_ = nullptr;
  std::string path_;
  Encoding encoding_ = Encoding::kUtf8;
  bool bom_ = false;
  bool detected_ = false;
  std::string raw_;          // raw bytes not yet decoded
  std::size_t raw_pos_ = 0;
  // The encoding sniff's bytes, the first of raw_, are hashed only when
  // reading goes on past them (most callers digest a regular file on
  // another thread and stop hashing before that).
  std::size_t sniff_unhashed_ = 0;
  bool eof_ = false;
  std::uint64_t raw_bytes_ = 0;
  std::string error_;
  void* iconv_ = nullptr;    // iconv_t when decoding GB18030
  void* sha_ = nullptr;      // EVP_MD_CTX*
};

}  // namespace planc::data

#endif  // PLANC_DATA_TEXT_SOURCE_H_
