#include <fmt/format.h>

#include "compiler/emit/emit.h"

namespace planc::emit {
namespace {

// A DOT string: quotes and backslashes escaped, line breaks as \n.
std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string OverlapDot(const model::Model& model, const overlap::Overlap& overlap) {
  const sema::Plan& plan = *model.plan;
  auto id = [&](std::size_t t) { return model.tasks[t].task->id; };
  std::string out = "graph overlap {\n";
  out += fmt::format("  label={};\n  labelloc=t;\n  node [shape=box];\n",
                     Quote(fmt::format("{} — coordination {}", plan.title,
                                       ast::Name(overlap.mode))));
  for (std::size_t g = 0; g < overlap.groups.size(); ++g) {
    const overlap::Group& group = overlap.groups[g];
    std::string label = fmt::format("group {}", group.id);
    if (group.common) {
      label += fmt::format("\n{} .. {}", group.common->first.ToString(),
                           group.common->second.ToString());
    }
    out += fmt::format("  subgraph {} {{\n    label={};\n", Quote("cluster_" + group.id),
                       Quote(label));
    for (std::size_t t : group.tasks) {
      const model::TaskModel& tm = model.tasks[t];
      const sema::Task& task = *tm.task;
      std::string node = fmt::format("{}\n{}\n{} .. {}", task.id, task.name,
                                     task.window.start.ToString(), task.window.end.ToString());
      if (tm.planned) node += fmt::format("\nplanned {}", *tm.planned);
      if (task.merge == ast::MergeMode::kNever) node += "\nmerge never";
      out += fmt::format("    {} [label={}];\n", Quote(task.id), Quote(node));
    }
    out += "  }\n";
  }
  for (const overlap::Edge& e : overlap.edges) {
    std::string label = e.weight ? overlap::FormatExpected(*e.weight) : "";
    if (!e.scopes.empty()) label = e.scopes.front();
    out += fmt::format("  {} -- {} [label={}];\n", Quote(id(e.a)), Quote(id(e.b)), Quote(label));
  }
  for (const overlap::Edge& e : overlap.disjoint) {
    out += fmt::format("  {} -- {} [style=dashed, color=gray, constraint=false];\n",
                       Quote(id(e.a)), Quote(id(e.b)));
  }
  out += "}\n";
  return out;
}

}  // namespace planc::emit
