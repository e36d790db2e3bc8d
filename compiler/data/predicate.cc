#include "compiler/data/predicate.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "compiler/expr/decimal.h"
#include "compiler/util/strings.h"

namespace planc::data {

// A compiled expression node. Children are node ids.
struct RowPredicates::Node {
  enum class Kind {
    kTrue, kFalse, kNamed, kColumn, kString, kNumber, kList, kAnd, kOr, kNot, kCompare, kIn,
    kHas, kStartsWith, kMatches, kSize, kCond,
    // A text column tested against a string literal: the common case, done
    // directly on the cell (`column` and `text` hold both sides).
    kColumnHas, kColumnStartsWith, kColumnMatches, kColumnCompare,
  };
  Kind kind = Kind::kTrue;
  expr::Op op = expr::Op::kEq;
  int column = -1;
  ValueKind column_kind = ValueKind::kText;
  std::string text;                 // kString
  Decimal number;                   // kNumber
  std::vector<std::string> items;   // kList of literals
  std::vector<int> kids;
};

// What evaluating a node gives: text (strings, ISO dates, lists as written),
// a number, a truth value, or nothing (an empty cell of a number column).
struct RowPredicates::Value {
  enum class Kind { kText, kNumber, kBool, kNone, kItems };
  Kind kind = Kind::kNone;
  std::string_view text;
  Decimal number;
  bool truth = false;
  const std::vector<std::string>* items = nullptr;
};

bool GlobMatch(std::string_view text, std::string_view glob) {
  // Iterative wildcard matching with one backtrack point, byte-wise (UTF-8
  // safe because `*` is ASCII and bytes of one character stay together).
  std::size_t t = 0, g = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (g < glob.size() && glob[g] == '*') {
      star = g++;
      mark = t;
    } else if (g < glob.size() && glob[g] == text[t]) {
      ++g;
      ++t;
    } else if (star != std::string_view::npos) {
      g = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

bool ListHas(std::string_view list, std::string_view item) {
  while (true) {
    std::size_t cut = list.find(';');
    std::string_view part = list.substr(0, cut);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (part == item) return true;
    if (cut == std::string_view::npos) return false;
    list.remove_prefix(cut + 1);
  }
}

RowPredicates::RowPredicates(const Header& header, const TableSpec& spec, SourcePtr plan_file,
                             Diagnostics& diags)
    : header_(header), spec_(spec), plan_file_(std::move(plan_file)), diags_(diags) {}

RowPredicates::~RowPredicates() = default;

void RowPredicates::AddNamed(const std::string& name, const expr::Expr& e) {
  named_exprs_[name] = &e;
}

bool RowPredicates::CompileAllNamed() {
  bool ok = true;
  for (const auto& [name, e] : named_exprs_) {
    failed_ = false;
    CompileNamed(name, *e);
    ok = ok && !failed_;
  }
  return ok;
}

int RowPredicates::Add(const expr::Expr& e) {
  failed_ = false;
  int id = Compile(e);
  return failed_ ? -1 : id;
}

int RowPredicates::CompileNamed(const std::string& name, const expr::Expr& at) {
  auto done = named_nodes_.find(name);
  if (done != named_nodes_.end()) return done->second;
  // Sema has ruled out cycles, so this recursion ends.
  int body = Compile(*named_exprs_[name]);
  Node node;
  node.kind = Node::Kind::kNamed;
  node.kids = {body};
  nodes_.push_back(std::move(node));
  int id = static_cast<int>(nodes_.size()) - 1;
  named_nodes_[name] = id;
  return id;
}

int RowPredicates::Compile(const expr::Expr& e) {
  using K = Node::Kind;
  Node node;
  switch (e.kind) {
    case expr::Expr::Kind::kName: {
      if (named_exprs_.count(e.name)) return CompileNamed(e.name, e);
      auto it = std::find(header_.names.begin(), header_.names.end(), e.name);
      if (it == header_.names.end() ||
          header_.column_to_field[it - header_.names.begin()] < 0) {
        std::vector<std::string> present;
        for (std::size_t c = 0; c < header_.names.size(); ++c) {
          if (header_.column_to_field[c] >= 0) present.push_back(header_.names[c]);
        }
        DiagBuilder d(DiagKind::kUnknownColumn, plan_file_, e.range);
        d.Message(fmt::format("the {} has no column `{}`", spec_.what_en, e.name),
                  fmt::format("{}中没有 `{}` 列", spec_.what_zh, e.name))
            .Label("not a column of the file given", "所给文件中没有这一列")
            .Note(fmt::format("its columns: {}", Join(present, ", ")),
                  fmt::format("文件中的列：{}", Join(present, "、")));
        if (auto guess = ClosestName(e.name, present)) {
          d.Help(fmt::format("did you mean `{}`?", *guess), fmt::format("是否应为 `{}`？", *guess));
        }
        diags_.Add(std::move(d));
        failed_ = true;
        return 0;
      }
      node.kind = K::kColumn;
      node.column = static_cast<int>(it - header_.names.begin());
      node.column_kind = static_cast<std::size_t>(node.column) < spec_.columns.size()
                             ? spec_.columns[node.column].kind
                             : ValueKind::kText;
      break;
    }
    case expr::Expr::Kind::kLiteral: {
      const expr::Literal& lit = e.literal;
      using LK = expr::Literal::Kind;
      if (lit.kind == LK::kBool) {
        node.kind = lit.text == "true" ? K::kTrue : K::kFalse;
      } else if (lit.kind == LK::kInt || lit.kind == LK::kDecimal || lit.kind == LK::kPercent) {
        node.kind = K::kNumber;
        node.number = Decimal::Parse(lit.text, lit.kind == LK::kPercent).value_or(Decimal());
      } else {
        node.kind = K::kString;
        node.text = lit.text;  // dates stay ISO text: they compare as text
      }
      break;
    }
    case expr::Expr::Kind::kList:
      node.kind = K::kList;
      for (const expr::Expr& item : e.children) {
        node.items.push_back(item.kind == expr::Expr::Kind::kLiteral ? item.literal.text : "");
      }
      break;
    case expr::Expr::Kind::kUnary:
      node.kind = K::kNot;
      node.kids = {Compile(e.children[0])};
      break;
    case expr::Expr::Kind::kBinary:
      node.op = e.op;
      node.kind = e.op == expr::Op::kAnd ? K::kAnd
                  : e.op == expr::Op::kOr ? K::kOr
                  : e.op == expr::Op::kIn ? K::kIn
                  : e.op == expr::Op::kHas ? K::kHas
                                           : K::kCompare;
      node.kids = {Compile(e.children[0]), Compile(e.children[1])};
      Specialise(node);
      break;
    case expr::Expr::Kind::kCall:
      node.kind = e.name == "startsWith" ? K::kStartsWith
                  : e.name == "matches"  ? K::kMatches
                                         : K::kSize;
      for (const expr::Expr& child : e.children) node.kids.push_back(Compile(child));
      Specialise(node);
      break;
    case expr::Expr::Kind::kCond:
      node.kind = K::kCond;
      for (const expr::Expr& child : e.children) node.kids.push_back(Compile(child));
      break;
    default:
      // Sema rejects members, indexes and syntax holes in predicates.
      failed_ = true;
      return 0;
  }
  nodes_.push_back(std::move(node));
  return static_cast<int>(nodes_.size()) - 1;
}

void RowPredicates::Specialise(Node& node) {
  using K = Node::Kind;
  if (node.kids.size() != 2 || failed_) return;
  const Node& lhs = nodes_[node.kids[0]];
  const Node& rhs = nodes_[node.kids[1]];
  bool text_column = lhs.kind == K::kColumn && lhs.column_kind != ValueKind::kCount &&
                     lhs.column_kind != ValueKind::kBool;
  if (!text_column || rhs.kind != K::kString) return;
  switch (node.kind) {
    case K::kHas: node.kind = K::kColumnHas; break;
    case K::kStartsWith: node.kind = K::kColumnStartsWith; break;
    case K::kMatches: node.kind = K::kColumnMatches; break;
    case K::kCompare: node.kind = K::kColumnCompare; break;
    default: return;
  }
  node.column = lhs.column;
  node.text = rhs.text;
}

void RowPredicates::SetRow(const Row& row) {
  row_ = &row;
  ++generation_;
  memo_row_.resize(nodes_.size(), 0);
  memo_value_.resize(nodes_.size(), 0);
}

bool RowPredicates::Eval(int id) { return id >= 0 && Truth(id); }

bool RowPredicates::Truth(int id) {
  using K = Node::Kind;
  const Node& node = nodes_[id];
  switch (node.kind) {
    case K::kAnd: return Truth(node.kids[0]) && Truth(node.kids[1]);
    case K::kOr: return Truth(node.kids[0]) || Truth(node.kids[1]);
    case K::kNot: return !Truth(node.kids[0]);
    case K::kNamed:
      if (memo_row_[id] != generation_) {
        memo_row_[id] = generation_;
        memo_value_[id] = Truth(node.kids[0]);
      }
      return memo_value_[id] != 0;
    case K::kColumnHas: return ListHas(row_->values[node.column], node.text);
    case K::kColumnStartsWith:
      return row_->values[node.column].substr(0, node.text.size()) == node.text;
    case K::kColumnMatches: return GlobMatch(row_->values[node.column], node.text);
    case K::kColumnCompare: {
      int cmp = row_->values[node.column].compare(node.text);
      switch (node.op) {
        case expr::Op::kEq: return cmp == 0;
        case expr::Op::kNe: return cmp != 0;
        case expr::Op::kLt: return cmp < 0;
        case expr::Op::kLe: return cmp <= 0;
        case expr::Op::kGt: return cmp > 0;
        case expr::Op::kGe: return cmp >= 0;
        default: return false;
      }
    }
    default: {
      Value v = Evaluate(id);
      return v.kind == Value::Kind::kBool && v.truth;
    }
  }
}

RowPredicates::Value RowPredicates::Evaluate(int id) {
  using K = Node::Kind;
  const Node& node = nodes_[id];
  Value out;
  auto truth = [&](bool b) {
    out.kind = Value::Kind::kBool;
    out.truth = b;
    return out;
  };
  switch (node.kind) {
    case K::kTrue: return truth(true);
    case K::kFalse: return truth(false);
    case K::kNamed: return truth(Truth(id));
    case K::kColumn: {
      std::string_view cell = row_->values[node.column];
      if (node.column_kind == ValueKind::kBool) return truth(cell == "true");
      if (node.column_kind == ValueKind::kCount) {
        if (cell.empty()) return out;  // no limit: compares as nothing
        out.kind = Value::Kind::kNumber;
        out.number = Decimal::Parse(cell).value_or(Decimal());
        return out;
      }
      out.kind = Value::Kind::kText;
      out.text = cell;
      return out;
    }
    case K::kString:
      out.kind = Value::Kind::kText;
      out.text = node.text;
      return out;
    case K::kNumber:
      out.kind = Value::Kind::kNumber;
      out.number = node.number;
      return out;
    case K::kList:
      out.kind = Value::Kind::kItems;
      out.items = &node.items;
      return out;
    case K::kAnd: case K::kOr: case K::kNot: case K::kColumnHas: case K::kColumnStartsWith:
    case K::kColumnMatches: case K::kColumnCompare:
      return truth(Truth(id));
    case K::kCond: return Truth(node.kids[0]) ? Evaluate(node.kids[1]) : Evaluate(node.kids[2]);
    case K::kHas: {
      Value list = Evaluate(node.kids[0]), item = Evaluate(node.kids[1]);
      if (list.kind == Value::Kind::kItems) {
        return truth(std::find(list.items->begin(), list.items->end(), item.text) !=
                     list.items->end());
      }
      return truth(list.kind == Value::Kind::kText && ListHas(list.text, item.text));
    }
    case K::kIn: {
      Value item = Evaluate(node.kids[0]), list = Evaluate(node.kids[1]);
      if (list.kind == Value::Kind::kItems) {
        return truth(std::find(list.items->begin(), list.items->end(), item.text) !=
                     list.items->end());
      }
      return truth(list.kind == Value::Kind::kText && ListHas(list.text, item.text));
    }
    case K::kStartsWith: {
      Value s = Evaluate(node.kids[0]), p = Evaluate(node.kids[1]);
      return truth(s.text.substr(0, p.text.size()) == p.text);
    }
    case K::kMatches: {
      Value s = Evaluate(node.kids[0]), p = Evaluate(node.kids[1]);
      return truth(GlobMatch(s.text, p.text));
    }
    case K::kSize: {
      Value list = Evaluate(node.kids[0]);
      std::int64_t n = 0;
      if (list.kind == Value::Kind::kItems) {
        n = static_cast<std::int64_t>(list.items->size());
      } else if (list.kind == Value::Kind::kText && !list.text.empty()) {
        n = 1 + static_cast<std::int64_t>(std::count(list.text.begin(), list.text.end(), ';'));
      }
      out.kind = Value::Kind::kNumber;
      out.number = Decimal(n, 0);
      return out;
    }
    case K::kCompare: {
      Value l = Evaluate(node.kids[0]), r = Evaluate(node.kids[1]);
      int cmp = 0;
      if (l.kind == Value::Kind::kNone || r.kind == Value::Kind::kNone) {
        // An empty number cell equals nothing and orders against nothing.
        return truth(node.op == expr::Op::kNe);
      }
      if (l.kind == Value::Kind::kNumber && r.kind == Value::Kind::kNumber) {
        cmp = l.number.Compare(r.number);
      } else if (l.kind == Value::Kind::kBool && r.kind == Value::Kind::kBool) {
        cmp = static_cast<int>(l.truth) - static_cast<int>(r.truth);
      } else {
        cmp = l.text.compare(r.text);
        cmp = cmp < 0 ? -1 : (cmp > 0 ? 1 : 0);
      }
      switch (node.op) {
        case expr::Op::kEq: return truth(cmp == 0);
        case expr::Op::kNe: return truth(cmp != 0);
        case expr::Op::kLt: return truth(cmp < 0);
        case expr::Op::kLe: return truth(cmp <= 0);
        case expr::Op::kGt: return truth(cmp > 0);
        case expr::Op::kGe: return truth(cmp >= 0);
        default: return truth(false);
      }
    }
  }
  return out;
}

}  // namespace planc::data

namespace planc::data {
void RowPredicates::CollectLeaves(int id, std::vector<int>& leaves) const {
  using K = Node::Kind;
  const Node& node = nodes_[id];
  if (node.kind == K::kAnd || node.kind == K::kOr || node.kind == K::kNot ||
      node.kind == K::kNamed) {
    for (int kid : node.kids) CollectLeaves(kid, leaves);
    return;
  }
  if (std::find(leaves.begin(), leaves.end(), id) == leaves.end()) leaves.push_back(id);
}

void RowPredicates::CollectColumns(int id, std::vector<int>& columns) const {
  const Node& node = nodes_[id];
  if (node.column >= 0 &&
      std::find(columns.begin(), columns.end(), node.column) == columns.end()) {
    columns.push_back(node.column);
  }
  for (int kid : node.kids) CollectColumns(kid, columns);
}

KeyTable::KeyTable(std::size_t limit) : limit_(limit) { Grow(); }

std::uint32_t KeyTable::Find(std::string_view key) const {
  std::uint32_t value = recent_.Find(key);
  if (value != ShortKeyCache::kMiss) return value;
  value = Probe(key, Hash64(key));
  if (value != kNone) recent_.Put(key, value);
  return value;
}

std::uint32_t KeyTable::Probe(std::string_view key, std::uint64_t hash) const {
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.value == kNone) return kNone;
    if (slot.hash == hash && slot.size == key.size() &&
        std::memcmp(keys_.data() + slot.offset, key.data(), key.size()) == 0) {
      return slot.value;
    }
  }
}

bool KeyTable::Insert(std::string_view key, std::uint32_t value) {
  if (used_ >= limit_ || keys_.size() + key.size() >= (std::size_t{1} << 31)) return false;
  if (2 * (used_ + 1) > slots_.size()) Grow();
  std::uint64_t hash = Hash64(key);
  std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].value != kNone) i = (i + 1) & mask;
  slots_[i] = {hash, static_cast<std::uint32_t>(keys_.size()),
               static_cast<std::uint32_t>(key.size()), value};
  keys_.append(key);
  ++used_;
  recent_.Put(key, value);
  return true;
}

