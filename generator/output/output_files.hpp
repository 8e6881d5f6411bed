// Where a run's files go and how they are written: folder and file names of reports.md's
// output layout, and writes that never leave a half file under the final name.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "core/dates.hpp"
#include "schema/scope.hpp"

namespace ss {

/// Where a file of a quarter goes (reports.md "Output layout"): `public/` is the site, copied to
/// a web server as it is; `internal/` is mailed to its recipients and never published.
enum class Publication { public_site, internal };

/// "public" or "internal": the folder under the quarter, and the manifest's `audience`.
std::string publication_name(Publication where);

/// "GM0505-dordrecht" for a municipality, "regio-<code>-<slug>" for a region. Only the slug of
/// the name and a code checked to be letters, digits and hyphens: a name never steers a path.
std::string scope_folder_name(const Scope& scope);

/// A file name of the output layout from its pattern (run/report_registry.cpp):
/// "samen-sturen-{quarter}-{code}.pdf" gives "samen-sturen-2025-Q3-GM0505.pdf". The code is checked
/// to be letters, digits and hyphens, as in the folder names.
std::string scope_file_name(const std::string& pattern, const std::string& scope_code, const std::string& quarter_code);

/// Writes `bytes` to a temporary name beside `path` and renames it into place, so a reader (or
/// a run killed half-way) never sees a partial file. Throws OutputError naming the file.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// The same for a writer that needs a path (libxlsxwriter): `write` writes to a temporary path,
/// which is renamed to `path` when it returns; on an exception the temporary file is removed.
void write_file_atomically_with(const std::filesystem::path& path, const std::function<void(const std::string&)>& write);

} // namespace ss
