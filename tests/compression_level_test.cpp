// The program's files are compressed at zlib's fastest level (generator/cli/compression_level.cpp):
// each workbook part and each PDF stream says so in its own header.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace ss::test;

namespace {

/// The general purpose flags of every local file header of a zip (APPNOTE 4.3.7).
std::vector<std::uint16_t> zip_entry_flags(const std::string& zip) {
    std::vector<std::uint16_t> flags;
    for (size_t at = zip.find("PK\x03\x04"); at != std::string::npos; at = zip.find("PK\x03\x04", at + 4))
        flags.push_back(static_cast<std::uint16_t>(static_cast<unsigned char>(zip[at + 6]) |
                                                   static_cast<unsigned char>(zip[at + 7]) << 8));
    return flags;
}

/// The first two bytes of every stream of a PDF: a Flate stream starts with zlib's header, whose
/// second byte names the level it was written at (RFC 1950: 0x01 fastest, 0x9C default).
std::vector<std::string> stream_headers(const std::string& pdf) {
    std::vector<std::string> headers;
    for (size_t at = pdf.find("stream"); at != std::string::npos; at = pdf.find("stream", at + 6)) {
        if (at >= 3 && pdf.compare(at - 3, 3, "end") == 0) continue;
        size_t data = at + 6;
        if (pdf.compare(data, 2, "\r\n") == 0) data += 2;
        else if (pdf[data] == '\n') data += 1;
        else continue; // "stream" inside some other word
        headers.push_back(pdf.substr(data, 2));
    }
    return headers;
}

} // namespace

TEST_CASE("compression: every part of every workbook is deflated at zlib's fastest level") {
    const auto workbooks = files_with_extension(small_demo_run().quarter_folder, ".xlsx");
    CHECK(workbooks.size() >= 4);
    for (const auto& workbook : workbooks) {
        const auto flags = zip_entry_flags(read_file(workbook));
        REQUIRE(flags.size() > 10); // a workbook has its sheets, styles, strings, charts...
        for (const auto flag : flags)
            CHECK_MESSAGE((flag & 6) == 6, workbook.string()); // bits 1-2 set: "super fast" (level 1)
    }
}

TEST_CASE("compression: every stream of every PDF is deflated at zlib's fastest level") {
    const auto pdfs = files_with_extension(small_demo_run().quarter_folder, ".pdf");
    CHECK(pdfs.size() >= 4);
    for (const auto& pdf : pdfs) {
        const auto headers = stream_headers(read_file(pdf));
        REQUIRE(headers.size() > 3); // pages and fonts
        for (const auto& header : headers) CHECK_MESSAGE(header == std::string("\x78\x01"), pdf.string());
    }
}
