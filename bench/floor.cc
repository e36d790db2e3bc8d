// The floor for `planc stats`: read the file in large chunks and SHA-256 one
// short string (the row's first field) per row, with OpenSSL. Any program
// that reads every row and hashes something per row costs at least this.
//   planc-floor FILE
#include <openssl/evp.h>

#include <cstdio>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: planc-floor FILE\n");
    return 2;
  }
  std::FILE* file = std::fopen(argv[1], "rb");
  if (!file) {
    std::perror(argv[1]);
    return 2;
  }
  std::vector<char> buffer(1 << 20);
  std::vector<char> line;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  unsigned long long rows = 0, checksum = 0;
  auto hash_row = [&]() {
    std::size_t cut = 0;
    while (cut < line.size() && line[cut] != ',') ++cut;
    EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
    EVP_DigestUpdate(ctx, line.data(), cut);
    EVP_DigestFinal_ex(ctx, digest, &length);
    checksum += digest[0];
    ++rows;
    line.clear();
  };
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
    const char* p = buffer.data();
    const char* end = p + got;
    while (p < end) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
      const char* stop = nl ? nl : end;
      line.insert(line.end(), p, stop);
      if (nl) hash_row();
      p = nl ? nl + 1 : end;
    }
  }
  if (!line.empty()) hash_row();
  std::fclose(file);
  EVP_MD_CTX_free(ctx);
  std::printf("%llu rows (checksum %llu)\n", rows, checksum);
  return 0;
}