void KeyTable::Grow() {
  std::vector<Slot> old(std::max<std::size_t>(16, 2 * slots_.size()));
  old.swap(slots_);
  std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.value == kNone) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].value != kNone) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

RowClassifier::RowClassifier(RowPredicates& predicates, std::vector<int> roots,
                             std::vector<bool> keyed)
    : predicates_(predicates), roots_(std::move(roots)), keys_(kMaxKeys) {
  std::vector<int> leaves;
  for (int root : roots_) predicates_.CollectLeaves(root, leaves);
  for (int leaf : leaves) {
    std::vector<int> columns;
    predicates_.CollectColumns(leaf, columns);
    bool all_keyed = std::all_of(columns.begin(), columns.end(), [&](int c) {
      return static_cast<std::size_t>(c) < keyed.size() && keyed[c];
    });
    if (!all_keyed) {
      row_leaves_.push_back(leaf);
      continue;
    }
    // A leaf of keyed columns only is decided by their cells (one that
    // reads no column is the same on every row).
    for (int c : columns) {
      if (std::find(key_columns_.begin(), key_columns_.end(), c) == key_columns_.end()) {
        key_columns_.push_back(c);
      }
    }
  }
  std::sort(key_columns_.begin(), key_columns_.end());
  values_.assign(key_columns_.size(), KeyTable(kMaxValues));
  key_.assign(key_columns_.size() + (row_leaves_.size() + 31) / 32, 0);
}

