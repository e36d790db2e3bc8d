#include "compiler/parse/internal/transform.h"

namespace planc::parse_internal {
namespace {

using K = ast::TaskFieldKind;

ast::Method MethodOf(G::MethodContext* ctx) {
  if (ctx->DOCUMENTS()) return ast::Method::kDocuments;
  if (ctx->ONLINE()) return ast::Method::kOnline;
  return ast::Method::kOnsite;
}

ast::Amount TransformAmount(G::AmountContext* ctx, Context& context) {
  ast::Amount amount;
  if (ctx == nullptr) return amount;
  amount.range = context.RangeOf(ctx);
  std::vector<G::LiteralContext*> literals = ctx->literal();
  if (!literals.empty()) amount.value = TransformLiteral(literals[0], context);
  if (literals.size() > 1) amount.min = TransformLiteral(literals[1], context);
  return amount;
}

ast::Sample TransformSample(G::SampleContext* ctx, Context& context) {
  ast::Sample sample;
  if (ctx == nullptr) return sample;
  sample.range = context.RangeOf(ctx);
  if (auto* c = dynamic_cast<G::SampleAmountContext*>(ctx)) {
    sample.amount = TransformAmount(c->amount(), context);
  } else if (auto* c = dynamic_cast<G::SampleByCreditContext*>(ctx)) {
    sample.by_credit = true;
    for (G::CreditEntryContext* entry_ctx : c->creditEntry()) {
      ast::CreditEntry entry;
      entry.range = context.RangeOf(entry_ctx);
      entry.credit_class = TransformIdent(entry_ctx->ID(), context);
      entry.amount = TransformAmount(entry_ctx->amount(), context);
      if (!entry.credit_class.name.empty()) sample.entries.push_back(std::move(entry));
    }
  }
  return sample;
}

// Fills `field` from one task field; false for `;` and recovery leftovers.
bool TransformField(G::TaskFieldContext* ctx, Context& context, ast::TaskField& field) {
  field.range = context.RangeOf(ctx);
  field.keyword = context.RangeOf(ctx->getStart());
  if (auto* c = dynamic_cast<G::FieldTypeContext*>(ctx)) {
    field.kind = K::kType;
    field.type = c->taskType() && c->taskType()->DIRECTED() ? ast::TaskType::kDirected
                                                             : ast::TaskType::kRandom;
  } else if (auto* c = dynamic_cast<G::FieldDomainContext*>(ctx)) {
    field.kind = K::kDomain;
    field.domain = c->taskDomain() && c->taskDomain()->PROFESSIONAL() ? ast::Domain::kProfessional
                                                                      : ast::Domain::kGeneral;
  } else if (auto* c = dynamic_cast<G::FieldOrganizerContext*>(ctx)) {
    field.kind = K::kOrganizer;
    G::OrganizerContext* o = c->organizer();
    field.organizer = o && o->CITY()       ? ast::Organizer::kCity
                      : o && o->PROVINCE() ? ast::Organizer::kProvince
                                           : ast::Organizer::kLocal;
  } else if (auto* c = dynamic_cast<G::FieldLeadContext*>(ctx)) {
    field.kind = K::kLead;
    field.ident = TransformIdent(c->ID(), context);
  } else if (auto* c = dynamic_cast<G::FieldWithContext*>(ctx)) {
    field.kind = K::kWith;
    field.idents = TransformIdList(c->idList(), context);
  } else if (auto* c = dynamic_cast<G::FieldTargetsContext*>(ctx)) {
    field.kind = K::kTargets;
    field.expr = TransformExpr(c->expr(), context);
  } else if (auto* c = dynamic_cast<G::FieldItemsContext*>(ctx)) {
    field.kind = K::kItems;
    if (c->stringList()) {
      for (antlr4::tree::TerminalNode* node : c->stringList()->STRING()) {
        if (RealToken(node)) field.strings.push_back(TransformString(node, context));
      }
    }
  } else if (auto* c = dynamic_cast<G::FieldMethodContext*>(ctx)) {
    field.kind = K::kMethod;
    if (c->methodList()) {
      for (G::MethodContext* m : c->methodList()->method()) {
        if (m->getStart()) field.methods.push_back({MethodOf(m), context.RangeOf(m)});
      }
    }
  } else if (auto* c = dynamic_cast<G::FieldSampleContext*>(ctx)) {
    field.kind = K::kSample;
    field.sample = TransformSample(c->sample(), context);
  } else if (auto* c = dynamic_cast<G::FieldWindowContext*>(ctx)) {
    field.kind = K::kWindow;
    field.literal = TransformLiteral(c->literal(0), context);
    field.literal2 = TransformLiteral(c->literal(1), context);
  } else if (auto* c = dynamic_cast<G::FieldInspectorsContext*>(ctx)) {
    field.kind = K::kInspectors;
    field.literal = TransformLiteral(c->literal(), context);
    field.ident = TransformIdent(c->ID(), context);
  } else if (auto* c = dynamic_cast<G::FieldMergeContext*>(ctx)) {
    field.kind = K::kMerge;
    field.merge = c->mergeMode() && c->mergeMode()->NEVER() ? ast::MergeMode::kNever
                                                            : ast::MergeMode::kAuto;
  } else if (auto* c = dynamic_cast<G::FieldNoteContext*>(ctx)) {
    field.kind = K::kNote;
    field.literal = TransformLiteral(c->literal(), context);
  } else if (auto* c = dynamic_cast<G::FieldWaiveContext*>(ctx)) {
    field.kind = K::kWaive;
    field.ident = TransformName(c->name(), context);
    field.reason = TransformString(c->STRING(), context);
  } else {
    return false;
  }
  return true;
}

}  // namespace

ast::TaskDecl TransformTask(G::TaskDeclContext* ctx, Context& context) {
  ast::TaskDecl task;
  task.range = context.RangeOf(ctx);
  task.id = TransformIdent(ctx->ID(), context);
  task.name = TransformString(ctx->STRING(), context);
  task.has_syntax_error = HasSyntaxError(ctx);
  for (G::TaskFieldContext* field_ctx : ctx->taskField()) {
    ast::TaskField field;
    if (TransformField(field_ctx, context, field)) task.fields.push_back(std::move(field));
  }
  return task;
}

}  // namespace planc::parse_internal
