#include "compiler/ast/ast.h"

namespace planc::ast {

const char* Name(Coordination value) {
  switch (value) {
    case Coordination::kPositive: return "positive";
    case Coordination::kIndependent: return "independent";
    case Coordination::kNegative: return "negative";
  }
  return "?";
}

const char* Name(TaskType value) {
  return value == TaskType::kRandom ? "random" : "directed";
}

const char* Name(Domain value) {
  return value == Domain::kGeneral ? "general" : "professional";
}

const char* Name(Organizer value) {
  switch (value) {
    case Organizer::kLocal: return "local";
    case Organizer::kCity: return "city";
    case Organizer::kProvince: return "province";
  }
  return "?";
}

const char* Name(MergeMode value) { return value == MergeMode::kAuto ? "auto" : "never"; }

const char* Name(Method value) {
  switch (value) {
    case Method::kOnsite: return "onsite";
    case Method::kDocuments: return "documents";
    case Method::kOnline: return "online";
  }
  return "?";
}

const char* Name(PlanFieldKind value) {
  switch (value) {
    case PlanFieldKind::kAuthority: return "authority";
    case PlanFieldKind::kDocument: return "document";
    case PlanFieldKind::kIssued: return "issued";
    case PlanFieldKind::kYear: return "year";
    case PlanFieldKind::kRules: return "rules";
    case PlanFieldKind::kRegistry: return "registry";
    case PlanFieldKind::kStats: return "stats";
    case PlanFieldKind::kBase: return "base";
    case PlanFieldKind::kCoordination: return "coordination";
  }
  return "?";
}

const char* Name(TaskFieldKind value) {
  switch (value) {
    case TaskFieldKind::kType: return "type";
    case TaskFieldKind::kDomain: return "domain";
    case TaskFieldKind::kOrganizer: return "organizer";
    case TaskFieldKind::kLead: return "lead";
    case TaskFieldKind::kWith: return "with";
    case TaskFieldKind::kTargets: return "targets";
    case TaskFieldKind::kItems: return "items";
    case TaskFieldKind::kMethod: return "method";
    case TaskFieldKind::kSample: return "sample";
    case TaskFieldKind::kWindow: return "window";
    case TaskFieldKind::kInspectors: return "inspectors";
    case TaskFieldKind::kMerge: return "merge";
    case TaskFieldKind::kNote: return "note";
    case TaskFieldKind::kWaive: return "waive";
  }
  return "?";
}

}  // namespace planc::ast