std::uint32_t RowClassifier::Classify(const Row& row) {
  predicates_.SetRow(row);
  // The key: the number of each keyed cell in its column, then the truth of
  // every leaf evaluated per row, one bit each.
  std::size_t k = 0;
  for (; k < key_columns_.size(); ++k) {
    std::string_view cell = row.values[key_columns_[k]];
    KeyTable& table = values_[k];
    std::uint32_t id = table.Find(cell);
    if (id == KeyTable::kNone) {
      id = static_cast<std::uint32_t>(table.size());
      if (!table.Insert(cell, id)) return Evaluate();  // too many values
    }
    key_[k] = id;
  }
  std::fill(key_.begin() + k, key_.end(), 0);
  for (std::size_t i = 0; i < row_leaves_.size(); ++i) {
    if (predicates_.Eval(row_leaves_[i])) key_[k + i / 32] |= std::uint32_t{1} << (i % 32);
  }
  std::string_view key(reinterpret_cast<const char*>(key_.data()), key_.size() * 4);
  std::uint32_t outcome = keys_.Find(key);
  if (outcome != KeyTable::kNone) return outcome;
  outcome = Evaluate();
  keys_.Insert(key, outcome);  // when full, such rows are evaluated in full
  return outcome;
}

// Evaluates every root on the current row: the outcome's index.
std::uint32_t RowClassifier::Evaluate() {
  std::vector<std::uint64_t> bits((roots_.size() + 63) / 64);
  for (std::size_t r = 0; r < roots_.size(); ++r) {
    if (predicates_.Eval(roots_[r])) bits[r >> 6] |= std::uint64_t{1} << (r & 63);
  }
  auto [it, inserted] = outcome_ids_.emplace(bits, static_cast<std::uint32_t>(outcomes_.size()));
  if (inserted) outcomes_.push_back(std::move(bits));
  return it->second;
}

}  // namespace planc::data
