#include "report/open_data.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/json_text.hpp"
#include "csv/csv_reader.hpp"
#include "csv/csv_writer.hpp"
#include "kpi/kpi_csv.hpp"

namespace ss {

namespace {

const std::string region_type = scope_type_name(ScopeType::region);

const char* const header = "quarter,scope_type,scope_code,kpi_id,breakdown,value,numerator,denominator,shown,provisional";

using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;

class Cells {
public:
    void add(const Quarter& q, const std::string& type, const std::string& code, const std::string& kpi,
             const std::string& breakdown, const Figure& f) {
        if (!f.value && f.suppression == Suppression::none) return; // nothing shown: no cell
        cells_.try_emplace(Key{q.code(), type, code, kpi, breakdown}, f);
    }
    std::vector<PublicCell> take() {
        std::vector<PublicCell> out;
        for (auto& [k, f] : cells_)
            out.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k), f});
        return out;
    }

private:
    std::map<Key, Figure> cells_;
};

Quarter year_before(Quarter q) {
    for (int i = 0; i < 4; ++i) q = q.previous();
    return q;
}

/// The breakdown key of a transparency row (`provider=P,profile=3,intensity=licht`), as TR01-TR04
/// name it, plus the KPI's own key.
std::string transparency_key(const TransparencyRow& r, const std::string& own) {
    std::string key;
    auto add = [&](const std::string& part) { key += (key.empty() ? "" : ",") + part; };
    if (!r.provider_id.empty()) add("provider=" + r.provider_id);
    if (r.has_profile) add("profile=" + r.profile);
    if (!r.intensity.empty()) add("intensity=" + r.intensity);
    if (!own.empty()) add(own);
    return key;
}

std::string shown_marker(Suppression s) {
    switch (s) {
    case Suppression::small_count: return "<5";
    case Suppression::small_base:
    case Suppression::secondary: return "*";
    case Suppression::none: break;
    }
    return "";
}

std::string number(const std::optional<double>& v) { return v ? exact_number(*v) : ""; }

std::optional<double> parse_number(std::string_view text, const std::string& file, int line, const char* column) {
    if (text.empty()) return std::nullopt;
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size())
        throw InputError(file + ":" + std::to_string(line) + ": column " + column + ": '" + std::string(text) +
                         "' is not a number");
    return v;
}

} // namespace

std::vector<PublicCell> public_cells(const ReportModel& m) {
    if (!m.published) throw std::logic_error("open data: a public output needs the published model (publish())");
    Cells cells;
    const Quarter& q = m.quarter;
    for (const auto& section : m.sections)
        for (const auto& b : section.blocks) {
            const bool own_is_region = b.item.region_level && m.scope.type == ScopeType::municipality;
            const std::string type = own_is_region ? region_type : std::string(scope_type_name(m.scope.type));
            const std::string code = own_is_region ? m.scope.region_code : m.scope.code;
            const std::string& total_key = b.item.select;
            cells.add(q, type, code, b.item.kpi, total_key, b.value);
            cells.add(year_before(q), type, code, b.item.kpi, total_key, b.year_ago);
            for (size_t i = 0; i < b.trend.size() && i < m.quarters.size(); ++i)
                cells.add(m.quarters[i], type, code, b.item.kpi, total_key, b.trend[i]);
            if (m.scope.type == ScopeType::municipality && !own_is_region) {
                cells.add(q, region_type, m.scope.region_code, b.item.kpi, total_key, b.region);
                for (size_t i = 0; i < b.region_trend.size() && i < m.quarters.size(); ++i)
                    cells.add(m.quarters[i], region_type, m.scope.region_code, b.item.kpi, total_key, b.region_trend[i]);
            }
            for (const auto& r : b.rows) {
                cells.add(q, type, code, b.item.kpi, r.breakdown, r.scope);
                if (m.scope.type == ScopeType::municipality) cells.add(q, region_type, m.scope.region_code, b.item.kpi, r.breakdown, r.region);
                for (size_t i = 0; i < r.trend.size() && i < m.quarters.size(); ++i)
                    cells.add(m.quarters[i], type, code, b.item.kpi, r.breakdown, r.trend[i]);
            }
        }
    for (const auto& cmp : m.comparisons)
        for (const auto& mf : cmp.municipalities) cells.add(q, scope_type_name(ScopeType::municipality), mf.code, cmp.item.kpi, cmp.item.select, mf.figure);
    for (const auto& r : m.transparency) {
        cells.add(q, region_type, m.scope.code, "TR02", transparency_key(r, ""), r.dropout);
        cells.add(q, region_type, m.scope.code, "TR01", transparency_key(r, "respondent=youth"), r.youth);
        cells.add(q, region_type, m.scope.code, "TR01", transparency_key(r, "respondent=parent"), r.parent);
        for (size_t g = 0; g < r.goals.size() && g < goal_keys().size(); ++g)
            cells.add(q, region_type, m.scope.code, "TR03", transparency_key(r, goal_keys()[g]), r.goals[g]);
        cells.add(q, region_type, m.scope.code, "TR04", transparency_key(r, ""), r.cost);
    }
    return cells.take();
}

