#include "import/field_parser.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/text_split.hpp"
#include "core/utf8_length.hpp"
#include "schema/report_kind.hpp"

namespace ss {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

FieldResult fail(std::string problem) { return {std::monostate{}, std::move(problem)}; }

FieldResult parse_integer(const ColumnSpec& c, std::string_view s) {
    std::int64_t n = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || ptr != s.data() + s.size())
        return fail("is not a whole number");
    if (n < c.min || n > c.max) {
        if (c.max == std::numeric_limits<std::int64_t>::max() || c.max >= 1'000'000'000)
            return fail("is out of range (at least " + std::to_string(c.min) + ")");
        return fail("is out of range (" + std::to_string(c.min) + " to " + std::to_string(c.max) +
                    ")");
    }
    return {n, {}};
}

FieldResult parse_date_field(const ColumnSpec& c, std::string_view s, Date today) {
    auto d = parse_iso_date(s);
    if (!d) return fail("is not a date (YYYY-MM-DD)");
    if (*d < make_date(2000, 1, 1)) return fail("is before 2000");
    if (c.date_limit == DateLimit::event_one_year && d->days > add_months(today, 12).days)
        return fail("is more than a year after the import day (" + format_iso_date(today) + ")");
    if (c.date_limit == DateLimit::registration_six_years && d->days > add_months(today, 72).days)
        return fail("is more than six years after the import day (" + format_iso_date(today) +
                    ")");
    return {std::string(s), {}};
}

FieldResult parse_code(const ColumnSpec& c, std::string_view s) {
    for (const auto& code : c.codes)
        if (iequals(code, s)) return {code, {}};
    return fail("is not a known code (expected one of: " + join(c.codes, ", ") + ")");
}

FieldResult parse_municipality_code(std::string_view s) {
    const bool ok = s.size() == 6 && (s[0] == 'G' || s[0] == 'g') && (s[1] == 'M' || s[1] == 'm') &&
                    std::all_of(s.begin() + 2, s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!ok) return fail("is not a municipality code (GM and four digits, e.g. GM0505)");
    std::string code(s);
    code[0] = 'G';
    code[1] = 'M';
    return {code, {}};
}

FieldResult parse_email(std::string_view s) {
    const auto at = s.find('@');
    const bool ok = at != std::string_view::npos && at > 0 && s.find('@', at + 1) == s.npos &&
                    s.find('.', at) != s.npos && s.back() != '.' &&
                    s.find_first_of(" ,;<>\"") == s.npos;
    if (!ok) return fail("is not an e-mail address (name@domain)");
    return {std::string(s), {}};
}

FieldResult parse_text(const ColumnSpec& c, std::string_view s) {
    if (c.max != std::numeric_limits<std::int64_t>::max() && utf8_length(s) > static_cast<size_t>(c.max))
        return fail("is longer than " + std::to_string(c.max) + " characters (" + std::to_string(utf8_length(s)) + ")");
    return {std::string(s), {}};
}

/// `segment=4`, `kind=ots`: one key and one code, in the spelling of kpis.md.
FieldResult parse_breakdown(std::string_view s) {
    const size_t eq = s.find('=');
    const auto word = [](std::string_view w) {
        return !w.empty() && std::all_of(w.begin(), w.end(), [](char ch) {
            return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-';
        });
    };
    if (eq == std::string_view::npos || !word(s.substr(0, eq)) || !word(s.substr(eq + 1)))
        return fail("is not a breakdown key (like segment=4 or kind=ots; empty for the total)");
    return {std::string(s), {}};
}

FieldResult parse_report_list(std::string_view s) {
    std::string canonical;
    for (const std::string_view part : split(s, ';')) {
        const std::string_view item = trim(part);
        const auto kind = report_kind_named(item);
        if (!kind)
            return fail("names an unknown report kind '" + std::string(item) + "' (expected `;`-separated: " +
                        report_kind_list() + ")");
        canonical += (canonical.empty() ? "" : ";") + std::string(report_kind_name(*kind));
    }
    return {canonical, {}};
}

} // namespace

bool is_valid_utf8(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        if (*p < 0x80) { ++p; continue; }
        int extra = (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (extra < 0 || *p == 0xC0 || *p == 0xC1 || *p > 0xF4 || end - p <= extra) return false;
        for (int i = 1; i <= extra; ++i)
            if ((p[i] & 0xC0) != 0x80) return false;
        p += extra + 1;
    }
    return true;
}

bool looks_like_bsn(std::string_view s) {
    if (s.size() != 9 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (s[i] - '0');
    sum -= s[8] - '0';
    return sum % 11 == 0 && s != "000000000";
}

std::optional<double> parse_decimal(std::string_view s) {
    std::string normal(s);
    const auto separators = std::count_if(normal.begin(), normal.end(),
                                          [](char c) { return c == ',' || c == '.'; });
    if (separators > 1) return std::nullopt;
    std::replace(normal.begin(), normal.end(), ',', '.');
    if (normal.empty() || normal == "-" || normal.back() == '.' || normal.front() == '.' ||
        normal.front() == '+')
        return std::nullopt;
    // from_chars also reads "nan", "inf" and "infinity": only digits, one separator and a sign.
    if (!std::all_of(normal.begin() + (normal.front() == '-' ? 1 : 0), normal.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '.'; }))
        return std::nullopt;
    double value = 0;
    auto [ptr, ec] = std::from_chars(normal.data(), normal.data() + normal.size(), value,
                                     std::chars_format::fixed);
    if (ec != std::errc() || ptr != normal.data() + normal.size()) return std::nullopt;
    return value;
}

FieldResult parse_field(const ColumnSpec& c, std::string_view raw, Date today) {
    if (!is_valid_utf8(raw)) return fail("is not valid UTF-8 (save the file as UTF-8 CSV)");
    const std::string_view s = trim(raw);
    if (s.empty() && c.kind == FieldKind::breakdown) return {std::string(), {}}; // the total
    if (s.empty()) {
        if (c.nullable) return {std::monostate{}, {}};
        return fail("is empty (a value is required)");
    }
    switch (c.kind) {
    case FieldKind::text:
        return parse_text(c, s);
    case FieldKind::id:
        return {std::string(s), {}};
    case FieldKind::breakdown:
        return parse_breakdown(s);
    case FieldKind::child_id:
        if (looks_like_bsn(s))
            return fail("looks like a BSN (citizen service number); child ids must be pseudonyms");
        return {std::string(s), {}};
    case FieldKind::integer:
        return parse_integer(c, s);
    case FieldKind::decimal: {
        auto d = parse_decimal(s);
        if (!d) return fail("is not a number (use . or , as decimal separator, no thousands separator)");
        return {*d, {}};
    }
    case FieldKind::amount: {
        auto d = parse_decimal(s);
        if (!d) return fail("is not an amount in euros (e.g. 1234,50; no thousands separator)");
        if (*d < 0) return fail("is a negative amount");
        return {*d, {}};
    }
    case FieldKind::date:
        return parse_date_field(c, s, today);
    case FieldKind::quarter:
        if (auto q = parse_quarter(s)) return {q->code(), {}};
        return fail("is not a quarter (YYYY-Qn, e.g. 2025-Q3)");
    case FieldKind::code:
        return parse_code(c, s);
    case FieldKind::municipality_code:
        return parse_municipality_code(s);
    case FieldKind::email:
        return parse_email(s);
    case FieldKind::report_list:
        return parse_report_list(s);
    }
    return fail("has an unsupported column kind");
}

} // namespace ss
