// Binding a delivered cell to an SQL parameter, the same way for the plan's comparisons and the load.
#pragma once

#include <SQLiteCpp/Statement.h>

#include "import/delivery.hpp"

namespace ss {

/// Text is bound without a copy: `v` must outlive the statement's next step.
inline void bind_value(SQLite::Statement& stmt, int index, const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) stmt.bind(index, *i);
    else if (const auto* d = std::get_if<double>(&v)) stmt.bind(index, *d);
    else if (const auto* s = std::get_if<std::string>(&v)) stmt.bindNoCopy(index, *s);
    else stmt.bind(index);
}

} // namespace ss
