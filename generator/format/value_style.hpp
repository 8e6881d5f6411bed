// How a KPI's value reads: a number, a percentage or an amount in euro. Plain data, shared by the
// report model, the charts and every renderer.
#pragma once

#include <string>

namespace ss {

enum class ValueStyle { number, percent, euro };

/// A value as every output writes it: `1.234,5`, `12,3%`, `€ 1.234`.
std::string format_styled(double value, ValueStyle style, int decimals);

} // namespace ss
