#include "render/pdf_accessibility.hpp"

// qpdf 11: use its std::shared_ptr interface, not the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include "core/errors.hpp"

namespace ss {

namespace {

/// The Figure elements under `node`, depth first: the order Cairo wrote them, the reading order.
/// Only /K is followed (every element also points back to its parent with /P).
void collect_figures(QPDFObjectHandle node, std::vector<QPDFObjectHandle>& figures) {
    if (node.isArray()) {
        for (int i = 0; i < node.getArrayNItems(); ++i) collect_figures(node.getArrayItem(i), figures);
        return;
    }
    if (!node.isDictionary()) return;
    QPDFObjectHandle type = node.getKey("/S");
    if (type.isName() && type.getName() == "/Figure") figures.push_back(node);
    if (node.hasKey("/K")) collect_figures(node.getKey("/K"), figures);
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
        for (size_t i = 0; i < figures.size(); ++i)
            if (!figure_alts[i].empty()) figures[i].replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(figure_alts[i]));
        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        writer.setDeterministicID(true);
        // Cairo's streams are compressed already: copy them as they are instead of decoding and
        // compressing them again.
        writer.setDecodeLevel(qpdf_dl_none);
        writer.write();
        const auto buffer = writer.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw OutputError(std::string("PDF: cannot add the language and text alternatives: ") + e.what());
    }
}

} // namespace ss
