// The plan language of planc (docs/language.md) and the expression language
// shared with rule packs (docs/rules.md). Every keyword has an English and a
// Chinese spelling; both lex to the same token, so the AST cannot tell them
// apart. Generated at build time; never edit the generated C++.
grammar Plan;

// ---------------------------------------------------------------- parser

file : decl* EOF ;

// A lone expression, for rule packs and canonical predicates.
exprOnly : expr EOF ;

decl
  : planDecl
  | unitDecl
  | scopeDecl
  | poolDecl
  | taskDecl
  | waiveDecl
  | SEMI
  ;

planDecl : PLAN STRING LBRACE planField* RBRACE ;

planField
  : AUTHORITY literal              # planAuthority
  | DOCUMENT literal               # planDocument
  | ISSUED literal                 # planIssued
  | YEAR literal                   # planYear
  | RULES nameList                 # planRules
  | REGISTRY literal               # planRegistry
  | STATS literal                  # planStats
  | BASE expr                      # planBase
  | COORDINATION coordination      # planCoordination
  | SEMI                           # planSemi
  ;

unitDecl  : UNIT ID STRING? ;
scopeDecl : SCOPE ID ASSIGN expr ;
poolDecl  : POOL ID ASSIGN expr ;

taskDecl : TASK ID STRING LBRACE taskField* RBRACE ;

taskField
  : TYPE taskType                          # fieldType
  | DOMAIN taskDomain                      # fieldDomain
  | ORGANIZER organizer                    # fieldOrganizer
  | LEAD ID                                # fieldLead
  | WITH idList                            # fieldWith
  | TARGETS expr                           # fieldTargets
  | ITEMS stringList                       # fieldItems
  | METHOD methodList                      # fieldMethod
  | SAMPLE sample                          # fieldSample
  | WINDOW literal RANGE literal           # fieldWindow
  | INSPECTORS literal FROM ID             # fieldInspectors
  | MERGE mergeMode                        # fieldMerge
  | NOTE literal                           # fieldNote
  | WAIVE name BECAUSE STRING              # fieldWaive
  | SEMI                                   # fieldSemi
  ;

waiveDecl : WAIVE name FOR idList BECAUSE STRING ;

coordination : POSITIVE | INDEPENDENT | NEGATIVE ;
taskType     : RANDOM | DIRECTED ;
taskDomain   : GENERAL | PROFESSIONAL ;
organizer    : LOCAL | CITY | PROVINCE ;
mergeMode    : AUTO | NEVER ;
method       : ONSITE | DOCUMENTS | ONLINE ;

// Lists after a field: `[a, b]` or bare `a, b`.
idList     : LBRACK ID (COMMA ID)* COMMA? RBRACK | ID (COMMA ID)* ;
nameList   : LBRACK name (COMMA name)* COMMA? RBRACK | name (COMMA name)* ;
stringList : LBRACK (STRING (COMMA STRING)* COMMA?)? RBRACK | STRING (COMMA STRING)* ;
methodList : LBRACK method (COMMA method)* COMMA? RBRACK | method (COMMA method)* ;

sample
  : byCredit LBRACE creditEntry (COMMA creditEntry)* COMMA? RBRACE   # sampleByCredit
  | amount                                                           # sampleAmount
  ;
byCredit    : BY CREDIT | BY_CREDIT ;
creditEntry : ID COLON amount ;
amount      : literal (MIN literal)? ;

literal
  : INT | DECIMAL | PERCENT | DATE | MONTH | STRING | TRUE | FALSE
  ;

// ---------------------------------------------------------------- expressions
// Precedence from tightest to loosest, as CEL: postfix, unary, * /, + -,
// comparisons and membership, &&, ||, ?:.
expr
  : primary                                                   # primaryExpr
  | expr DOT name LPAREN args? RPAREN                         # methodExpr
  | expr DOT name                                             # memberExpr
  | expr LBRACK expr RBRACK                                   # indexExpr
  | op=(BANG | NOT | MINUS) expr                              # unaryExpr
  | expr op=(STAR | SLASH) expr                               # mulExpr
  | expr op=(PLUS | MINUS) expr                               # addExpr
  | expr op=(LT | LE | GT | GE | EQ | NE | IN | HAS) expr     # compareExpr
  | expr op=(ANDAND | AND) expr                               # andExpr
  | expr op=(OROR | OR) expr                                  # orExpr
  | <assoc=right> expr QUESTION expr COLON expr               # condExpr
  ;

primary
  : rootName LPAREN args? RPAREN                              # callPrimary
  | rootName                                                  # namePrimary
  | literal                                                   # literalPrimary
  | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK                # listPrimary
  | LPAREN expr RPAREN                                        # parenPrimary
  ;

args : expr (COMMA expr)* COMMA? ;

// A name at the start of an expression: an identifier, or one of the few
// keywords that are also data names (the inspector column `unit`, the registry
// column `credit`, the rule roots `plan` and `task`).
rootName : ID | UNIT | CREDIT | PLAN | TASK ;

// After a dot, or where a rule id is expected, any keyword is a plain name.
name
  : ID
  | PLAN | AUTHORITY | DOCUMENT | ISSUED | YEAR | RULES | REGISTRY | STATS
  | BASE | COORDINATION | POSITIVE | INDEPENDENT | NEGATIVE | UNIT | SCOPE
  | POOL | TASK | TYPE | RANDOM | DIRECTED | DOMAIN | GENERAL | PROFESSIONAL
  | ORGANIZER | LOCAL | CITY | PROVINCE | LEAD | WITH | TARGETS | ITEMS
  | METHOD | ONSITE | DOCUMENTS | ONLINE | SAMPLE | BY | CREDIT | MIN
  | WINDOW | INSPECTORS | FROM | MERGE | AUTO | NEVER | WAIVE | FOR
  | BECAUSE | NOTE
  ;

