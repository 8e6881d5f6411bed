#include "format/dutch.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace ss {

std::string format_number(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    // Round half away from zero on the scaled value; print the integer and fraction parts.
    const double rounded = std::round(std::abs(value) * scale);
    const bool negative = value < 0 && rounded > 0;
    // A whole number's digits, as printf's "%.0f" writes them, without printf's format parsing
    // (a national run formats millions of numbers: docs/performance.md, "Rendering").
    char digits[400];
    std::string_view all(digits, std::to_chars(digits, digits + sizeof digits, rounded, std::chars_format::fixed, 0).ptr - digits);
    std::string padded;
    if (static_cast<int>(all.size()) <= decimals) {
        padded.assign(decimals - all.size() + 1, '0');
        padded += all;
        all = padded;
    }
    const std::string_view whole = all.substr(0, all.size() - decimals);
    const std::string_view fraction = all.substr(all.size() - decimals);
    std::string out;
    out.reserve(whole.size() * 4 / 3 + fraction.size() + 2);
    if (negative) out += '-';
    for (size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += '.';
        out += whole[i];
    }
    if (decimals > 0) {
        out += ',';
        out += fraction;
    }
    return out;
}

std::string format_euro(double value, int decimals) {
    std::string out = value < 0 ? "-€\u00A0" : "€\u00A0";
    out += format_number(std::abs(value), decimals);
    return out;
}

std::string format_percent(double value, int decimals) {
    std::string out = format_number(value, decimals);
    out += '%';
    return out;
}

std::string format_long_date(const std::string& iso) {
    const auto d = parse_iso_date(iso);
    return d ? format_long_date(*d) : iso;
}

std::string format_long_date(Date d) {
    static const char* months[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                   "juli",    "augustus", "september", "oktober", "november", "december"};
    int year, month, day;
    split_date(d, year, month, day);
    std::string out = std::to_string(day);
    out += ' ';
    out += months[month - 1];
    out += ' ';
    out += std::to_string(year);
    return out;
}

std::string format_quarter(const Quarter& q) {
    std::string out = std::to_string(q.q);
    out += "e kwartaal ";
    out += std::to_string(q.year);
    return out;
}

std::string format_quarter_period(const Quarter& q) {
    std::string out = format_long_date(q.first_day());
    out += " t/m ";
    out += format_long_date(q.last_day());
    return out;
}

} // namespace ss
