// The floor for `planc draw` (bench/bench_draw.cc): read the registry in
// 1 MiB chunks, split each row as far as uscc, kind and status, and hash each
// candidate once per coordination group, "planc/prn/v1" US seed US
// "g:"+group US uscc (draw.md), with OpenSSL. Any conforming draw reads
// every row and computes that hash for every (candidate, group) pair, so it
// costs at least this.
//   planc-draw-floor REGISTRY SEED GROUP=KIND...
// A group's candidates are the active rows whose `kind` is KIND (in
// bench/draw/plan.plan each group's targets cover exactly one kind); GROUP
// alone takes every active row. The constant start of the text is hashed once
// per group and its SHA-256 state copied per row, and the rest of the text
// with SHA-256's padding is one last block, compressed once, as planc's
// PrnHasher does, so the floor is not slowed by work a draw need not do: a
// fresh EVP digest per row costs ~460 ns here, EVP_MD_CTX_copy_ex ~115 ns,
// SHA256_Update and SHA256_Final on a copied state ~100 ns, this ~70 ns.
// Rows do not span lines (planc-gen never writes a line break in a field);
// quoted fields are skipped over correctly.
#define OPENSSL_SUPPRESS_DEPRECATED  // SHA256_CTX is a plain struct, cheap to copy
#include <openssl/sha.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Group {
  std::string kind;    // empty: every active row
  SHA256_CTX prefix;       // after the whole 64-byte blocks of the constant text
  std::uint64_t whole = 0; // the bytes of those blocks
  std::string rest;        // the constant text's bytes after them
};

// Splits a line into its fields' byte ranges (quotes kept, commas inside them
// skipped) up to field `last`.
void Split(std::string_view line, std::size_t last, std::vector<std::string_view>& fields) {
  fields.clear();
  std::size_t at = 0;
  while (fields.size() <= last && at <= line.size()) {
    std::size_t end = at;
    if (end < line.size() && line[end] == '"') {
      for (++end; end < line.size(); ++end) {
        if (line[end] == '"' && (end + 1 >= line.size() || line[end + 1] != '"')) break;
        if (line[end] == '"') ++end;
      }
      end = line.find(',', end);
    } else {
      end = line.find(',', at);
    }
    if (end == std::string_view::npos) end = line.size();
    fields.push_back(line.substr(at, end - at));
    at = end + 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: planc-draw-floor REGISTRY SEED GROUP[=KIND]...\n");
    return 2;
  }
  std::FILE* file = std::fopen(argv[1], "rb");
  if (!file) {
    std::perror(argv[1]);
    return 2;
  }
  std::string seed = argv[2];
  std::vector<Group> groups;
  for (int i = 3; i < argc; ++i) {
    std::string spec = argv[i];
    std::size_t eq = spec.find('=');
    Group g;
    g.kind = eq == std::string::npos ? "" : spec.substr(eq + 1);
    std::string text = "planc/prn/v1\x1f" + seed + "\x1fg:" + spec.substr(0, eq) + "\x1f";
    std::size_t whole = text.size() / SHA256_CBLOCK * SHA256_CBLOCK;
    SHA256_Init(&g.prefix);
    SHA256_Update(&g.prefix, text.data(), whole);
    g.whole = whole;
    g.rest = text.substr(whole);
    groups.push_back(std::move(g));
  }

  std::vector<char> buffer(1 << 20);
  std::string line;
  std::vector<std::string_view> fields;
  constexpr std::size_t kNone = SIZE_MAX;
  std::size_t uscc = kNone, kind = kNone, status = kNone, last = 0;
  bool header = true;
  unsigned long long rows = 0, hashes = 0, checksum = 0;
  unsigned char digest[SHA256_DIGEST_LENGTH];
  auto row = [&](std::string_view text) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) return;
    if (header) {
      Split(text, SIZE_MAX, fields);
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i] == "uscc") uscc = i;
        if (fields[i] == "kind") kind = i;
        if (fields[i] == "status") status = i;
      }
      if (uscc == kNone || kind == kNone || status == kNone) {
        std::fprintf(stderr, "planc-draw-floor: the header has no uscc, kind or status\n");
        std::exit(2);
      }
      last = std::max({uscc, kind, status});
      header = false;
      return;
    }
    ++rows;
    Split(text, last, fields);
    if (fields.size() <= last || fields[status] != "active") return;
    for (const Group& g : groups) {
      if (!g.kind.empty() && fields[kind] != g.kind) continue;
      std::string_view id = fields[uscc];
      std::size_t size = g.rest.size() + id.size();
      if (size + 9 <= SHA256_CBLOCK) {
        // One last block with SHA-256's padding, as planc's PrnHasher does.
        unsigned char block[SHA256_CBLOCK];
        std::memcpy(block, g.rest.data(), g.rest.size());
        std::memcpy(block + g.rest.size(), id.data(), id.size());
        block[size] = 0x80;
        std::memset(block + size + 1, 0, SHA256_CBLOCK - 8 - size - 1);
        std::uint64_t bits = (g.whole + size) * 8;
        for (int i = 0; i < 8; ++i) {
          block[SHA256_CBLOCK - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
        }
        SHA256_CTX ctx = g.prefix;
        SHA256_Transform(&ctx, block);
        checksum += ctx.h[0] >> 24;
      } else {
        SHA256_CTX ctx = g.prefix;
        SHA256_Update(&ctx, g.rest.data(), g.rest.size());
        SHA256_Update(&ctx, id.data(), id.size());
        SHA256_Final(digest, &ctx);
        checksum += digest[0];
      }
      ++hashes;
    }
  };
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
    const char* p = buffer.data();
    const char* end = p + got;
    while (p < end) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
      const char* stop = nl ? nl : end;
      if (nl && line.empty()) {
        row(std::string_view(p, stop - p));  // a whole line inside the chunk: no copy
      } else {
        line.append(p, stop);
        if (nl) {
          row(line);
          line.clear();
        }
      }
      p = nl ? nl + 1 : end;
    }
  }
  if (!line.empty()) row(line);
  std::fclose(file);
  std::printf("%llu rows, %llu hashes (checksum %llu)\n", rows, hashes, checksum);
  return 0;
}
