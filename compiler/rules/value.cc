#include "compiler/rules/value.h"

namespace planc::rules {

Type Type::ListOf(Type element) {
  Type t = Of(Kind::kList);
  t.element = std::make_shared<const Type>(std::move(element));
  return t;
}

Type Type::Object(const Schema* schema) {
  Type t = Of(Kind::kObject);
  t.schema = schema;
  return t;
}

bool Type::SameAs(const Type& o) const {
  if (kind != o.kind) return false;
  if (kind == Kind::kList) {
    if (!element || !o.element) return true;  // the empty list literal
    return element->SameAs(*o.element);
  }
  if (kind == Kind::kObject) return schema == o.schema;
  return true;
}

std::string Describe(const Type& type, bool zh) {
  switch (type.kind) {
    case Type::Kind::kNull: return zh ? "空值" : "null";
    case Type::Kind::kBool: return zh ? "条件（真/假）" : "a condition (true/false)";
    case Type::Kind::kNumber: return zh ? "数值" : "a number";
    case Type::Kind::kDate: return zh ? "日期" : "a date";
    case Type::Kind::kString: return zh ? "文本" : "a text";
    case Type::Kind::kList:
      if (!type.element) return zh ? "列表" : "a list";
      return zh ? Describe(*type.element, true) + "的列表"
                : "a list of " + Describe(*type.element, false);
    case Type::Kind::kObject:
      return zh ? "对象 " + type.schema->name : "a " + type.schema->name;
  }
  return "?";
}

const Field* Schema::Find(const std::string& name) const {
  int i = IndexOf(name);
  return i < 0 ? nullptr : &fields[static_cast<std::size_t>(i)];
}

int Schema::IndexOf(const std::string& name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const Value& Value::Get(const std::string& name) const {
  static const Value kNull;
  if (kind != Kind::kObject || !object) return kNull;
  int i = object->schema->IndexOf(name);
  return i < 0 ? kNull : object->fields[static_cast<std::size_t>(i)];
}

std::string Format(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull: return "null";
    case Value::Kind::kMissing: return "?";
    case Value::Kind::kBool: return v.truth ? "true" : "false";
    case Value::Kind::kNumber: return v.percent ? v.number.ToPercent() : v.number.ToString();
    case Value::Kind::kDate: return v.date.ToString();
    case Value::Kind::kString: return v.text;
    case Value::Kind::kList: {
      std::string out;
      for (const Value& item : *v.list) out += (out.empty() ? "" : "、") + Format(item);
      return out;
    }
    case Value::Kind::kObject: {
      const Value& id = v.Get("id");
      return id.kind == Value::Kind::kString ? id.text : v.object->schema->name;
    }
  }
  return "";
}

bool Equal(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::Kind::kNull:
    case Value::Kind::kMissing: return true;
    case Value::Kind::kBool: return a.truth == b.truth;
    case Value::Kind::kNumber: return a.number == b.number;
    case Value::Kind::kDate: return a.date == b.date;
    case Value::Kind::kString: return a.text == b.text;
    case Value::Kind::kList:
      if (a.list->size() != b.list->size()) return false;
      for (std::size_t i = 0; i < a.list->size(); ++i) {
        if (!Equal((*a.list)[i], (*b.list)[i])) return false;
      }
      return true;
    case Value::Kind::kObject:
      return a.object == b.object ||
             (a.object->schema == b.object->schema && Equal(a.Get("id"), b.Get("id")) &&
              a.Get("id").kind == Value::Kind::kString);
  }
  return false;
}

}  // namespace planc::rules
