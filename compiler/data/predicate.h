#ifndef PLANC_DATA_PREDICATE_H_
#define PLANC_DATA_PREDICATE_H_

#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/data/table.h"
#include "compiler/diag/engine.h"
#include "compiler/expr/expr.h"

namespace planc::data {

// Scope or pool predicates compiled against one file's header: every name
// is resolved to a column id or a named predicate once, so evaluating a row
// touches no strings but the row's. Named predicates are evaluated at most
// once per row.
class RowPredicates {
 public:
  // `named` are the plan's scopes (or pools), which predicates may name.
  RowPredicates(const Header& header, const TableSpec& spec, SourcePtr plan_file,
                Diagnostics& diags);
  ~RowPredicates();

  void AddNamed(const std::string& name, const expr::Expr& e);
  // Compiles every named predicate, reporting each unknown column once;
  // false when there was one.
  bool CompileAllNamed();
  // Compiles `e`; returns its id, or -1 after reporting a column the file
  // does not have (E0112) at the name's span in the plan.
  int Add(const expr::Expr& e);

  // Starts a new row; then Eval(id) for any compiled predicate.
  void SetRow(const Row& row);
  bool Eval(int id);

  // The leaves of predicate `id`: the nodes below its `and`, `or`, `not` and
  // named predicates, whose truth values decide it. Appended, without repeats.
  void CollectLeaves(int id, std::vector<int>& leaves) const;
  // The columns node `id` reads, named predicates followed. Appended.
  void CollectColumns(int id, std::vector<int>& columns) const;

 private:
  struct Node;
  int Compile(const expr::Expr& e);
  int CompileNamed(const std::string& name, const expr::Expr& at);
  // Turns a test of a text column against a string literal into a direct one.
  void Specialise(Node& node);
  bool Truth(int node);
  struct Value;
  Value Evaluate(int node);

  const Header& header_;
  const TableSpec& spec_;
  SourcePtr plan_file_;
  Diagnostics& diags_;
  bool failed_ = false;
  std::vector<Node> nodes_;
  std::map<std::string, const expr::Expr*> named_exprs_;
  std::map<std::string, int> named_nodes_;  // compiled named predicates
  std::vector<std::uint64_t> memo_row_;     // per node: row generation of memo_value_
  std::vector<char> memo_value_;
  std::uint64_t generation_ = 0;
  const Row* row_ = nullptr;
};

// Keys of at most 32 bytes are their length and four 8-byte words (a
// Chinese licence or tag of six to ten characters is 18 to 30 bytes): a
// small direct-mapped cache of those answers most lookups of such keys
// without hashing or comparing bytes (a hit is exact). KeyTable keeps one
// in front of its slots.
class ShortKeyCache {
 public:
  static constexpr std::uint32_t kMiss = ~std::uint32_t{0};
  static constexpr std::size_t kMaxSize = 32;
  // The value last put for `key` if still cached, or kMiss.
  std::uint32_t Find(std::string_view key) const {
    Words w;
    if (!w.Of(key)) return kMiss;
    const Entry& e = entries_[w.Slot(key.size())];
    return e.size == key.size() && e.words == w ? e.value : kMiss;
  }
  // Caches `value` for `key` (nothing for a key longer than kMaxSize).
  void Put(std::string_view key, std::uint32_t value) {
    Words w;
    if (!w.Of(key)) return;
    entries_[w.Slot(key.size())] = {w, static_cast<std::uint32_t>(key.size()), value};
  }

 private:
  // Four words that, with the length, tell apart every key of at most 32
  // bytes (overlapping loads that cover all its bytes).
  struct Words {
    std::uint64_t a = 0, b = 0, c = 0, d = 0;
    bool operator==(const Words& o) const { return a == o.a && b == o.b && c == o.c && d == o.d; }
    // False for a key longer than kMaxSize.
    bool Of(std::string_view key) {
      const char* p = key.data();
      std::size_t n = key.size();
      if (n > kMaxSize) return false;
      if (n >= 16) {
        std::memcpy(&a, p, 8);
        std::memcpy(&b, p + 8, 8);
        std::memcpy(&c, p + n - 16, 8);
        std::memcpy(&d, p + n - 8, 8);
      } else if (n >= 8) {
        std::memcpy(&a, p, 8);
        std::memcpy(&b, p + n - 8, 8);
      } else if (n >= 4) {
        std::uint32_t x, y;
        std::memcpy(&x, p, 4);
        std::memcpy(&y, p + n - 4, 4);
        a = x;
        b = y;
      } else if (n > 0) {
        a = static_cast<unsigned char>(p[0]) |
            std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
            std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
      }
      return true;
    }
    std::size_t Slot(std::size_t size) const {
      std::uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ ((b + size) * 0xC2B2AE3D27D4EB4Full) ^
                        (c * 0x165667B19E3779F9ull) ^ (d * 0xD6E8FEB86659FD93ull);
      return static_cast<std::size_t>(h >> 54) & (kSlots - 1);
    }
  };

