#include "format/value_style.hpp"

#include "format/dutch.hpp"

namespace ss {

std::string format_styled(double value, ValueStyle style, int decimals) {
    switch (style) {
    case ValueStyle::percent: return format_percent(value, decimals);
    case ValueStyle::euro: return format_euro(value, decimals);
    case ValueStyle::number: break;
    }
    return format_number(value, decimals);
}

} // namespace ss
