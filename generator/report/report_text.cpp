#include "report/report_text.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/text_split.hpp"
#include "format/dutch.hpp"
#include "report/report_builder.hpp"

namespace ss {

namespace {

std::string label(const ReportModel& model, const std::string& dimension, const std::string& code) {
    return model.labels ? code_label(*model.labels, dimension, code) : code;
}

std::string own_name(const ReportModel& model, const KpiBlock& block) {
    return block.item.region_level && model.scope.type == ScopeType::municipality ? model.scope.region_name : model.scope.name;
}

} // namespace

std::string scope_title(const Scope& scope) {
    if (scope.type == ScopeType::region) return "Regio " + scope.name;
    if (scope.type == ScopeType::gi) return scope.name;
    return "Gemeente " + scope.name;
}

std::string document_title(const ReportModel& model) {
    return model.title + " " + format_quarter(model.quarter) + " – " + scope_title(model.scope);
}

std::string deliveries_text(const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return "";
    if (ids.size() == 1) return "levering " + std::to_string(ids.front());
    if (ids.back() - ids.front() + 1 == static_cast<std::int64_t>(ids.size()))
        return "leveringen " + std::to_string(ids.front()) + " tot en met " + std::to_string(ids.back());
    std::vector<std::string> numbers;
    for (const auto id : ids) numbers.push_back(std::to_string(id));
    return "leveringen " + join(numbers, ", ", " en ");
}

std::string delivered_text(const ReportModel& model) {
    if (model.delivered_on.empty()) return "";
    const std::string deliveries = deliveries_text(model.delivery_ids);
    return model.texts->fill("delivered_on", {{"date", format_long_date(model.delivered_on)}}) +
           (deliveries.empty() ? "" : " (" + deliveries + ")");
}

std::string summary_intro(const ReportModel& model) {
    const Texts& t = *model.texts;
    return t.fill("report.summary_intro", {{"quarter", format_quarter(model.quarter)},
                                           {"period", format_quarter_period(model.quarter)},
                                           {"region_beside", compares_with_region(model) ? t.fill("report.region_beside") : ""}});
}

std::string account_of_data(const ReportModel& model) {
    const Texts& t = *model.texts;
    const std::string on_date =
        model.delivered_on.empty() ? "" : t.fill("report.account_on_date", {{"date", format_long_date(model.delivered_on)}});
    return t.fill("report.account_data", {{"on_date", on_date}});
}

std::vector<std::string> agreements_header() { return {"Afspraak", "Eigenaar", "Gepland", "Status"}; }

std::vector<std::vector<std::string>> agreement_rows(const ReportModel& model) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : model.agreements) {
        const auto due = parse_quarter(a.due_quarter);
        std::string status = a.status == "done" ? "afgerond" : a.status == "dropped" ? "vervallen" : "open";
        if (overdue(a, model.quarter)) status += ", over de termijn";
        rows.push_back({a.text, a.owner.empty() ? "–" : a.owner, due ? short_quarter_label(*due) : "–", status});
    }
    return rows;
}

std::vector<std::string> report_explanations(const ReportModel& model) {
    std::vector<std::string> texts;
    for (const auto& e : model.explanations)
        if (e.kpi_id.empty()) texts.push_back(model.texts->fill("report.explanation", {{"text", e.text}}));
    return texts;
}

std::vector<std::string> block_explanations(const ReportModel& model, const KpiBlock& block) {
    if (model.explanations.empty()) return {}; // nearly every block of every report: nothing to look up
    const auto firsts = first_block_per_kpi(model);
    if (std::find(firsts.begin(), firsts.end(), &block) == firsts.end()) return {};
    std::vector<std::string> texts;
    for (const auto& e : model.explanations)
        if (e.kpi_id == block.item.kpi) texts.push_back(model.texts->fill("report.explanation", {{"text", e.text}}));
    return texts;
}

std::vector<std::string> cover_lines(const ReportModel& model) {
    std::vector<std::string> lines{format_quarter(model.quarter),
                                   "Periode: " + format_quarter_period(model.quarter)};
    if (!model.delivered_on.empty()) lines.push_back(delivered_text(model));
    if (model.scope.type == ScopeType::municipality) lines.push_back("Regio " + model.scope.region_name);
    return lines;
}

std::string change_text(const ReportModel& model, const KpiBlock& block) {
    return block.change ? label(model, "change", to_string(*block.change)) : "–";
}

std::string status_text(const ReportModel& model, const KpiBlock& block) {
    return block.status ? label(model, "target_status", to_string(*block.status)) : "–";
}

std::string judgement_text(const ReportModel& model, const KpiBlock& block) {
    if (!block.judgement) return "–";
    const char* code = *block.judgement == Judgement::better ? "better" : *block.judgement == Judgement::worse ? "worse" : "same";
    return label(model, "judgement", code);
}

std::string target_text(const KpiBlock& block) {
    return block.target ? format_styled(block.target->value, block.item.style, block.item.decimals) : "–";
}

std::string figure_text(const KpiBlock& block, const Figure& f) {
    return marked_text(show_figure(f, block.item.style, block.item.decimals));
}

std::string counts_text(const KpiBlock& block, const Figure& f) {
    if (!f.numerator) return {};
    const int decimals = block.kind == KpiKind::mean ? 1 : 0;
    std::string text = "Teller " + format_number(*f.numerator, decimals);
    if (f.denominator) text += ", noemer " + format_number(*f.denominator, 0);
    return text;
}

std::vector<std::string> summary_header(const ReportModel& model) {
    std::vector<std::string> h{"Indicator", short_quarter_label(model.quarter),
                               short_quarter_label(Quarter{model.quarter.year - 1, model.quarter.q}), "Richting", "Oordeel"};
    if (compares_with_region(model)) h.push_back("Regio");
    h.insert(h.end(), {"Doel", "Status"});
    return h;
}

