// The sentences of the council letter: one per headline figure, from the patterns of
// templates/council.json, in plain Dutch, for every case: rises, falls, stays the same, no
// figure a year before, no figure now, a figure too small to publish; one and more than one.
#pragma once

#include <string>

#include "report/report_definition.hpp"
#include "report/report_model.hpp"

namespace ss {

/// The sentence about `block`. The council letter is public: the small-number rules apply, and a
/// suppressed figure is never named. `region_name` empty: no comparison with the region.
std::string council_sentence(const KpiBlock& block, const SentencePatterns& patterns, const std::string& region_name);

/// The letter's key message: the headline figures that went the desired way in a year, the ones
/// that went the other way, the ones that stayed about the same and the provisional ones, a line each.
std::vector<std::string> key_message(const std::vector<const KpiBlock*>& blocks, const LetterDefinition& letter);

} // namespace ss
