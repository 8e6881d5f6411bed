#include "report/report_definition.hpp"


#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/json_text.hpp"
#include "core/text_file.hpp"
#include "core/text_split.hpp"

namespace ss {

namespace {

using nlohmann::json;

std::string text_field(const json& object, const char* key, std::string_view where, bool required = false) {
    if (!object.contains(key)) {
        if (required) throw InputError(std::string(where) + ": '" + key + "' is missing");
        return {};
    }
    if (!object[key].is_string()) throw InputError(std::string(where) + ": '" + key + "' must be text");
    return object[key].get<std::string>();
}

ValueStyle parse_style(std::string_view text, std::string_view where) {
    if (text.empty() || text == "number") return ValueStyle::number;
    if (text == "percent") return ValueStyle::percent;
    if (text == "euro") return ValueStyle::euro;
    throw InputError(std::string(where) + ": format '" + std::string(text) + "' is not number, percent or euro");
}

ReportItem parse_item(const json& j, const std::string& where) {
    if (!j.is_object()) throw InputError(where + ": an item must be an object");
    ReportItem item;
    item.kpi = text_field(j, "kpi", where, true);
    item.title = text_field(j, "title", where);
    item.breakdown = text_field(j, "breakdown", where);
    item.select = text_field(j, "select", where);
    if (!item.select.empty() && (!item.breakdown.empty() || item.select.find('=') == std::string::npos))
        throw InputError(where + ": 'select' names one breakdown row (like kind=ots) of an item without 'breakdown'");
    const std::string chart = text_field(j, "chart", where);
    try {
        item.chart = chart.empty() ? ChartKind::trend : parse_chart_kind(chart);
    } catch (const InputError& e) {
        throw InputError(where + ": " + e.what());
    }
    item.style = parse_style(text_field(j, "format", where), where);
    item.decimals = j.value("decimals", 1);
    if (item.decimals < 0 || item.decimals > 3) throw InputError(where + ": decimals must be 0 to 3");
    item.unit = text_field(j, "unit", where);
    item.explanation = text_field(j, "explanation", where);
    item.headline = j.value("headline", false);
    item.subject = text_field(j, "subject", where);
    item.unit_one = text_field(j, "unit_one", where);
    item.region_level = j.value("region_level", false);
    item.region_report_only = j.value("region_report_only", false);
    item.pdf_top = j.value("pdf_top", 0);
    item.pdf_top_note = text_field(j, "pdf_top_note", where);
    if (item.pdf_top < 0) throw InputError(where + ": pdf_top must be 0 (all rows) or more");
    if (item.pdf_top > 0 && (item.chart != ChartKind::bars || item.pdf_top_note.empty()))
        throw InputError(where + ": pdf_top is for bars, with a pdf_top_note that says where the other rows are");
    const std::string desired = text_field(j, "desired", where);
    if (desired == "lower") item.desired = Direction::lower_is_better;
    else if (desired == "higher") item.desired = Direction::higher_is_better;
    else if (!desired.empty()) throw InputError(where + ": desired must be \"lower\" or \"higher\", not \"" + desired + "\"");
    const bool per_code = item.chart == ChartKind::bars || item.chart == ChartKind::columns ||
                          item.chart == ChartKind::stacked_trend;
    if (per_code && item.breakdown.empty())
        throw InputError(where + ": chart '" + chart + "' needs a 'breakdown' (segment, kind, …)");
    if (item.chart == ChartKind::trend && !item.breakdown.empty())
        throw InputError(where + ": a trend chart shows the total; use bars, columns or stacked_trend for a breakdown");
    return item;
}

std::vector<std::string> text_list(const json& object, const char* key, const std::string& where) {
    std::vector<std::string> texts;
    if (!object.contains(key)) return texts;
    const json& list = object[key];
    if (!list.is_array()) throw InputError(where + ": '" + key + "' must be a list of texts");
    for (const auto& t : list) {
        if (!t.is_string()) throw InputError(where + ": '" + key + "' must be a list of texts");
        texts.push_back(t.get<std::string>());
    }
    return texts;
}

LetterDefinition parse_letter(const json& j, const std::string& where) {
    if (!j.is_object()) throw InputError(where + " must be an object");
    LetterDefinition letter;
    letter.salutation = text_field(j, "salutation", where, true);
    letter.closing = text_list(j, "closing", where);
    letter.contact_sentence = text_field(j, "contact_sentence", where);
    letter.key_better = text_field(j, "key_better", where, true);
    letter.key_worse = text_field(j, "key_worse", where, true);
    letter.key_same = text_field(j, "key_same", where, true);
    letter.key_provisional = text_field(j, "key_provisional", where, true);
    if (!j.contains("sections") || !j["sections"].is_array()) throw InputError(where + ": 'sections' must be a list");
    for (size_t s = 0; s < j["sections"].size(); ++s) {
        const json& js = j["sections"][s];
        const std::string at = where + ", section " + std::to_string(s + 1);
        if (!js.is_object()) throw InputError(at + " must be an object");
        LetterSection section;
        section.title = text_field(js, "title", at, true);
        section.paragraphs = text_list(js, "paragraphs", at);
        const std::string content = text_field(js, "content", at);
        if (content == "key_message") section.content = LetterSection::Content::key_message;
        else if (content == "figures") section.content = LetterSection::Content::figures;
        else if (content == "meaning") section.content = LetterSection::Content::meaning;
        else if (!content.empty())
            throw InputError(at + ": content must be \"key_message\", \"figures\" or \"meaning\", not \"" + content + "\"");
        letter.sections.push_back(std::move(section));
    }
    return letter;
}

} // namespace

ChartKind parse_chart_kind(std::string_view text) {
    if (text == "none") return ChartKind::none;
    if (text == "trend") return ChartKind::trend;
    if (text == "bars") return ChartKind::bars;
    if (text == "columns") return ChartKind::columns;
    if (text == "stacked_trend") return ChartKind::stacked_trend;
    if (text == "funnel") return ChartKind::funnel;
    throw InputError("chart '" + std::string(text) + "' is not none, trend, bars, columns, stacked_trend or funnel");
}

ReportDefinition parse_report_definition(std::string_view file_name, std::string_view json_text) {
    const json j = parse_json_text(file_name, json_text);
    const std::string where(file_name);
    if (!j.is_object()) throw InputError(where + ": the report definition must be a JSON object");
    ReportDefinition def;
    def.file = where;
    def.kind = text_field(j, "kind", where, true);
    def.title = text_field(j, "title", where, true);
    def.subtitle = text_field(j, "subtitle", where);
    if (!j.contains("sections") || !j["sections"].is_array() || j["sections"].empty())
        throw InputError(where + ": 'sections' must be a list with at least one section");
    for (size_t s = 0; s < j["sections"].size(); ++s) {
        const json& js = j["sections"][s];
        const std::string at = where + ": section " + std::to_string(s + 1);
        if (!js.is_object()) throw InputError(at + " must be an object");
        ReportSection section;
        section.id = text_field(js, "id", at, true);
        section.title = text_field(js, "title", at, true);
        section.intro = text_field(js, "intro", at);
        section.signals = js.value("signals", false);
        if (js.contains("items")) {
            if (!js["items"].is_array()) throw InputError(at + ": 'items' must be a list");
            for (size_t i = 0; i < js["items"].size(); ++i)
                section.items.push_back(parse_item(js["items"][i], at + " (" + section.id + "), item " + std::to_string(i + 1)));
        }
        def.sections.push_back(std::move(section));
    }
    if (j.contains("sentences")) {
        const json& p = j["sentences"];
        const std::string at = where + ": sentences";
        def.sentences.rises = text_field(p, "rises", at, true);
        def.sentences.falls = text_field(p, "falls", at, true);
        def.sentences.same = text_field(p, "same", at, true);
        def.sentences.no_history = text_field(p, "no_history", at, true);
        def.sentences.no_history_note = text_field(p, "no_history_note", at, true);
        def.sentences.missing = text_field(p, "missing", at, true);
        def.sentences.suppressed = text_field(p, "suppressed", at, true);
        def.sentences.region = text_field(p, "region", at, true);
        def.sentences.provisional = text_field(p, "provisional", at, true);
        def.sentences.zero = text_field(p, "zero", at, true);
        def.sentences.better = text_field(p, "better", at, true);
        def.sentences.worse = text_field(p, "worse", at, true);
        def.sentences.on_target = text_field(p, "on_target", at, true);
        def.sentences.near_target = text_field(p, "near_target", at, true);
        def.sentences.off_target = text_field(p, "off_target", at, true);
    }
    if (j.contains("letter")) def.letter = parse_letter(j["letter"], where + ": letter");
    return def;
}

ReportDefinition load_report_definition(const std::filesystem::path& file) {
    return parse_report_definition(file.filename().string(), read_text_file(file, "report definition"));
}

CodeLabels parse_code_labels(std::string_view file_name, std::string_view json_text) {
    // ordered_json keeps the file's order, which is the order reports list the codes in.
    const auto j = parse_json_text<nlohmann::ordered_json>(file_name, json_text);
    if (!j.is_object()) throw InputError(std::string(file_name) + ": labels must be a JSON object of objects");
    CodeLabels labels;
    for (const auto& [dimension, codes] : j.items()) {
        if (!codes.is_object()) throw InputError(std::string(file_name) + ": '" + dimension + "' must map codes to labels");
        for (const auto& [code, label] : codes.items()) {
            if (!label.is_string())
                throw InputError(std::string(file_name) + ": label of " + dimension + "=" + code + " must be text");
            labels[dimension].emplace_back(code, label.get<std::string>());
        }
    }
    return labels;
}

CodeLabels load_code_labels(const std::filesystem::path& file) {
    return parse_code_labels(file.filename().string(), read_text_file(file, "code labels"));
}

std::set<std::string> kpis_shown_over_time(const std::vector<const ReportDefinition*>& definitions) {
    std::set<std::string> kpis;
    for (const ReportDefinition* d : definitions)
        for (const auto& section : d->sections)
            for (const auto& item : section.items)
                if (item.breakdown.empty() || item.chart == ChartKind::stacked_trend) kpis.insert(item.kpi);
    return kpis;
}

std::string code_label(const CodeLabels& labels, const std::string& dimension, const std::string& code) {
    const auto codes = labels.find(dimension);
    if (codes == labels.end()) return code;
    for (const auto& [known, label] : codes->second)
        if (known == code) return label;
    return code;
}

namespace {

/// The name the data gives to a provider or municipality, if it knows one.
std::optional<std::string> data_name(const DataNames& names, const std::string& dimension, const std::string& code) {
    if (dimension == "provider" && names.providers) {
        const auto name = names.providers->find(code);
        if (name != names.providers->end()) return name->second;
    }
    if (dimension == "municipality" && names.scopes)
        for (const auto& s : *names.scopes)
            if (s.type == ScopeType::municipality && s.code == code) return s.name;
    return std::nullopt;
}

} // namespace

std::string breakdown_words(const CodeLabels& labels, const DataNames& names, const std::string& breakdown) {
    const auto parts = split(breakdown, ',');
    std::string words;
    for (const std::string_view part : parts) {
        const size_t eq = part.find('=');
        if (eq == std::string_view::npos) return breakdown; // not a key of ours: shown as it is
        const std::string dimension(part.substr(0, eq)), code(part.substr(eq + 1));
        std::string word;
        if (dimension == "provider" || dimension == "municipality") word = data_name(names, dimension, code).value_or(code);
        else if (dimension == "profile") word = code.empty() ? "geen profiel" : "profiel " + code;
        else if (parts.size() == 1) word = code_label(labels, dimension, code);
        else word = code_label(labels, "dimension", dimension) + ": " + code_label(labels, dimension, code);
        words += (words.empty() ? "" : "; ") + word;
    }
    return words;
}

size_t breakdown_order(const CodeLabels& labels, const std::string& breakdown) {
    const size_t eq = breakdown.find('=');
    const auto codes = labels.find(breakdown.substr(0, eq));
    if (eq == std::string::npos || codes == labels.end()) return 0;
    for (size_t i = 0; i < codes->second.size(); ++i)
        if (codes->second[i].first == breakdown.substr(eq + 1)) return i;
    return codes->second.size();
}

} // namespace ss
