#ifndef PLANC_DRAW_RECORD_H_
#define PLANC_DRAW_RECORD_H_

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/draw/jobs.h"
#include "compiler/draw/select.h"
#include "compiler/draw/visits.h"

// A whole draw and its record (draw.md "Outputs of planc draw"): the picks,
// the visits and teams, and the five files of the draw folder, as bytes.
// `planc draw` writes them; `planc verify` makes them again and compares.
namespace planc::draw {

struct DrawOptions {
  data::Encoding encoding = data::Encoding::kAuto;
  // Per file, overriding `encoding` (verify reads each as the draw did).
  std::optional<data::Encoding> registry_encoding, inspectors_encoding, conflicts_encoding;
  bool skip_invalid = false;
  bool recount = false;
  bool publish_inspectors = false;  // an `inspectors` column in publication.csv
};

struct DrawInputs {
  const Jobs* jobs = nullptr;
  std::string seed;  // 64 lowercase hex digits
  std::string registry;
  std::string inspectors;
  std::string conflicts;  // empty: none
  DrawOptions options;
  std::function<void(std::uint64_t)> progress;  // raw registry bytes read
  std::string* registry_sha256_read = nullptr;    // see SelectOptions::sha256_read
};

struct DrawResult {
  Selection selection;
  InspectorDirectory directory;
  std::optional<Conflicts> conflicts;
  std::vector<Visit> visits;
  // What the manifest counts and the summary prints.
  struct Counts {
    std::uint64_t draws = 0;        // picks over all tasks: the checks
    std::uint64_t enterprises = 0;  // distinct enterprises drawn
    std::uint64_t inspectors = 0;   // distinct inspectors sent
  } counts;
  // The draw folder, in the order written: draws.csv, visits.csv,
  // publication.csv, drawjobs.json, manifest.json (the manifest last, as it
  // holds the others' digests).
  std::vector<std::pair<std::string, std::string>> files;
};

// Runs the draw. nullopt when any input is wrong; everything is in `diags`.
std::optional<DrawResult> RunDraw(const DrawInputs& inputs, Diagnostics& diags);

// An encoding as the manifest records it ("utf-8", "gb18030"), and back.
const char* ManifestEncoding(data::Encoding encoding);
std::optional<data::Encoding> ParseManifestEncoding(const std::string& name);

}  // namespace planc::draw

#endif  // PLANC_DRAW_RECORD_H_
