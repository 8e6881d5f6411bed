// A delivery in memory: one typed table per file, and the problems found while reading it.
// The importer fills it from CSV; the demo generator builds it directly.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "schema/file_specs.hpp"

namespace ss {

/// A typed cell: NULL, an integer, a real number or text (dates and quarters are ISO text).
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

/// The rows of one file, row-major, one Value per column of its spec.
struct Table {
    const FileSpec* spec = nullptr;
    std::vector<Value> cells;
    std::vector<int> lines; ///< the CSV line each row came from; 0 for generated rows

    size_t width() const { return spec->columns.size(); }
    size_t rows() const { return lines.size(); }
    const Value& at(size_t row, size_t column) const { return cells[row * width() + column]; }
    /// Appends a row; `row` must hold width() values.
    void add_row(std::vector<Value> row, int line = 0);
};

struct Delivery {
    std::map<std::string, Table> tables; ///< by table name; absent file = absent entry
    std::map<std::string, std::string> file_sha256; ///< by table name: the SHA-256 of the file read (none when generated)
    /// By table name: its rows in key order (key_order.hpp), where the reader sorted them beside
    /// the parsing; key_orders() sorts the tables missing here (a generated delivery's).
    std::map<std::string, std::vector<std::uint32_t>> sorted_rows;

    /// The table for `spec`, created empty when absent.
    Table& table(const FileSpec& spec);
    const Table* find(const std::string& name) const;
    size_t total_rows() const;
};

/// One problem in a delivery, located as precisely as it can be.
struct Issue {
    enum class Severity { error, warning };
    Severity severity = Severity::error;
    std::string file;
    int line = 0;        ///< 0: the file as a whole
    std::string column;  ///< empty: the row or file as a whole
    std::string value;
    std::string problem; ///< what is wrong and what was expected

    /// `trajectories.csv:1042: column start_date: '2025-13-01' is not a date (YYYY-MM-DD)`
    std::string to_string() const;
};

std::string value_text(const Value& v); ///< as it is written to CSV; NULL is ""
bool is_null(const Value& v);

} // namespace ss
