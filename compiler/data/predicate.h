#ifndef PLANC_DATA_PREDICATE_H_
#define PLANC_DATA_PREDICATE_H_

#include <cstdint>
#include <map>
#include <string>
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

// True when `text` matches `glob`, where `*` stands for any run of characters.
bool GlobMatch(std::string_view text, std::string_view glob);

// True when the `;`-separated list `list` holds `item` (items trimmed).
bool ListHas(std::string_view list, std::string_view item);

}  // namespace planc::data

#endif  // PLANC_DATA_PREDICATE_H_
