#include "kpi/kpi_csv.hpp"

#include <charconv>

#include "csv/csv_writer.hpp"

namespace ss {

std::string exact_number(double value) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, end);
}

static std::string optional_number(const std::optional<double>& v) { return v ? exact_number(*v) : ""; }

std::string kpis_csv(const std::vector<KpiValue>& values) {
    std::string out = "quarter,scope_type,scope_code,kpi_id,breakdown,numerator,denominator,value\n";
    for (const auto& v : values)
        append_csv_record(out, {v.quarter, v.scope_type, v.scope_code, v.kpi_id, v.breakdown,
                                optional_number(v.numerator), optional_number(v.denominator),
                                optional_number(v.value)});
    return out;
}

} // namespace ss