std::vector<std::vector<std::string>> summary_rows(const ReportModel& model) {
    std::vector<std::vector<std::string>> rows;
    for (const KpiBlock* b : headline_blocks(model)) {
        std::vector<std::string> row{b->item.title, figure_text(*b, b->value),
                                     figure_text(*b, b->year_ago), change_text(model, *b), judgement_text(model, *b)};
        if (compares_with_region(model)) row.push_back(figure_text(*b, b->region));
        row.insert(row.end(), {target_text(*b), status_text(model, *b)});
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<std::string> trend_header(const ReportModel& model) {
    std::vector<std::string> h{""};
    for (const auto& q : model.quarters) h.push_back(short_quarter_label(q));
    return h;
}

std::vector<std::vector<std::string>> trend_rows(const ReportModel& model, const KpiBlock& block) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> own{own_name(model, block)};
    for (const auto& f : block.trend) own.push_back(figure_text(block, f));
    rows.push_back(std::move(own));
    if (!block.region_trend.empty()) {
        std::vector<std::string> region{model.scope.region_name};
        for (const auto& f : block.region_trend) region.push_back(figure_text(block, f));
        rows.push_back(std::move(region));
    }
    return rows;
}

std::vector<std::string> breakdown_header(const ReportModel& model, const KpiBlock& block) {
    std::vector<std::string> h{"", own_name(model, block)};
    if (compares_with_region(model) && !block.item.region_level) h.push_back(model.scope.region_name);
    return h;
}

std::vector<std::vector<std::string>> breakdown_rows(const ReportModel& model, const KpiBlock& block) {
    std::vector<std::vector<std::string>> rows;
    const bool region = compares_with_region(model) && !block.item.region_level;
    for (const auto& r : block.rows) {
        std::vector<std::string> row{r.label, figure_text(block, r.scope)};
        if (region) row.push_back(figure_text(block, r.region));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string signals_text(const ReportModel& model, const SignalledMeasure& measure) {
    std::string text;
    for (const auto& kind : measure.signals) text += (text.empty() ? "" : "; ") + label(model, "signal", kind);
    return text;
}

std::string signal_counts_text(const ReportModel& model) {
    std::map<std::string, size_t> per_kind;
    for (const auto& m : model.signalled)
        for (const auto& kind : m.signals) ++per_kind[kind];
    const size_t n = model.signalled.size();
    std::string text = std::to_string(n) + (n == 1 ? " maatregel heeft" : " maatregelen hebben") + " een signaal (";
    bool first = true;
    for (const auto& [kind, count] : per_kind) {
        std::string name = label(model, "signal", kind);
        // "Stagnatie: …" reads as "11 × stagnatie: …" inside the sentence; "SKJ-…" keeps its capitals.
        if (name.size() > 1 && std::isupper(static_cast<unsigned char>(name[0])) &&
            std::islower(static_cast<unsigned char>(name[1])))
            name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
        text += (first ? "" : "; ") + std::to_string(count) + " × " + name;
        first = false;
    }
    return text + "); de lijst staat in de bijlage";
}

std::vector<std::vector<std::string>> signal_rows(const ReportModel& model) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : model.signalled)
        rows.push_back({m.measure_id, label(model, "kind", m.measure_kind), format_long_date(m.start_date), signals_text(model, m)});
    return rows;
}

std::vector<std::vector<std::string>> comparison_rows(const ReportModel& model, const Comparison& cmp) {
    const auto text = [&](const Figure& f) { return marked_text(show_figure(f, cmp.item.style, cmp.item.decimals)); };
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : cmp.municipalities) rows.push_back({m.name, text(m.figure)});
    rows.push_back({"Regio " + model.scope.name, text(cmp.region)});
    return rows;
}

std::vector<std::string> transparency_value_header(const ReportModel& model) {
    std::vector<std::string> h{"n", "Uitval", "Jongere", "Ouder"};
    for (const auto& g : goal_keys()) h.push_back(label(model, "goal_short", g.substr(g.find('=') + 1)));
    h.push_back("Kosten per traject");
    return h;
}

std::vector<std::string> transparency_header(const ReportModel& model) {
    std::vector<std::string> h{"Aanbieder", "Profiel", "Intensiteit"};
    for (auto& v : transparency_value_header(model)) h.push_back(std::move(v));
    return h;
}

std::vector<std::string> transparency_values(const TransparencyRow& row) {
    std::vector<std::string> cells{show_figure(row.ended, ValueStyle::number, 0).text,
                                   show_figure(row.dropout, ValueStyle::percent, 0).text,
                                   show_figure(row.youth, ValueStyle::number, 1).text,
                                   show_figure(row.parent, ValueStyle::number, 1).text};
    for (const auto& g : row.goals) cells.push_back(show_figure(g, ValueStyle::percent, 0).text);
    cells.push_back(show_figure(row.cost, ValueStyle::euro, 0).text);
    return cells;
}

std::vector<std::string> transparency_cells(const TransparencyRow& row) {
    // "profiel 3", not "3": a code, never to be read as a count; "alle" where the row spans them.
    const std::string profile = !row.has_profile ? "alle" : row.profile.empty() ? "geen profiel" : "profiel " + row.profile;
    std::vector<std::string> cells{row.provider_id.empty() ? "Alle aanbieders" : row.provider_name, profile,
                                   row.intensity.empty() ? "alle" : row.intensity};
    for (auto& v : transparency_values(row)) cells.push_back(std::move(v));
    return cells;
}

bool transparency_publishable(const TransparencyRow& row) {
    return row.dropout.denominator && *row.dropout.denominator >= 10;
}

} // namespace ss
