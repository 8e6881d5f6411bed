// Day-number arithmetic after Howard Hinnant's civil-date algorithms (public domain).
#include "core/dates.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace ss {

Date make_date(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Date{era * 146097 + static_cast<int>(doe) - 719468};
}

void split_date(Date date, int& year, int& month, int& day) {
    const int z = date.days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(yoe) + era * 400 + (month <= 2);
}

int year_of(Date d) {
    int y, m, day;
    split_date(d, y, m, day);
    return y;
}

static int days_in_month(int year, int month) {
    static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : lengths[month - 1];
}

static bool parse_digits(std::string_view text, int& out) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

std::optional<Date> parse_iso_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    int y, m, d;
    parse_digits(t.substr(0, 4), y);
    parse_digits(t.substr(5, 2), m);
    parse_digits(t.substr(8, 2), d);
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return make_date(y, m, d);
}

std::string format_iso_date(Date d) {
    int y, m, day;
    split_date(d, y, m, day);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, day);
    return buf;
}

Date add_months(Date d, int months) {
    int y, m, day;
    split_date(d, y, m, day);
    int index = y * 12 + (m - 1) + months;
    y = index / 12;
    m = index % 12 + 1;
    return make_date(y, m, std::min(day, days_in_month(y, m)));
}

Date Quarter::first_day() const { return make_date(year, (q - 1) * 3 + 1, 1); }
Date Quarter::last_day() const { return Date{next().first_day().days - 1}; }
Quarter Quarter::next() const { return q == 4 ? Quarter{year + 1, 1} : Quarter{year, q + 1}; }
Quarter Quarter::previous() const { return q == 1 ? Quarter{year - 1, 4} : Quarter{year, q - 1}; }

std::string Quarter::code() const { return std::to_string(year) + "-Q" + std::to_string(q); }

std::optional<Quarter> parse_quarter(std::string_view t) {
    if (t.size() != 7 || t[4] != '-' || (t[5] != 'Q' && t[5] != 'q')) return std::nullopt;
    int y;
    if (!parse_digits(t.substr(0, 4), y) || t[6] < '1' || t[6] > '4') return std::nullopt;
    return Quarter{y, t[6] - '0'};
}

Quarter quarter_of(Date d) {
    int y, m, day;
    split_date(d, y, m, day);
    return Quarter{y, (m - 1) / 3 + 1};
}

} // namespace ss
