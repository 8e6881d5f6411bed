#include "report/council_sentences.hpp"

#include "report/figure_text.hpp"

namespace ss {

namespace {

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

ShownFigure published(const KpiBlock& block, const Figure& f) {
    return show_figure(f, block.item.style, block.item.decimals);
}

/// " per 1.000 jongeren", " jaar"; nothing after a percentage or an amount, which carry their unit.
std::string unit_after(const KpiBlock& block, double value) {
    const std::string& unit = value == 1.0 && !block.item.unit_one.empty() ? block.item.unit_one : block.item.unit;
    return unit.empty() ? "" : " " + unit;
}

} // namespace

std::string fill_pattern(std::string pattern, const std::vector<std::pair<std::string, std::string>>& values) {
    for (const auto& [name, value] : values) {
        const std::string key = "{" + name + "}";
        for (size_t at = 0; (at = pattern.find(key, at)) != std::string::npos; at += value.size()) pattern.replace(at, key.size(), value);
    }
    return pattern;
}

std::string council_sentence(const KpiBlock& block, const SentencePatterns& p, const std::string& region_name) {
    const std::string subject = block.item.subject.empty() ? block.item.title : block.item.subject;
    const ShownFigure now = published(block, block.value);
    std::vector<std::pair<std::string, std::string>> values{{"subject", subject}, {"subject_lower", lower_first(subject)}};
    if (now.suppressed) return fill_pattern(p.suppressed, values);
    if (!block.value.value) return fill_pattern(p.missing, values);
    values.push_back({"now", now.text});
    values.push_back({"unit", unit_after(block, *block.value.value)});
    // Not all invoices are in: the figure is named, with why it is not compared (kpis.md).
    if (block.value.provisional) return fill_pattern(p.provisional, values);

    const ShownFigure before = published(block, block.year_ago);
    const bool history = block.year_ago.value && !before.suppressed && block.change;
    std::string sentence;
    if (!history) {
        sentence = fill_pattern(p.no_history, values);
    } else {
        values.push_back({"before", before.text});
        // A change within 2%, or one that rounds away in print, reads as "the same".
        const bool same = *block.change == Change::same || before.text == now.text;
        sentence = fill_pattern(same ? p.same : *block.change == Change::rises ? p.rises : p.falls, values);
    }
    const ShownFigure region = published(block, block.region);
    if (!region_name.empty() && region.value) {
        values.push_back({"region", region.text});
        values.push_back({"region_name", region_name});
        sentence += fill_pattern(p.region, values);
    }
    sentence += ".";
    if (!history) sentence += " " + p.no_history_note;
    return sentence;
}

} // namespace ss
