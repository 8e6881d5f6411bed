#include "report/council_sentences.hpp"

#include "core/text_pattern.hpp"
#include "core/text_split.hpp"
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
        sentence = fill_pattern(p.no_history, values) + " " + p.no_history_note;
    } else {
        values.push_back({"before", before.text});
        // A change within 2%, or one that rounds away in print, reads as "the same"; nil then and
        // now reads as nil ("ongeveer gelijk gebleven: 0,0" says nothing).
        const bool same = *block.change == Change::same || before.text == now.text;
        if (same && *block.value.value == 0.0 && *block.year_ago.value == 0.0) sentence = fill_pattern(p.zero, values);
        else sentence = fill_pattern(same ? p.same : *block.change == Change::rises ? p.rises : p.falls, values);
        // Better or worse, seen from the direction the region wants the figure to go.
        if (!same && block.judgement && *block.judgement != Judgement::same)
            sentence += " " + (*block.judgement == Judgement::better ? p.better : p.worse);
    }
    if (block.target && block.status) {
        Figure target;
        target.value = block.target->value;
        values.push_back({"target", published(block, target).text});
        const std::string& pattern = *block.status == TargetStatus::on_target ? p.on_target
                                     : *block.status == TargetStatus::near     ? p.near_target
                                                                               : p.off_target;
        sentence += " " + fill_pattern(pattern, values);
    }
    const ShownFigure region = published(block, block.region);
    if (!region_name.empty() && region.value) {
        values.push_back({"region", region.text});
        values.push_back({"region_name", region_name});
        sentence += " " + fill_pattern(p.region, values);
    }
    return sentence;
}

std::vector<std::string> key_message(const std::vector<const KpiBlock*>& blocks, const LetterDefinition& letter) {
    std::vector<std::string> better, worse, same, provisional;
    for (const KpiBlock* b : blocks) {
        const std::string title = lower_first(b->item.title);
        if (b->value.provisional) provisional.push_back(title);
        else if (!b->judgement || !b->change) continue;
        else if (*b->judgement == Judgement::better) better.push_back(title);
        else if (*b->judgement == Judgement::worse) worse.push_back(title);
        else same.push_back(title);
    }
    auto listed = [](const std::vector<std::string>& items) { return join(items, ", ", " en "); };
    std::vector<std::string> lines;
    if (!better.empty()) lines.push_back(letter.key_better + ": " + listed(better) + ".");
    if (!worse.empty()) lines.push_back(letter.key_worse + ": " + listed(worse) + ".");
    if (!same.empty()) lines.push_back(letter.key_same + ": " + listed(same) + ".");
    if (!provisional.empty()) lines.push_back(letter.key_provisional + ": " + listed(provisional) + ".");
    return lines;
}

} // namespace ss