  static constexpr std::size_t kSlots = 1024;
  struct Entry {
    Words words;
    std::uint32_t size = ~std::uint32_t{0};  // none
    std::uint32_t value = 0;
  };
  std::vector<Entry> entries_ = std::vector<Entry>(kSlots);
};

// Byte strings to numbers, for RowClassifier: open addressing, the keys
// kept one after another. (std::unordered_map cost a third of a registry
// scan: a node per key, a modulo per lookup, and no lookup by
// std::string_view in C++17; Boost 1.74 has no flat map.)
class KeyTable {
 public:
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};
  // At most `limit` keys.
  explicit KeyTable(std::size_t limit);
  // The value of `key`, or kNone.
  std::uint32_t Find(std::string_view key) const;
  // Adds a key that is not in the table; false when the table is full.
  bool Insert(std::string_view key, std::uint32_t value);
  std::size_t size() const { return used_; }

 private:
  std::uint32_t Probe(std::string_view key, std::uint64_t hash) const;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;  // of the key in keys_
    std::uint32_t size = 0;
    std::uint32_t value = kNone;  // kNone: the slot is free
  };
  void Grow();
  std::size_t limit_;
  std::string keys_;
  std::vector<Slot> slots_;  // a power of two, at most half full
  std::size_t used_ = 0;
  mutable ShortKeyCache recent_;  // short keys found or added lately
};

// Evaluates a fixed list of predicates on many rows. Their truth values
// depend only on the cells they read, and most rows of a registry share
// those cells (kind, industry, licences, tags) with many others; so the
// outcome is remembered per distinct combination of the cells of the
// "keyed" columns, and only the leaves that read other columns (codes,
// names, dates) are evaluated on every row. Each keyed cell is first turned
// into a small number per column (small tables that stay in cache), and the
// combination of those numbers is the key. Memory is bounded: a column with
// more than kMaxValues values, or a combination past kMaxKeys, is simply
// evaluated in full.
class RowClassifier {
 public:
  // `roots` are compiled ids of `predicates`; `keyed[c]` says column c has
  // few distinct values.
  RowClassifier(RowPredicates& predicates, std::vector<int> roots, std::vector<bool> keyed);

  // The outcome of `row`: an index for Holds().
  std::uint32_t Classify(const Row& row);
  // Whether a row of outcome `index` satisfies roots[r].
  bool Holds(std::uint32_t index, std::size_t r) const {
    return (outcomes_[index][r >> 6] >> (r & 63)) & 1;
  }
  std::size_t outcome_count() const { return outcomes_.size(); }

  static constexpr std::size_t kMaxValues = std::size_t{1} << 14;  // per keyed column
  static constexpr std::size_t kMaxKeys = std::size_t{1} << 16;    // combinations

 private:
  std::uint32_t Evaluate();

  RowPredicates& predicates_;
  std::vector<int> roots_;
  std::vector<int> key_columns_;  // keyed columns some leaf reads, ascending
  std::vector<int> row_leaves_;   // leaves that read a column that is not keyed
  std::vector<KeyTable> values_;  // per key column: cell -> its number
  KeyTable keys_;                 // numbers of the cells (and row leaves) -> outcome
  std::vector<std::uint32_t> key_;
  std::vector<std::vector<std::uint64_t>> outcomes_;
  std::map<std::vector<std::uint64_t>, std::uint32_t> outcome_ids_;
};

// True when `text` matches `glob`, where `*` stands for any run of characters.
bool GlobMatch(std::string_view text, std::string_view glob);

// True when the `;`-separated list `list` holds `item` (items trimmed).
bool ListHas(std::string_view list, std::string_view item);

}  // namespace planc::data

#endif  // PLANC_DATA_PREDICATE_H_
