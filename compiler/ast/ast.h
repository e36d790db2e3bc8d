#ifndef PLANC_AST_AST_H_
#define PLANC_AST_AST_H_

#include <optional>
#include <string>
#include <vector>

#include "compiler/expr/expr.h"
#include "compiler/source/source_file.h"

// The plan's own syntax tree: what was written, with spans, and nothing
// of ANTLR. Keyword spelling (English or Chinese) is not recorded.
namespace planc::ast {

using expr::Expr;
using expr::Literal;

struct Ident {
  std::string name;
  SourceRange range;
};

struct StringLit {
  std::string value;  // escapes decoded
  SourceRange range;
};

enum class Coordination { kPositive, kIndependent, kNegative };
enum class TaskType { kRandom, kDirected };
enum class Domain { kGeneral, kProfessional };
enum class Organizer { kLocal, kCity, kProvince };
enum class MergeMode { kAuto, kNever };
enum class Method { kOnsite, kDocuments, kOnline };

struct MethodRef {
  Method method;
  SourceRange range;
};

// `value` or `value min floor`, as written; sema decides ratio or count.
struct Amount {
  Literal value;
  std::optional<Literal> min;
  SourceRange range;
};

struct CreditEntry {
  Ident credit_class;
  Amount amount;
  SourceRange range;
};

struct Sample {
  bool by_credit = false;
  Amount amount;                      // when !by_credit
  std::vector<CreditEntry> entries;   // when by_credit
  SourceRange range;
};

enum class PlanFieldKind {
  kAuthority, kDocument, kIssued, kYear, kRules, kRegistry, kStats, kBase, kCoordination,
};

struct PlanField {
  PlanFieldKind kind;
  SourceRange keyword;
  SourceRange range;                 // keyword through value
  Literal literal;                   // authority document issued year registry stats
  std::vector<Ident> names;          // rules
  Expr expr;                         // base
  Coordination coordination = Coordination::kPositive;
};

enum class TaskFieldKind {
  kType, kDomain, kOrganizer, kLead, kWith, kTargets, kItems, kMethod, kSample, kWindow,
  kInspectors, kMerge, kNote, kWaive,
};

struct TaskField {
  TaskFieldKind kind;
  SourceRange keyword;
  SourceRange range;
  TaskType type = TaskType::kRandom;
  Domain domain = Domain::kGeneral;
  Organizer organizer = Organizer::kLocal;
  MergeMode merge = MergeMode::kAuto;
  Ident ident;                       // lead, inspectors' pool, waived rule
  std::vector<Ident> idents;         // with
  std::vector<StringLit> strings;    // items
  std::vector<MethodRef> methods;    // method
  Expr expr;                         // targets
  Sample sample;                     // sample
  Literal literal;                   // note, window start, inspectors count
  Literal literal2;                  // window end
  StringLit reason;                  // waive
};

struct PlanDecl {
  StringLit title;
  std::vector<PlanField> fields;
  SourceRange keyword;
  SourceRange range;
  bool has_syntax_error = false;
};

struct UnitDecl {
  Ident id;
  std::optional<StringLit> full_name;
  SourceRange range;
};

// `scope` (registry predicate) or `pool` (inspector predicate).
struct PredicateDecl {
  Ident id;
  Expr expr;
  SourceRange range;
  bool has_syntax_error = false;
};

struct TaskDecl {
  Ident id;
  StringLit name;
  std::vector<TaskField> fields;
  SourceRange range;
  bool has_syntax_error = false;
};

struct WaiveDecl {
  Ident rule;
  std::vector<Ident> tasks;
  StringLit reason;
  SourceRange range;
};

// One plan file, declarations of each kind in source order.
struct Plan {
  std::vector<PlanDecl> plans;
  std::vector<UnitDecl> units;
  std::vector<PredicateDecl> scopes;
  std::vector<PredicateDecl> pools;
  std::vector<TaskDecl> tasks;
  std::vector<WaiveDecl> waives;
};

const char* Name(Coordination value);
const char* Name(TaskType value);
const char* Name(Domain value);
const char* Name(Organizer value);
const char* Name(MergeMode value);
const char* Name(Method value);
const char* Name(PlanFieldKind value);
const char* Name(TaskFieldKind value);

}  // namespace planc::ast

#endif  // PLANC_AST_AST_H_
