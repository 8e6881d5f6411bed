// Locked-down pages (issue #14, item 6): every page carries a Content-Security-Policy that allows
// nothing from elsewhere and its own inline style and script only by their hash. (Chromium's
// check that nothing of the page itself is blocked runs with axe: tests/html-checks/axe-check.js.)
#include <doctest/doctest.h>

#include "render/content_security.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

std::string between(const std::string& text, const std::string& open, const std::string& close) {
    const size_t start = text.find(open);
    if (start == std::string::npos) return "";
    const size_t from = start + open.size();
    return text.substr(from, text.find(close, from) - from);
}

} // namespace

TEST_CASE("content security: a policy with hashes of the page's own style and script, nothing else") {
    const std::string page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>p{}</style></head>"
                             "<body><script>var a=1;</script></body></html>";
    const std::string locked = with_content_security_policy(page);
    const std::string policy = between(locked, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
    CHECK(policy == "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; style-src " +
                        csp_hash("p{}") + "; script-src " + csp_hash("var a=1;"));
    // The SHA-256 of "p{}" in base64, as `echo -n 'p{}' | openssl dgst -sha256 -binary | base64` gives it.
    CHECK(csp_hash("p{}") == "'sha256-" + run_cli_text("printf '%s' 'p{}' | openssl dgst -sha256 -binary | base64 | tr -d '\\n'") + "'");
    CHECK(locked.find("<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\"") != std::string::npos);
}

TEST_CASE("content security: every page of a run is locked down, with the hashes of what it holds") {
    const auto& run = small_demo_run();
    int pages = 0;
    for (const auto& e : fs::recursive_directory_iterator(run.quarter_folder)) {
        if (e.path().extension() != ".html") continue;
        const std::string html = read_file(e.path());
        const std::string policy = between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
        CAPTURE(e.path().string());
        REQUIRE(!policy.empty());
        CHECK(policy.rfind("default-src 'none'; img-src data:;", 0) == 0);
        CHECK(policy.find("unsafe") == std::string::npos);
        CHECK(policy.find("style-src " + csp_hash(between(html, "<style>", "</style>"))) != std::string::npos);
        const std::string script = between(html, "<script>", "</script>");
        if (!script.empty()) CHECK(policy.find("script-src " + csp_hash(script)) != std::string::npos);
        else CHECK(policy.find("script-src") == std::string::npos);
        ++pages;
    }
    CHECK(pages >= 12);
}
