#ifndef PLANC_RULES_VALUE_H_
#define PLANC_RULES_VALUE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/expr/date.h"
#include "compiler/source/source_file.h"
#include "compiler/rules/number.h"

// Types and values of the rule language (rules.md "What rules see"): plain
// values, lists, and objects of a fixed schema (plan, task, group, …).
namespace planc::rules {

struct Schema;

struct Type {
  enum class Kind { kNull, kBool, kNumber, kDate, kString, kList, kObject };
  Kind kind = Kind::kNull;
  // Numbers: a ratio, printed as a percentage in messages (3.5%).
  bool percent = false;
  // May be null (a group without a common window).
  bool nullable = false;
  std::shared_ptr<const Type> element;  // kList
  const Schema* schema = nullptr;       // kObject

  static Type Null() { return Type{}; }
  static Type Bool() { return Of(Kind::kBool); }
  static Type Num(bool percent = false) {
    Type t = Of(Kind::kNumber);
    t.percent = percent;
    return t;
  }
  static Type DateT() { return Of(Kind::kDate); }
  static Type String() { return Of(Kind::kString); }
  static Type ListOf(Type element);
  static Type Object(const Schema* schema);
  static Type Of(Kind kind) {
    Type t;
    t.kind = kind;
    return t;
  }
  Type Nullable() const {
    Type t = *this;
    t.nullable = true;
    return t;
  }
  // The same kind of value (lists by element, objects by schema).
  bool SameAs(const Type& o) const;
};

// How a type reads in a message: "a number", "a list of tasks", ….
std::string Describe(const Type& type, bool zh);

struct Field {
  std::string name;
  Type type;
  const char* en = "";  // what it is, for docs/rules.md and suggestions
};

struct Schema {
  std::string name;  // "task", "plan", …
  std::vector<Field> fields;
  const Field* Find(const std::string& name) const;
  int IndexOf(const std::string& name) const;
};

struct Value;
using List = std::vector<Value>;

struct Object {
  const Schema* schema = nullptr;
  std::vector<Value> fields;  // in schema order
};

struct Value {
  // kMissing: a population figure the plan has no counts for.
  enum class Kind { kNull, kMissing, kBool, kNumber, kDate, kString, kList, kObject };
  Kind kind = Kind::kNull;
  bool truth = false;
  Number number;
  bool percent = false;  // print as a percentage
  Date date;
  std::string text;
  std::shared_ptr<const List> list;
  std::shared_ptr<const Object> object;
  // Where in the plan the value is written, for a rule's `at`.
  std::optional<SourceRange> where;

  static Value Null() { return Value{}; }
  static Value Missing() {
    Value v;
    v.kind = Kind::kMissing;
    return v;
  }
  static Value Bool(bool b) {
    Value v;
    v.kind = Kind::kBool;
    v.truth = b;
    return v;
  }
  static Value Num(Number n, bool percent = false) {
    Value v;
    v.kind = Kind::kNumber;
    v.number = n;
    v.percent = percent;
    return v;
  }
  static Value Int(std::int64_t n) { return Num(Number::Of(n)); }
  static Value DateV(Date d) {
    Value v;
    v.kind = Kind::kDate;
    v.date = d;
    return v;
  }
  static Value Str(std::string s) {
    Value v;
    v.kind = Kind::kString;
    v.text = std::move(s);
    return v;
  }
  static Value ListV(List items) {
    Value v;
    v.kind = Kind::kList;
    v.list = std::make_shared<const List>(std::move(items));
    return v;
  }
  static Value Obj(std::shared_ptr<const Object> o) {
    Value v;
    v.kind = Kind::kObject;
    v.object = std::move(o);
    return v;
  }
  // The field `name` of an object value (null when absent).
  const Value& Get(const std::string& name) const;
  Value At(SourceRange range) && {
    where = range;
    return std::move(*this);
  }
};

// A value as a message shows it: dates ISO, percentages "3.5%", numbers
// with at most two decimals, lists joined by "、", objects by their id.
std::string Format(const Value& v);

// Equality of two values of the same type (lists element by element,
// objects by identity of their id field).
bool Equal(const Value& a, const Value& b);

}  // namespace planc::rules

#endif  // PLANC_RULES_VALUE_H_
