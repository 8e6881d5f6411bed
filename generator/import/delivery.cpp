#include "import/delivery.hpp"

#include <cstdio>

namespace ss {

void Table::add_row(std::vector<Value> row, int line) {
    for (auto& v : row) cells.push_back(std::move(v));
    lines.push_back(line);
}

Table& Delivery::table(const FileSpec& spec) {
    Table& t = tables[spec.table];
    t.spec = &spec;
    return t;
}

const Table* Delivery::find(const std::string& name) const {
    auto it = tables.find(name);
    return it == tables.end() ? nullptr : &it->second;
}

size_t Delivery::total_rows() const {
    size_t n = 0;
    for (const auto& [name, t] : tables) n += t.rows();
    return n;
}

std::string Issue::to_string() const {
    std::string s = file;
    if (line > 0) {
        s += ':';
        s += std::to_string(line);
    }
    s += severity == Severity::warning ? ": warning: " : ": ";
    if (!column.empty()) {
        s += "column ";
        s += column;
        s += ": ";
    }
    // A data row shows its value even when empty (''); a header problem has no value to show.
    if (!value.empty() || (!column.empty() && line > 1)) {
        // Long values are cut so that one bad field cannot flood the terminal.
        s += '\'';
        s += value.size() > 80 ? value.substr(0, 77) + "..." : value;
        s += "' ";
    }
    return s + problem;
}

std::string value_text(const Value& v) {
    if (std::holds_alternative<std::int64_t>(v)) return std::to_string(std::get<std::int64_t>(v));
    if (std::holds_alternative<double>(v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", std::get<double>(v));
        return buf;
    }
    if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
    return "";
}

bool is_null(const Value& v) { return std::holds_alternative<std::monostate>(v); }

} // namespace ss
