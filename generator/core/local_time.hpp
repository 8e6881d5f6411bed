// The clock, read at the edge: today's date and a timestamp in the machine's time, and today in
// Dutch time, which decides which quarter is the last completed one.
#pragma once

#include <string>

#include "core/dates.hpp"

namespace ss {

Date local_today();
/// `2026-01-20T05:00:03`, for logs and the database's bookkeeping.
std::string local_timestamp();
/// Today in Europe/Amsterdam, whatever the machine's time zone.
Date amsterdam_today();

} // namespace ss
