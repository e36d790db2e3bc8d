#include "compiler/draw/prn.h"

#include <sys/random.h>

// The low-level SHA-256 interface: its state is a plain struct that can be
// copied, which PrnHasher needs (EVP contexts copy through an allocation).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <cerrno>
#include <cstring>

#include "compiler/util/sha256.h"

namespace planc::draw {

bool IsSeedHex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::optional<std::string> FreshSeed() {
  unsigned char bytes[32];
  std::size_t got = 0;
  while (got < sizeof bytes) {
    ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;
    }
    got += static_cast<std::size_t>(n);
  }
  return HexOf(bytes, sizeof bytes);
}

std::string Commitment(std::string_view seed_hex) { return Sha256Hex(seed_hex); }

namespace {

// The text h hashes, up to the id: "planc/prn/v1" US seed_hex US stream US.
std::string PrnPrefix(std::string_view seed_hex, std::string_view stream) {
  std::string text;
  text.reserve(kAlgorithm.size() + seed_hex.size() + stream.size() + 3);
  text.append(kAlgorithm);
  text += '\x1f';
  text.append(seed_hex);
  text += '\x1f';
  text.append(stream);
  text += '\x1f';
  return text;
}

}  // namespace

std::string PrnHex(std::string_view seed_hex, std::string_view stream, std::string_view id) {
  return Sha256Hex(PrnPrefix(seed_hex, stream).append(id));
}

std::uint64_t Prn(std::string_view seed_hex, std::string_view stream, std::string_view id) {
  std::string h = PrnHex(seed_hex, stream, id);
  std::uint64_t u = 0;
  for (std::size_t i = 0; i < 16; ++i) {
    char c = h[i];
    u = (u << 4) | static_cast<std::uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  return u;
}

struct PrnHasher::State {
  SHA256_CTX prefix;       // after the whole 64-byte blocks of the constant text
  std::uint64_t whole = 0; // the bytes of those blocks
  std::string rest;        // the constant text's bytes after them
  unsigned char last[SHA256_CBLOCK] = {};  // `rest`, then zeros: the last block's start
};

PrnHasher::PrnHasher(std::string_view seed_hex, std::string_view stream)
    : state_(std::make_unique<State>()) {
  std::string text = PrnPrefix(seed_hex, stream);
  std::size_t whole = text.size() / SHA256_CBLOCK * SHA256_CBLOCK;
  SHA256_Init(&state_->prefix);
  SHA256_Update(&state_->prefix, text.data(), whole);
  state_->whole = whole;
  state_->rest = text.substr(whole);
  std::memcpy(state_->last, state_->rest.data(), state_->rest.size());
}

PrnHasher::PrnHasher(const PrnHasher& other) : state_(std::make_unique<State>(*other.state_)) {}

PrnHasher& PrnHasher::operator=(const PrnHasher& other) {
  *state_ = *other.state_;
  return *this;
}

PrnHasher::~PrnHasher() = default;

std::uint64_t PrnHasher::operator()(std::string_view id) const {
  const State& state = *state_;
  std::size_t size = state.rest.size() + id.size();
  if (size + 9 <= SHA256_CBLOCK) {
    // The usual case: the rest of the text and SHA-256's padding (0x80,
    // zeros, the length in bits) fill one last block, compressed into a
    // copy of the prefix's state; u is the first 8 bytes of the digest,
    // its first two 32-bit words.
    unsigned char block[SHA256_CBLOCK];
    std::memcpy(block, state.last, SHA256_CBLOCK);
    std::memcpy(block + state.rest.size(), id.data(), id.size());
    block[size] = 0x80;
    std::uint64_t bits = (state.whole + size) * 8;
    for (int i = 0; i < 8; ++i) {
      block[SHA256_CBLOCK - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
    }
    SHA256_CTX ctx = state.prefix;
    SHA256_Transform(&ctx, block);
    return (std::uint64_t{ctx.h[0]} << 32) | ctx.h[1];
  }
  SHA256_CTX ctx = state.prefix;
  SHA256_Update(&ctx, state_->rest.data(), state_->rest.size());
  SHA256_Update(&ctx, id.data(), id.size());
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_Final(digest, &ctx);
  std::uint64_t u = 0;
  for (int i = 0; i < 8; ++i) u = (u << 8) | digest[i];
  return u;
}

std::string PrnText(std::uint64_t u) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text(16, '0');
  for (int i = 15; i >= 0; --i) {
    text[static_cast<std::size_t>(i)] = kHex[u & 15];
    u >>= 4;
  }
  return text;
}

std::string GroupStream(std::string_view group_id) { return "g:" + std::string(group_id); }
std::string TaskStream(std::string_view task_id) { return "t:" + std::string(task_id); }
std::string VisitStream(std::string_view visit_id) { return "i:" + std::string(visit_id); }

std::uint64_t NegativeShift(std::uint64_t u, std::uint64_t i, std::uint64_t m) {
  if (m == 0) return u;
  __extension__ using U128 = unsigned __int128;
  auto shift = static_cast<std::uint64_t>((static_cast<U128>(i) << 64) / m);
  return u + shift;  // mod 2^64
}

}  // namespace planc::draw