std::string public_cells_csv(const std::vector<PublicCell>& cells) {
    std::string out = std::string(header) + "\n";
    for (const auto& c : cells)
        append_csv_record(out, {c.quarter, c.scope_type, c.scope_code, c.kpi_id, c.breakdown, number(c.figure.value),
                                number(c.figure.numerator), number(c.figure.denominator),
                                shown_marker(c.figure.suppression), c.figure.provisional ? "ja" : ""});
    return out;
}

std::vector<PublicCell> parse_public_cells_csv(const std::string& text, const std::string& file) {
    CsvReader reader(file, text);
    CsvRecord record;
    std::vector<PublicCell> cells;
    if (!reader.next(record)) return cells;
    std::string seen;
    for (size_t i = 0; i < record.fields.size(); ++i) seen += (i ? "," : "") + std::string(record.fields[i]);
    if (seen != header) throw InputError(file + ":1: the header is not that of a samen-sturen open data file (" + header + ")");
    while (reader.next(record)) {
        if (record.fields.size() != 10)
            throw InputError(file + ":" + std::to_string(record.line) + ": " + std::to_string(record.fields.size()) +
                             " columns, expected 10");
        const auto& f = record.fields;
        PublicCell c{std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]), std::string(f[4]), {}};
        c.figure.value = parse_number(f[5], file, record.line, "value");
        c.figure.numerator = parse_number(f[6], file, record.line, "numerator");
        c.figure.denominator = parse_number(f[7], file, record.line, "denominator");
        if (f[8] == "<5") c.figure.suppression = Suppression::small_count;
        else if (f[8] == "*") c.figure.suppression = Suppression::small_base; // rule 2 or 3: the file does not say which
        else if (!f[8].empty())
            throw InputError(file + ":" + std::to_string(record.line) + ": column shown: '" + std::string(f[8]) +
                             "' is not <5, * or empty");
        c.figure.provisional = f[9] == "ja";
        cells.push_back(std::move(c));
    }
    return cells;
}

namespace {

/// A JSON string: `"`, `\` and control characters escaped, UTF-8 as it is.
void append_json_string(std::string& out, const std::string& text) {
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    out += '"';
}

/// A JSON number in the same text as the CSV's (2087, not 2087.0), or null.
void append_json_number(std::string& out, const std::optional<double>& v) {
    out += v && std::isfinite(*v) ? exact_number(*v) : "null";
}

} // namespace

std::string public_cells_json(const std::vector<PublicCell>& cells) {
    // Written directly, not through a JSON object per cell: a region has 14,000 cells, and the
    // numbers read as in cijfers.csv. One cell per line: a diff of two quarters stays readable.
    std::string text = "[\n";
    text.reserve(cells.size() * 240);
    for (size_t i = 0; i < cells.size(); ++i) {
        const PublicCell& c = cells[i];
        const auto field = [&](const char* name, bool first = false) {
            text += first ? "{\"" : ",\"";
            text += name;
            text += "\":";
        };
        text += "  ";
        field("quarter", true);
        append_json_string(text, c.quarter);
        field("scope_type");
        append_json_string(text, c.scope_type);
        field("scope_code");
        append_json_string(text, c.scope_code);
        field("kpi_id");
        append_json_string(text, c.kpi_id);
        field("breakdown");
        append_json_string(text, c.breakdown);
        field("value");
        append_json_number(text, c.figure.value);
        field("numerator");
        append_json_number(text, c.figure.numerator);
        field("denominator");
        append_json_number(text, c.figure.denominator);
        field("shown");
        append_json_string(text, shown_marker(c.figure.suppression));
        field("provisional");
        append_json_string(text, c.figure.provisional ? "ja" : "");
        text += i + 1 < cells.size() ? "},\n" : "}\n";
    }
    return text + "]\n";
}