// ---------------------------------------------------------------- lexer
// Keywords: English · Chinese. They win only as whole tokens because the
// lexer takes the longest match: `人员库存` is an identifier.

PLAN         : 'plan' | '计划' ;
AUTHORITY    : 'authority' | '机关' ;
DOCUMENT     : 'document' | '文号' ;
ISSUED       : 'issued' | '印发' ;
YEAR         : 'year' | '年度' ;
RULES        : 'rules' | '规则' ;
REGISTRY     : 'registry' | '名录库' ;
STATS        : 'stats' | '统计' ;
BASE         : 'base' | '基数' ;
COORDINATION : 'coordination' | '协同' ;
POSITIVE     : 'positive' | '正协同' ;
INDEPENDENT  : 'independent' | '独立' ;
NEGATIVE     : 'negative' | '负协同' ;
UNIT         : 'unit' | '单位' ;
SCOPE        : 'scope' | '范围' ;
POOL         : 'pool' | '人员库' ;
TASK         : 'task' | '任务' ;
TYPE         : 'type' | '类型' ;
RANDOM       : 'random' | '不定向' ;
DIRECTED     : 'directed' | '定向' ;
DOMAIN       : 'domain' | '领域' ;
GENERAL      : 'general' | '一般' ;
PROFESSIONAL : 'professional' | '专业' ;
ORGANIZER    : 'organizer' | '组织' ;
LOCAL        : 'local' | '本局' ;
CITY         : 'city' | '市局' ;
PROVINCE     : 'province' | '省局' ;
LEAD         : 'lead' | '牵头' ;
WITH         : 'with' | '配合' ;
TARGETS      : 'targets' | '对象' ;
ITEMS        : 'items' | '事项' ;
METHOD       : 'method' | '方式' ;
ONSITE       : 'onsite' | '实地核查' ;
DOCUMENTS    : 'documents' | '书面检查' ;
ONLINE       : 'online' | '网络监测' ;
SAMPLE       : 'sample' | '比例' ;
BY           : 'by' ;
CREDIT       : 'credit' ;
BY_CREDIT    : '按信用' ;
MIN          : 'min' | '不少于' ;
WINDOW       : 'window' | '时间' ;
INSPECTORS   : 'inspectors' | '人员' ;
FROM         : 'from' | '从' ;
MERGE        : 'merge' | '合并' ;
AUTO         : 'auto' | '自动' ;
NEVER        : 'never' | '不合并' ;
WAIVE        : 'waive' | '豁免' ;
FOR          : 'for' | '适用' ;
BECAUSE      : 'because' | '理由' ;
NOTE         : 'note' | '备注' ;

// Operator words of the expression language.
AND   : 'and' ;
OR    : 'or' ;
NOT   : 'not' ;
IN    : 'in' ;
HAS   : 'has' ;
TRUE  : 'true' ;
FALSE : 'false' ;

// Literals. Dates and months are checked for validity by sema, not here.
DATE    : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ;
MONTH   : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT ;
PERCENT : DIGIT+ ('.' DIGIT+)? '%' ;
DECIMAL : DIGIT+ '.' DIGIT+ ;
INT     : DIGIT+ ;
STRING  : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;

// Full-width punctuation typed by a Chinese input method. Each lexes as its
// ASCII twin so that parsing goes on; the parse stage reports every one as an
// error with a fix (compiler/parse/internal/fullwidth.cc).
FW_STRING : '“' ~[”\r\n]* '”' -> type(STRING) ;
FW_CLOSE_STRING : '"' (~["\\\r\n”] | '\\' ~[\r\n])* '”' -> type(STRING) ;
FW_OPEN_STRING : '“' ~["”\r\n]* '"' -> type(STRING) ;
FW_COLON  : '：' -> type(COLON) ;
FW_SEMI   : '；' -> type(SEMI) ;
FW_COMMA  : '，' -> type(COMMA) ;
FW_LPAREN : '（' -> type(LPAREN) ;
FW_RPAREN : '）' -> type(RPAREN) ;

RANGE    : '..' ;
DOT      : '.' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
LBRACK   : '[' ;
RBRACK   : ']' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
COMMA    : ',' ;
COLON    : ':' ;
SEMI     : ';' ;
QUESTION : '?' ;
ANDAND   : '&&' ;
OROR     : '||' ;
EQ       : '==' ;
NE       : '!=' ;
LE       : '<=' ;
GE       : '>=' ;
LT       : '<' ;
GT       : '>' ;
ASSIGN   : '=' ;
BANG     : '!' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
SLASH    : '/' ;

ID : ID_START ID_PART* ;

// A string that reaches the end of its line: reported, never a crash. It
// stops before a full-width `”`, so that FW_CLOSE_STRING takes `"…”`.
UNTERMINATED_STRING : '"' (~["\\\r\n”] | '\\' ~[\r\n])* ('\\')? ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
// An unclosed comment runs to the end of the file; the parse stage reports it.
BLOCK_COMMENT : '/*' .*? ('*/' | EOF) -> channel(HIDDEN) ;
WS            : [ \t\r\n\u000C\uFEFF]+ -> channel(HIDDEN) ;
// The ideographic space is whitespace, reported as a warning with a fix.
FW_SPACE      : '\u3000'+ -> channel(HIDDEN) ;

// Anything else is one bad character, reported by the parse stage.
BAD_CHAR : . ;

fragment DIGIT    : [0-9] ;
fragment ID_START : [\p{L}] | '_' ;
fragment ID_PART  : [\p{L}\p{N}] | '_' | '-' ;
