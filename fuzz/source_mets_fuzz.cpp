// libFuzzer entry point for issue folders described by another tool's METS (NDNP, BnL/Europeana,
// BL, OCR-D): each input is the folder's mets.xml, beside one small ALTO page (p1.xml) and one
// image (p1.png) that its fileSec may point to. The folder is read with read_mets_issue (files
// absent or mismatching recorded, as --missing=warn does) and, when that gives an issue,
// segmented with segment_issue, which keeps the METS' own article structure (areas, structLink)
// when it has one.
//
// Findings are fine; an exception escaping is a crash, and so is an issue returned although
// errors were reported.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_file.hpp"
#include "import/mets_issue.hpp"
#include "paperbag/page_import.hpp"

namespace {

constexpr std::string_view alto =
    "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v2#\"><Layout><Page ID=\"P1\" "
    "WIDTH=\"1000\" HEIGHT=\"1400\"><PrintSpace><TextBlock ID=\"TB1\" HPOS=\"10\" VPOS=\"10\" "
    "WIDTH=\"500\" HEIGHT=\"40\"><TextLine><String ID=\"S1\" HPOS=\"10\" VPOS=\"10\" WIDTH=\"200\" "
    "HEIGHT=\"40\" CONTENT=\"HEADLINE\"/></TextLine></TextBlock><TextBlock ID=\"TB2\" HPOS=\"10\" "
    "VPOS=\"60\" WIDTH=\"500\" HEIGHT=\"20\"><TextLine><String ID=\"S2\" HPOS=\"10\" VPOS=\"60\" "
    "WIDTH=\"90\" HEIGHT=\"20\" CONTENT=\"Body\"/><SP/><String ID=\"S3\" HPOS=\"110\" VPOS=\"60\" "
    "WIDTH=\"90\" HEIGHT=\"20\" CONTENT=\"text.\"/></TextLine></TextBlock></PrintSpace></Page>"
    "</Layout></alto>";
constexpr std::string_view png = "\x89PNG\r\n\x1a\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace paperbag;
    static const bool files = [] {
        fuzz::write_scratch("p1.xml", reinterpret_cast<const std::uint8_t*>(alto.data()),
                            alto.size());
        fuzz::write_scratch("p1.png", reinterpret_cast<const std::uint8_t*>(png.data()),
                            png.size());
        return true;
    }();
    (void)files;
    const auto path = fuzz::write_scratch("mets.xml", data, size);
    Diagnostics diagnostics;
    try {
        MetsIssueOptions options;
        options.missing_warn = true;
        auto issue = read_mets_issue(path, options, diagnostics);
        if (issue && diagnostics.has_errors()) std::abort();
        if (issue) segment_issue(*issue, diagnostics);
    } catch (const Error&) {
    }
    return 0;
}
