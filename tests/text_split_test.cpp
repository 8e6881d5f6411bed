// Splitting separated lists: every part, empty ones included, so callers decide what an empty part means.
#include <doctest/doctest.h>

#include "core/text_split.hpp"

using namespace ss;

TEST_CASE("split: every part between separators, empty parts included") {
    using V = std::vector<std::string_view>;
    CHECK(split("provider=P,intensity=acuut", ',') == V{"provider=P", "intensity=acuut"});
    CHECK(split("a,,b,", ',') == V{"a", "", "b", ""});
    CHECK(split("", ',') == V{""});
    CHECK(split("samen-sturen;council", ';') == V{"samen-sturen", "council"});
}
