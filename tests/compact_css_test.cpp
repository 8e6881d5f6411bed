// The inlined style sheet loses its comments and layout, never a rule or a string.
#include <doctest/doctest.h>

#include "render/compact_css.hpp"

using ss::html::compact_css;

TEST_CASE("compact_css drops comments and layout whitespace") {
    const std::string css = "/* The pages. */\n"
                            "th, td { padding: .3rem .5rem;\n  text-align: right; }\n"
                            "@media print {\n  body { font-size: 10pt; }\n}\n";
    CHECK(compact_css(css) == "th,td{padding: .3rem .5rem;text-align: right}@media print{body{font-size: 10pt}}");
}

TEST_CASE("compact_css keeps descendant selectors, pseudo-classes and quoted strings as written") {
    CHECK(compact_css("table.gi  thead th { white-space: normal; }") == "table.gi thead th{white-space: normal}");
    CHECK(compact_css("a :hover { color: red }") == "a :hover{color: red}");
    CHECK(compact_css("th[aria-sort=\"ascending\"] b::after { content: \" ;  } ▲\"; }") ==
          "th[aria-sort=\"ascending\"] b::after{content: \" ;  } ▲\"}");
    CHECK(compact_css("html { font-family: \"DejaVu Sans\", system-ui; }") ==
          "html{font-family: \"DejaVu Sans\",system-ui}");
}

TEST_CASE("compact_css of a comment between selectors keeps them apart") {
    CHECK(compact_css("a/* x */b { c: d }") == "a b{c: d}");
    CHECK(compact_css("p { color: red } /* unterminated") == "p{color: red}");
}
