#ifndef PLANC_DATA_TABLE_H_
#define PLANC_DATA_TABLE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/data/csv.h"
#include "compiler/diag/engine.h"

namespace planc::data {

// What a column holds, and so how a cell is checked and normalised.
enum class ValueKind {
  kText,      // any text
  kUscc,      // a unified social credit code
  kKind,      // enterprise / individual / cooperative
  kStatus,    // active / revoked / cancelled
  kCredit,    // A B C D, empty for U
  kDate,      // YYYY-MM-DD, YYYY/MM/DD, YYYY年M月D日
  kList,      // `;`-separated
  kCount,     // a whole number, empty for none
  kBool,      // true/false, 是/否
};

struct ColumnSpec {
  const char* name;                  // the canonical (English) name
  std::vector<const char*> aliases;  // Chinese headers accepted
  bool required;                     // the column must exist
  bool non_empty;                    // and every cell must have a value
  ValueKind kind;
};

// The columns of one of the three files of data.md.
struct TableSpec {
  const char* what_en;   // "registry"
  const char* what_zh;   // "检查对象名录库"
  std::vector<ColumnSpec> columns;
};

const TableSpec& RegistrySpec();
const TableSpec& InspectorSpec();
const TableSpec& ConflictSpec();

// A header mapped onto a spec: canonical columns get ids 0..n-1 in spec
// order; extra columns follow, by their header text.
struct Header {
  std::vector<std::string> names;      // column id -> name
  std::vector<int> field_to_column;    // field index -> column id
  std::vector<int> column_to_field;    // column id -> field index, -1 when absent
  std::size_t fields = 0;
};

// One validated row: the value of each column id, normalised (English codes
// for kinds, statuses and booleans; ISO dates; credit `U` when empty).
struct Row {
  std::vector<std::string_view> values;
  std::uint32_t line = 0;
};

// Reads one of the data files, checking every cell against its spec and
// reporting each problem located at file:line:column with the column name.
class TableReader {
 public:
  TableReader(const TableSpec& spec, std::unique_ptr<CsvReader> csv, Diagnostics& diags);

  // Reads and maps the header; false (reported) when it is unusable.
  bool ReadHeader();
  // A reader of the same file from byte `offset` on, a line start, that
  // takes this reader's header as read: one part of a file read in parts
  // (data/parts.h). Its rows' line numbers count from that offset; its
  // reports go to `diags`. Null, reported, when the file cannot be opened.
  std::unique_ptr<TableReader> OpenPart(std::uint64_t offset, Diagnostics& diags) const;
  // A reader made by OpenPart reads on from byte `offset` instead (another
  // part); false when the file cannot be positioned there.
  bool MoveTo(std::uint64_t offset) { return csv_->MoveTo(offset); }
  // The next row: true with a valid row, or with `valid` false for a row
  // that had problems (all reported). False at the end of the file.
  bool Next(Row& row, bool& valid);

  const Header& header() const { return header_; }
  CsvReader& csv() { return *csv_; }
  const CsvRecord& record() const { return record_; }
  // Reports a problem in the current record at a field (or the whole record).
  void Report(DiagKind kind, int field, Text message, Text label, Text help = {});
  // With --skip-invalid, row problems are warnings that say the row is skipped.
  void set_skip_invalid(bool skip) { skip_invalid_ = skip; }
  // After the last row: adds a note for each code whose reports were cut
  // off after the first kMaxReports, and reports a read that stopped early
  // (never demoted by --skip-invalid). False when reading stopped early.
  bool Close();
  static constexpr int kMaxReports = 100;

 private:
  // How each field of a record is taken: its column, and whether and how
  // its cells are checked.
  struct FieldCheck {
    int column;
    ValueKind kind;
    bool non_empty;  // every cell must have a value
    bool checked;    // cells go through CheckCell (free text that may be empty does not)
  };
  bool CheckCell(const FieldCheck& check, std::string_view value, int field,
                 std::string_view& out);
  void ReportCell(int column, std::string_view value, int field);
  // The field of the current record that holds byte `offset` of its text.
  int FieldAt(std::uint32_t offset) const;

  const TableSpec& spec_;
  std::unique_ptr<CsvReader> csv_;
  Diagnostics& diags_;
  Header header_;
  CsvRecord record_;
  SourcePtr excerpt_;           // built on the first problem of a record
  std::vector<std::string> normalised_;  // per-column buffers for dates
  std::vector<FieldCheck> fields_;  // per field of the header
  bool skip_invalid_ = false;
  std::map<std::string, std::uint64_t> reported_;  // code -> reports made
  bool in_row_ = false;  // reporting a data row, not the header
};

// Opens one of the data files and reads its header, noting (N0201) a file
// decoded as GB18030; null after reporting when it cannot be used.
std::unique_ptr<TableReader> OpenTable(const std::string& path, const TableSpec& spec,
                                       Encoding encoding, Diagnostics& diags);

}  // namespace planc::data

#endif  // PLANC_DATA_TABLE_H_
