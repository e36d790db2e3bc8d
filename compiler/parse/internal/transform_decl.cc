#include "compiler/parse/internal/transform.h"

namespace planc::parse_internal {
namespace {

ast::Coordination CoordinationOf(G::CoordinationContext* ctx) {
  if (ctx == nullptr) return ast::Coordination::kPositive;
  if (ctx->INDEPENDENT()) return ast::Coordination::kIndependent;
  if (ctx->NEGATIVE()) return ast::Coordination::kNegative;
  return ast::Coordination::kPositive;
}

// One plan field; returns false for `;` and fields lost to error recovery.
bool TransformPlanField(G::PlanFieldContext* ctx, Context& context, ast::PlanField& field) {
  using K = ast::PlanFieldKind;
  field.range = context.RangeOf(ctx);
  field.keyword = context.RangeOf(ctx->getStart());
  if (auto* c = dynamic_cast<G::PlanAuthorityContext*>(ctx)) {
    field.kind = K::kAuthority;
    field.literal = TransformLiteral(c->literal(), context);
  } else if (auto* c = dynamic_cast<G::PlanDocumentContext*>(ctx)) {
    field.kind = K::kDocument;
    field.literal = TransformLiteral(c->literal(), context);
  } else if (auto* c = dynamic_cast<G::PlanIssuedContext*>(ctx)) {
    field.kind = K::kIssued;
    field.literal = TransformLiteral(c->literal(), context);
  } else if (auto* c = dynamic_cast<G::PlanYearContext*>(ctx)) {
    field.kind = K::kYear;
    field.literal = TransformLiteral(c->literal(), context);
  } else if (auto* c = dynamic_cast<G::PlanRegistryContext*>(ctx)) {
    field.kind = K::kRegistry;
    field.literal = TransformLiteral(c->literal(), context);
  } else if (auto* c = dynamic_cast<G::PlanStatsContext*>(ctx)) {
    field.kind = K::kStats;
    field.literal = TransformLiteral(c->literal(), context);
  } else if (auto* c = dynamic_cast<G::PlanRulesContext*>(ctx)) {
    field.kind = K::kRules;
    if (c->nameList()) {
      for (G::NameContext* name : c->nameList()->name()) {
        ast::Ident id = TransformName(name, context);
        if (!id.name.empty()) field.names.push_back(std::move(id));
      }
    }
  } else if (auto* c = dynamic_cast<G::PlanBaseContext*>(ctx)) {
    field.kind = K::kBase;
    field.expr = TransformExpr(c->expr(), context);
  } else if (auto* c = dynamic_cast<G::PlanCoordinationContext*>(ctx)) {
    field.kind = K::kCoordination;
    field.coordination = CoordinationOf(c->coordination());
  } else {
    return false;
  }
  return true;
}

ast::PlanDecl TransformPlan(G::PlanDeclContext* ctx, Context& context) {
  ast::PlanDecl decl;
  decl.range = context.RangeOf(ctx);
  decl.keyword = context.RangeOf(ctx->PLAN());
  decl.title = TransformString(ctx->STRING(), context);
  decl.has_syntax_error = HasSyntaxError(ctx);
  for (G::PlanFieldContext* field_ctx : ctx->planField()) {
    ast::PlanField field;
    if (TransformPlanField(field_ctx, context, field)) decl.fields.push_back(std::move(field));
  }
  return decl;
}

ast::PredicateDecl TransformPredicate(antlr4::ParserRuleContext* ctx,
                                      antlr4::tree::TerminalNode* id, G::ExprContext* e,
                                      Context& context) {
  ast::PredicateDecl decl;
  decl.range = context.RangeOf(ctx);
  decl.id = TransformIdent(id, context);
  decl.expr = TransformExpr(e, context);
  decl.has_syntax_error = HasSyntaxError(ctx);
  return decl;
}

void TransformDecl(G::DeclContext* ctx, Context& context, ast::Plan& plan) {
  if (auto* c = ctx->planDecl()) {
    plan.plans.push_back(TransformPlan(c, context));
  } else if (auto* c = ctx->unitDecl()) {
    ast::UnitDecl unit;
    unit.range = context.RangeOf(c);
    unit.id = TransformIdent(c->ID(), context);
    if (RealToken(c->STRING())) unit.full_name = TransformString(c->STRING(), context);
    if (!unit.id.name.empty()) plan.units.push_back(std::move(unit));
  } else if (auto* c = ctx->scopeDecl()) {
    ast::PredicateDecl decl = TransformPredicate(c, c->ID(), c->expr(), context);
    if (!decl.id.name.empty()) plan.scopes.push_back(std::move(decl));
  } else if (auto* c = ctx->poolDecl()) {
    ast::PredicateDecl decl = TransformPredicate(c, c->ID(), c->expr(), context);
    if (!decl.id.name.empty()) plan.pools.push_back(std::move(decl));
  } else if (auto* c = ctx->taskDecl()) {
    ast::TaskDecl task = TransformTask(c, context);
    if (!task.id.name.empty()) plan.tasks.push_back(std::move(task));
  } else if (auto* c = ctx->waiveDecl()) {
    ast::WaiveDecl waive;
    waive.range = context.RangeOf(c);
    waive.rule = TransformName(c->name(), context);
    waive.tasks = TransformIdList(c->idList(), context);
    waive.reason = TransformString(c->STRING(), context);
    if (!waive.rule.name.empty()) plan.waives.push_back(std::move(waive));
  }
}

}  // namespace

ast::Plan TransformFile(G::FileContext* ctx, Context& context) {
  ast::Plan plan;
  if (ctx == nullptr) return plan;
  for (G::DeclContext* decl : ctx->decl()) TransformDecl(decl, context, plan);
  return plan;
}

}  // namespace planc::parse_internal
