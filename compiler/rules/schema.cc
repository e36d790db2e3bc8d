#include "compiler/rules/schema.h"

namespace planc::rules {
namespace {

Type Str() { return Type::String(); }
Type Strs() { return Type::ListOf(Type::String()); }
Type Num() { return Type::Num(); }
Type Fig() { return Type::Num(); }  // a population figure (Missing without counts)

Schema MakeClasses(const char* name, Type each) {
  Schema s{name, {}};
  for (const char* c : {"A", "B", "C", "D", "U"}) s.fields.push_back({c, each, "class"});
  return s;
}

}  // namespace

const Schema& ClassRatiosSchema() {
  static const Schema s = MakeClasses("class_ratios", Type::Num(true).Nullable());
  return s;
}

const Schema& ClassCountsSchema() {
  static const Schema s = MakeClasses("class_counts", Fig());
  return s;
}

const Schema& WindowSchema() {
  static const Schema s{"window",
                        {{"start", Type::DateT(), "first day"}, {"end", Type::DateT(), "last day"}}};
  return s;
}

const Schema& SampleSchema() {
  static const Schema s{
      "sample",
      {{"mode", Str(), "\"ratio\", \"count\" or \"credit\""},
       {"ratio", Type::Num(true).Nullable(), "the ratio of a `ratio` sample"},
       {"count", Num().Nullable(), "the count of a `count` sample"},
       {"min", Num().Nullable(), "the floor of `r min k`"},
       {"by_class", Type::Object(&ClassRatiosSchema()).Nullable(),
        "the ratios of a `by credit` sample"}}};
  return s;
}

const Schema& InspectorsSchema() {
  static const Schema s{"inspectors",
                        {{"per_visit", Num(), "inspectors per visit"},
                         {"pool", Str(), "the pool they come from"}}};
  return s;
}

const Schema& TaskSchema() {
  // Filled in once; `disjoint` lists tasks, so the schema refers to itself.
  static Schema s;
  static const bool filled = [] {
    s = Schema{
      "task",
      {{"id", Str(), "task id"},
       {"name", Str(), "task name"},
       {"lead", Str(), "lead unit"},
       {"with", Strs(), "cooperating units"},
       {"organizer", Str(), "\"local\", \"city\" or \"province\""},
       {"type", Str(), "\"random\" or \"directed\""},
       {"domain", Str(), "\"general\" or \"professional\""},
       {"targets", Str(), "the targets, as a canonical expression"},
       {"items", Strs(), "check items"},
       {"method", Strs(), "\"onsite\", \"documents\", \"online\""},
       {"window", Type::Object(&WindowSchema()), "the task's period"},
       {"sample", Type::Object(&SampleSchema()), "how many it draws"},
       {"differentiated", Type::Bool(), "samples by credit class with unequal ratios"},
       {"population", Fig(), "units its targets hold"},
       {"population_by_class", Type::Object(&ClassCountsSchema()), "per class"},
       {"planned", Fig(), "units it draws"},
       {"planned_by_class", Type::Object(&ClassCountsSchema()), "per class"},
       {"inspectors", Type::Object(&InspectorsSchema()), "inspectors per visit, and their pool"},
       {"merge", Str(), "\"auto\" or \"never\""},
       {"group", Str(), "id of its coordination group"},
       {"disjoint", Type::ListOf(Type::Object(&s)),
        "earlier tasks (by id) that may draw the same units in windows that do not meet "
        "(their own `disjoint` is empty)"},
       {"waived", Strs(), "rule ids the plan waives for it"}}};
    return true;
  }();
  (void)filled;
  return s;
}

const Schema& GroupSchema() {
  static const Schema s{
      "group",
      {{"id", Str(), "its smallest task id"},
       {"tasks", Type::ListOf(Type::Object(&TaskSchema())), "its tasks, by id"},
       {"coordination", Str(), "\"positive\", \"independent\" or \"negative\""},
       {"window", Type::Object(&WindowSchema()).Nullable(), "the common window, or null"},
       {"planned", Fig(), "planned draws"},
       {"reached", Fig(), "expected distinct units drawn"},
       {"visits", Fig(), "expected visits"}}};
  return s;
}

const Schema& PlanSchema() {
  static const Schema s{
      "plan",
      {{"title", Str(), "title"},
       {"authority", Str(), "issuing authority"},
       {"document", Str(), "document number"},
       {"year", Num(), "plan year"},
       {"issued", Type::DateT().Nullable(), "date issued"},
       {"packs", Strs(), "rule packs in force"},
       {"base", Fig(), "size of the base population"},
       {"base_by_class", Type::Object(&ClassCountsSchema()), "per class"},
       {"tasks", Type::ListOf(Type::Object(&TaskSchema())), "every task, in plan order"},
       {"groups", Type::ListOf(Type::Object(&GroupSchema())), "coordination groups, by id"},
       {"planned", Fig(), "sum of the tasks' planned draws"},
       {"reached", Fig(), "expected distinct base units drawn by any task"},
       {"drawn", Fig(), "expected distinct units drawn, base or not"},
       {"coverage", Type::Num(true), "reached / base"},
       {"visits", Fig(), "expected visits after merging"}}};
  return s;
}

const std::vector<const Schema*>& AllSchemas() {
  static const std::vector<const Schema*> all = {
      &PlanSchema(),       &TaskSchema(),        &GroupSchema(),       &WindowSchema(),
      &SampleSchema(),     &InspectorsSchema(),  &ClassRatiosSchema(), &ClassCountsSchema()};
  return all;
}

}  // namespace planc::rules
