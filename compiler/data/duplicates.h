#ifndef PLANC_DATA_DUPLICATES_H_
#define PLANC_DATA_DUPLICATES_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/data/text_source.h"
#include "compiler/diag/engine.h"

// Finding unified social credit codes that occur more than once in a
// registry without keeping the codes: `planc stats` and `planc draw` both
// refuse such a registry.
namespace planc::data {

// The 64-bit hashes of every code, appended as rows pass; equal hashes are
// suspected duplicates, confirmed exactly by a second pass over those codes
// only. The hashes are kept in runs grouped by their top bits (buckets), and
// equal hashes are found bucket by bucket, with a table per bucket that
// stays in cache: a third to a half of the time that sorting them took, on
// millions of codes. Memory stays bounded: every 4M hashes (32 MiB) are
// grouped and spilled to a temporary file.
class SeenCodes {
 public:
  SeenCodes() = default;
  SeenCodes(const SeenCodes&) = delete;
  SeenCodes& operator=(const SeenCodes&) = delete;
  ~SeenCodes();
  void Add(std::string_view code);
  // Groups the hashes added so far into a run of their own: a thread
  // reading part of a registry (data/parts.h) does so itself before Absorb.
  void Seal();
  // Takes over the codes of `other` (sealed first), as if added here.
  void Absorb(SeenCodes& other);
  // The hashes that occur more than once, ascending.
  std::vector<std::uint64_t> Repeated();

 private:
  // A run in bucket order; starts[b] is where bucket b starts, with the
  // run's size last.
  struct Grouped {
    std::vector<std::uint64_t> values;
    std::vector<std::uint64_t> starts;
  };
  struct Spilled {
    std::FILE* file;
    std::vector<std::uint64_t> starts;
  };
  void Spill();
  std::vector<std::uint64_t> hashes_;  // the current run, as added
  std::vector<Grouped> grouped_;       // runs in memory
  std::vector<Spilled> spilled_;       // runs in temporary files
};

// Second pass over the registry at `path` for the suspected duplicate codes
// only, reporting each repeat (E0206) at its line with the line of the first.
// Cell problems were reported by the first pass, so this pass keeps only its
// duplicate reports. Returns true when a duplicate was found.
bool ConfirmDuplicates(const std::string& path, Encoding encoding,
                       const std::vector<std::uint64_t>& suspects, Diagnostics& diags);

// The end of a registry pass shared by `stats` and `draw`: an empty registry
// (E0211), duplicate codes among `seen` (confirmed by ConfirmDuplicates) and
// `invalid` rows are reported; with `skip_invalid` invalid rows are a note
// (N0202) instead. False when the registry cannot be used.
bool FinishRegistry(const std::string& path, Encoding encoding, bool skip_invalid,
                    std::uint64_t rows, std::uint64_t invalid, SeenCodes& seen,
                    Diagnostics& diags);

}  // namespace planc::data

#endif  // PLANC_DATA_DUPLICATES_H_
