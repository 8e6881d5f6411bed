#include "render/pdf_accessibility.hpp"

#include <algorithm>
#include <cstdio>

// qpdf 11: use its std::shared_ptr interface, not the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "core/errors.hpp"
#include "core/sha256.hpp"

namespace ss {

namespace {

/// The Figure elements under `node`, depth first: the order Cairo wrote them, the reading order.
/// Only /K is followed (every element also points back to its parent with /P). Tables and the
/// table of contents are not entered: our documents put no chart in them, and their cells were
/// two thirds of the elements read (a chart in one would make the count differ: an error).
void collect_figures(QPDFObjectHandle node, std::vector<QPDFObjectHandle>& figures) {
    if (node.isArray()) {
        for (int i = 0; i < node.getArrayNItems(); ++i) collect_figures(node.getArrayItem(i), figures);
        return;
    }
    if (!node.isDictionary()) return;
    QPDFObjectHandle type = node.getKey("/S");
    if (type.isName()) {
        const std::string name = type.getName();
        if (name == "/Figure") figures.push_back(node);
        if (name == "/Table" || name == "/TOC") return;
    }
    if (node.hasKey("/K")) collect_figures(node.getKey("/K"), figures);
}

/// Where the file's last cross-reference section starts (the number after its last `startxref`).
long long last_xref_offset(const std::string& bytes) {
    const size_t at = bytes.rfind("startxref");
    long long offset = -1;
    if (at == std::string::npos || std::sscanf(bytes.c_str() + at + 9, "%lld", &offset) != 1 || offset < 0)
        throw OutputError("PDF: Cairo's file has no startxref (please report this)");
    return offset;
}

/// `objects` (indirect objects of `pdf`, changed) appended to `bytes` as an incremental update
/// (PDF 32000-1, 7.5.6): the objects, a cross-reference section for them and a trailer pointing
/// back to Cairo's. Cairo's bytes stay as they are, so nothing is parsed or compressed again.
std::string with_update(const std::string& bytes, QPDF& pdf, std::vector<QPDFObjectHandle> objects) {
    std::sort(objects.begin(), objects.end(), [](auto& a, auto& b) { return a.getObjectID() < b.getObjectID(); });
    std::string out = bytes;
    if (!out.empty() && out.back() != '\n') out += '\n';
    std::vector<std::pair<int, size_t>> offsets; // object number, where it starts
    for (auto& object : objects) {
        if (!object.isIndirect() || object.getGeneration() != 0)
            throw OutputError("PDF: a structure element Cairo wrote is not an object of its own (please report this)");
        offsets.emplace_back(object.getObjectID(), out.size());
        out += std::to_string(object.getObjectID()) + " 0 obj\n" + object.unparseResolved() + "\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n";
    for (size_t i = 0; i < offsets.size();) {
        size_t run = 1; // a subsection per run of consecutive object numbers
        while (i + run < offsets.size() && offsets[i + run].first == offsets[i].first + static_cast<int>(run)) ++run;
        out += std::to_string(offsets[i].first) + " " + std::to_string(run) + "\n";
        for (size_t j = i; j < i + run; ++j) {
            char entry[32];
            std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offsets[j].second);
            out += entry;
        }
        i += run;
    }
    QPDFObjectHandle trailer = pdf.getTrailer().shallowCopy();
    trailer.replaceKey("/Prev", QPDFObjectHandle::newInteger(last_xref_offset(bytes)));
    // A file identifier made from the content, so that the same report gives the same bytes.
    const std::string hex = sha256_hex(out).substr(0, 32);
    std::string id;
    for (size_t i = 0; i < hex.size(); i += 2) id += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    trailer.replaceKey("/ID", QPDFObjectHandle::newArray({QPDFObjectHandle::newString(id), QPDFObjectHandle::newString(id)}));
    out += "trailer\n" + trailer.unparseResolved() + "\n";
    out += "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

} // namespace

std::string add_accessibility(const std::string& bytes, const std::string& language, const std::vector<std::string>& figure_alts) {
    try {
        QPDF pdf;
        pdf.processMemoryFile("report.pdf", bytes.data(), bytes.size());
        QPDFObjectHandle root = pdf.getRoot();
        root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(language));
        std::vector<QPDFObjectHandle> figures;
        if (root.hasKey("/StructTreeRoot")) collect_figures(root.getKey("/StructTreeRoot").getKey("/K"), figures);
        if (figures.size() != figure_alts.size())
            throw OutputError("PDF: " + std::to_string(figures.size()) + " figures but " + std::to_string(figure_alts.size()) +
                              " text alternatives (please report this)");
        std::vector<QPDFObjectHandle> changed{root};
        for (size_t i = 0; i < figures.size(); ++i) {
            if (figure_alts[i].empty()) continue;
            figures[i].replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(figure_alts[i]));
            changed.push_back(figures[i]);
        }
        return with_update(bytes, pdf, changed);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw OutputError(std::string("PDF: cannot add the language and text alternatives: ") + e.what());
    }
}

} // namespace ss
