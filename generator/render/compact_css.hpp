// The pages' style sheet without its comments and layout whitespace: every page inlines it, so
// its size is paid once per page (a municipality's page must stay under 150 KB).
#pragma once

#include <string>

namespace ss::html {

/// `css` with comments removed, whitespace runs made one space, the spaces next to `{`, `}`, `;`
/// and `,` dropped and no `;` before `}`. Quoted strings are kept as written (`content: " ▲"`).
std::string compact_css(const std::string& css);

} // namespace ss::html
