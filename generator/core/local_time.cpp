#include "core/local_time.hpp"

#include <cstdlib>
#include <ctime>

namespace ss {

namespace {

std::tm local_now() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local;
}

} // namespace

Date local_today() {
    const std::tm t = local_now();
    return make_date(t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
}

std::string local_timestamp() {
    const std::tm t = local_now();
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &t);
    return buf;
}

Date amsterdam_today() {
    // The quarter turns at midnight in the Netherlands, not at midnight UTC or where the server is.
    const char* previous = std::getenv("TZ");
    const std::string saved = previous ? previous : "";
    setenv("TZ", "Europe/Amsterdam", 1);
    tzset();
    const Date today = local_today();
    if (previous) setenv("TZ", saved.c_str(), 1);
    else unsetenv("TZ");
    tzset();
    return today;
}

} // namespace ss
