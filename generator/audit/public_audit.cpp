#include "audit/public_audit.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include "core/text_file.hpp"
#include "schema/scope.hpp"
#include "report/open_data.hpp"
#include "report/publication.hpp"
#include "report/report_builder.hpp"

namespace ss {

namespace fs = std::filesystem;

namespace {

std::string relative_name(const fs::path& file, const fs::path& root) { return fs::relative(file, root).generic_string(); }

/// href="…" and src="…" values of an HTML page.
std::vector<std::string> link_targets(const std::string& html) {
    std::vector<std::string> targets;
    for (const char* attribute : {"href=\"", "src=\""}) {
        const std::string a = attribute;
        for (size_t at = 0; (at = html.find(a, at)) != std::string::npos;) {
            at += a.size();
            const size_t end = html.find('"', at);
            if (end == std::string::npos) break;
            targets.push_back(html.substr(at, end - at));
        }
    }
    return targets;
}

void check_links(const fs::path& page, const fs::path& root, const std::string& html, AuditReport& report) {
    const std::string name = relative_name(page, root);
    for (const auto& target : link_targets(html)) {
        if (target.empty() || target[0] == '#') continue;
        ++report.links;
        if (target.find(':') != std::string::npos || target.rfind("//", 0) == 0) {
            // data: images are part of the page itself; anything else goes elsewhere.
            if (target.rfind("data:", 0) != 0) report.findings.push_back({name, "links outside the site: " + target});
            continue;
        }
        const fs::path resolved = fs::weakly_canonical(page.parent_path() / target.substr(0, target.find('#')));
        const std::string inside = fs::weakly_canonical(root).string();
        if (resolved.string().rfind(inside, 0) != 0) report.findings.push_back({name, "links outside the public folder: " + target});
        else if (!fs::exists(resolved)) report.findings.push_back({name, "links to a file that is not there: " + target});
    }
}

/// Files that belong in internal/ only, by their names (docs/reports.md "Output layout").
bool internal_file(const fs::path& file) {
    const std::string name = file.filename().string();
    const std::string ext = file.extension().string();
    return ext == ".xlsx" || name == "kpis.csv" || name.rfind("samen-sturen-", 0) == 0 || name.rfind("gi-benchmark-", 0) == 0;
}

/// The words of a text that could be ids: runs of letters, digits, '-' and '_'.
std::set<std::string> tokens_of(const std::string& text) {
    std::set<std::string> tokens;
    std::string token;
    auto flush = [&] {
        if (token.size() >= 4) tokens.insert(token);
        token.clear();
    };
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') token += c;
        else flush();
    }
    flush();
    return tokens;
}

/// What rules 1 and 2 say of a cell shown with its counts ("" when it may be shown).
std::string primary_breach(const PublicCell& c, KpiKind kind) {
    const Figure& f = c.figure;
    if (f.suppression != Suppression::none) {
        if (f.value || f.numerator || f.denominator) return "is marked suppressed but still gives its value or counts";
        return "";
    }
    if (primary_suppression(f, kind) == Suppression::none) return "";
    return kind == KpiKind::count ? "shows a count from 1 to 4 (rule 1)" : "shows a figure over too few (rule 2)";
}

using GroupKey = std::tuple<std::string, std::string, std::string, std::string>; // quarter, type, code, kpi

/// Rule 3 on one group: exactly one hidden cell with a total and at least one other cell shown.
bool recoverable(const PublicCell* total, const std::vector<const PublicCell*>& parts) {
    if (!total) return false;
    auto hidden = [](const PublicCell* c) { return c->figure.suppression != Suppression::none; };
    size_t n_hidden = hidden(total) ? 1 : 0, n_shown = hidden(total) ? 0 : 1;
    for (const auto* p : parts) (hidden(p) ? n_hidden : n_shown) += 1;
    return n_hidden == 1 && n_shown >= 1;
}

bool simple_key(const std::string& breakdown) {
    return !breakdown.empty() && breakdown.find(',') == std::string::npos;
}

void check_cells(const std::string& name, const std::vector<PublicCell>& cells, const std::map<std::string, KpiKind>& kinds,
                 AuditReport& report) {
    auto finding = [&](const PublicCell& c, const std::string& what) {
        report.findings.push_back({name, c.quarter + " " + c.scope_code + " " + c.kpi_id +
                                             (c.breakdown.empty() ? "" : " " + c.breakdown) + ": " + what});
    };
    for (const auto& c : cells) {
        ++report.cells;
        if (c.figure.suppression == Suppression::small_count) ++report.shown_small;
        else if (c.figure.suppression != Suppression::none) ++report.shown_suppressed;
        const auto kind = kinds.find(c.kpi_id);
        if (kind == kinds.end()) {
            finding(c, "a KPI the query files do not define");
            continue;
        }
        const std::string breach = primary_breach(c, kind->second);
        if (!breach.empty()) finding(c, breach);
    }
    // Rule 3, group by group, as publish() forms them (report/publication.cpp).
    std::map<GroupKey, const PublicCell*> totals;
    // Parts per breakdown dimension (`kind=`, `segment=`): each dimension with two or more codes
    // divides its total; a lone code (`placed=yes`) is a subset and adds up to nothing.
    std::map<std::pair<GroupKey, std::string>, std::vector<const PublicCell*>> parts;
    std::map<std::tuple<std::string, std::string, std::string>, const PublicCell*> region_cells; // quarter, kpi, breakdown
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<const PublicCell*>> municipality_cells;
    for (const auto& c : cells) {
        const GroupKey g{c.quarter, c.scope_type, c.scope_code, c.kpi_id};
        if (c.breakdown.empty()) totals[g] = &c;
        else if (simple_key(c.breakdown)) parts[{g, c.breakdown.substr(0, c.breakdown.find('='))}].push_back(&c);
        if (c.scope_type == scope_type_name(ScopeType::region)) region_cells[{c.quarter, c.kpi_id, c.breakdown}] = &c;
        else municipality_cells[{c.quarter, c.kpi_id, c.breakdown}].push_back(&c);
    }
    for (const auto& [g, ps] : parts) {
        const auto t = totals.find(g.first);
        if (ps.size() >= 2 && recoverable(t == totals.end() ? nullptr : t->second, ps))
            finding(*ps.front(), "a suppressed cell of this breakdown is its total minus the shown cells (rule 3)");
    }
    // A region's municipalities side by side (only a region's own file has several).
    std::set<std::string> municipalities;
    for (const auto& c : cells)
        if (c.scope_type == scope_type_name(ScopeType::municipality)) municipalities.insert(c.scope_code);
    if (municipalities.size() > 1)
        for (const auto& [k, ms] : municipality_cells) {
            const auto r = region_cells.find(k);
            if (ms.size() > 1 && recoverable(r == region_cells.end() ? nullptr : r->second, ms))
                finding(*ms.front(), "a suppressed municipality is the region minus the others shown (rule 3)");
        }
    // The transparency table, grouped as publish() groups it (transparency_part_of), per KPI and
    // its own key (respondent=, goal=).
    struct TransparencyCell {
        std::string kpi; // with the KPI's own key
        TransparencyRow row;
        const PublicCell* cell;
    };
    std::vector<TransparencyCell> transparency;
    for (const auto& c : cells)
        if (c.kpi_id.rfind("TR", 0) == 0) {
            std::string row, own;
            split_transparency_key(c.breakdown, row, own);
            transparency.push_back({c.kpi_id + "|" + own, transparency_row_of(row), &c});
        }
    for (const auto& total : transparency) {
        std::vector<const PublicCell*> ps;
        for (const auto& other : transparency)
            if (other.kpi == total.kpi && transparency_part_of(total.row, other.row)) ps.push_back(other.cell);
        if (!ps.empty() && recoverable(total.cell, ps))
            finding(*total.cell, "a suppressed cell of the transparency table is its row's total minus the others (rule 3)");
    }
}

} // namespace

AuditReport audit_public_folder(const fs::path& root, const std::map<std::string, KpiKind>& kinds,
                                const std::set<std::string>& ids,
                                const std::function<std::string(const fs::path&)>& pdf_text) {
    AuditReport report;
    report.ids_checked = !ids.empty();
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        ++report.files;
        const std::string name = relative_name(file, root);
        if (internal_file(file)) report.findings.push_back({name, "an internal file in the public folder"});
        const std::string ext = file.extension().string();
        std::string text;
        if (ext == ".pdf") text = pdf_text(file);
        else if (ext == ".html" || ext == ".csv" || ext == ".json" || ext == ".txt") text = read_text_file(file, "public file");
        if (ext == ".html") {
            ++report.pages;
            check_links(file, root, text, report);
        }
        if (!ids.empty()) {
            size_t named = 0;
            for (const auto& token : tokens_of(text))
                if (ids.count(token) && named++ < 5) report.findings.push_back({name, "names the id " + token});
        }
        if (file.filename() == "cijfers.csv") check_cells(name, parse_public_cells_csv(text, name), kinds, report);
        if (file.filename() == "cijfers.json") check_cells(name, parse_public_cells_json(text, name), kinds, report);
    }
    return report;
}

} // namespace ss