std::vector<PublicCell> parse_public_cells_json(const std::string& text, const std::string& file) {
    const auto j = parse_json_text(file, text);
    if (!j.is_array()) throw InputError(file + ": must be an array of cells");
    std::vector<PublicCell> cells;
    for (size_t i = 0; i < j.size(); ++i) {
        const auto& o = j[i];
        const std::string where = file + ": cell " + std::to_string(i + 1);
        auto text_of = [&](const char* key) {
            if (!o.contains(key) || !o[key].is_string()) throw InputError(where + ": '" + key + "' must be a text");
            return o[key].get<std::string>();
        };
        auto number_of = [&](const char* key) -> std::optional<double> {
            if (!o.contains(key) || o[key].is_null()) return std::nullopt;
            if (!o[key].is_number()) throw InputError(where + ": '" + key + "' must be a number or null");
            return o[key].get<double>();
        };
        PublicCell c{text_of("quarter"), text_of("scope_type"), text_of("scope_code"), text_of("kpi_id"), text_of("breakdown"), {}};
        c.figure.value = number_of("value");
        c.figure.numerator = number_of("numerator");
        c.figure.denominator = number_of("denominator");
        const std::string shown = text_of("shown");
        if (shown == "<5") c.figure.suppression = Suppression::small_count;
        else if (shown == "*") c.figure.suppression = Suppression::small_base;
        else if (!shown.empty()) throw InputError(where + ": 'shown' is '" + shown + "', not <5, * or empty");
        c.figure.provisional = text_of("provisional") == "ja";
        cells.push_back(std::move(c));
    }
    return cells;
}

std::string open_data_package(const std::string& quarter, const std::vector<std::string>& paths) {
    using nlohmann::ordered_json;
    const ordered_json fields = ordered_json::array({
        {{"name", "quarter"}, {"type", "string"}, {"description", "Kwartaal, bijvoorbeeld 2025-Q4"}},
        {{"name", "scope_type"}, {"type", "string"}, {"constraints", {{"enum", {scope_type_name(ScopeType::municipality), scope_type_name(ScopeType::region)}}}}},
        {{"name", "scope_code"}, {"type", "string"}, {"description", "CBS-gemeentecode (GM0505) of jeugdregiocode"}},
        {{"name", "kpi_id"}, {"type", "string"}, {"description", "Indicator uit de KPI-catalogus (docs/kpis.md)"}},
        {{"name", "breakdown"}, {"type", "string"}, {"description", "Uitsplitsing, zoals segment=4; leeg voor het totaal"}},
        {{"name", "value"}, {"type", "number"}, {"description", "De waarde: aantal, per 1.000 jongeren, procent of gemiddelde"}},
        {{"name", "numerator"}, {"type", "number"}, {"description", "Teller"}},
        {{"name", "denominator"}, {"type", "number"}, {"description", "Noemer"}},
        {{"name", "shown"}, {"type", "string"}, {"constraints", {{"enum", {"", "<5", "*"}}}},
         {"description", "<5: een aantal van 1 tot en met 4; *: niet getoond (te weinig, of het zou een afgeschermd "
                         "cijfer van dezelfde tabel verraden); leeg: getoond"}},
        {{"name", "provisional"}, {"type", "string"}, {"constraints", {{"enum", {"", "ja"}}}},
         {"description", "ja: voorlopig, nog niet alle facturen zijn binnen"}}});
    ordered_json package;
    package["profile"] = "tabular-data-package";
    package["name"] = "samen-sturen-" + quarter;
    package["title"] = "Samen Sturen, openbare cijfers " + quarter;
    package["description"] = "De cijfers van de openbare pagina's, met dezelfde afscherming van kleine aantallen.";
    package["resources"] = ordered_json::array();
    for (const auto& path : paths) {
        std::string name = path.substr(0, path.find('/'));
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        const bool json = path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
        package["resources"].push_back({{"name", name + (json ? "-json" : "")},
                                        {"path", path},
                                        {"profile", "tabular-data-resource"},
                                        {"format", json ? "json" : "csv"},
                                        {"mediatype", json ? "application/json" : "text/csv"},
                                        {"encoding", "utf-8"},
                                        {"schema", {{"fields", fields}, {"missingValues", {""}}}}});
    }
    return package.dump(2) + "\n";
}

} // namespace ss
