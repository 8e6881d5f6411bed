// Who gets what: each recipient the files of the report kinds in its row, for its own scope only,
// from the quarter's manifest. Attachments above a size limit are named in the body instead.
// Pure: recipients and a manifest in, deliveries out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "run/manifest.hpp"

namespace ss {

struct Recipient {
    std::string scope_code;
    std::string name;
    std::string email;
    std::string role;
    std::vector<std::string> reports; ///< report kinds of recipients.csv
};

struct PlannedFile {
    ManifestFile file;
    bool attached = true; ///< false: too large, named in the body with its path
};

struct PlannedDelivery {
    Recipient recipient;
    std::vector<PlannedFile> files;
    std::string content_sha256; ///< over the kinds and the files' checksums: what "the same message" means
};

/// One delivery per recipient with at least one file. The PDF, Excel and CSV files of the
/// recipient's kinds and scope; never another scope's. A region's `samen-sturen` is its region report.
std::vector<PlannedDelivery> plan_distribution(const std::vector<Recipient>& recipients, const Manifest& manifest,
                                        std::uint64_t max_attachment_bytes);

/// Recipients without any file to receive (their kinds have none for their scope).
std::vector<Recipient> recipients_without_files(const std::vector<Recipient>& recipients, const Manifest& manifest);

} // namespace ss
