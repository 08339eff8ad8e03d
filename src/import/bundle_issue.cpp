#include "paperbag/bundle_issue.hpp"

#include "import/mets_reader.hpp"
#include "import/newsml_reader.hpp"

namespace paperbag {

namespace {

constexpr std::uint64_t max_mets_size = std::uint64_t{64} << 20;
constexpr std::uint64_t max_item_size = std::uint64_t{16} << 20;

// The bag folder holding data/mets.xml ("<bag>/data/mets.xml" with one top segment).
const BundleEntry* find_mets(const BundleReader& bundle) {
    constexpr std::string_view suffix = "/data/mets.xml";
    for (const BundleEntry& entry : bundle.entries()) {
        const std::string& name = entry.name;
        if (entry.usable && name.ends_with(suffix) && name.find('/') == name.size() - suffix.size())
            return &entry;
    }
    return nullptr;
}

void add_errors_of(const BundleReader& bundle, Diagnostics& diagnostics) {
    for (const Diagnostic& d : bundle.diagnostics())
        if (d.severity == Severity::error) diagnostics.add(d);
}

}  // namespace

std::optional<Issue> read_bundle_issue(BundleReader& bundle, Diagnostics& diagnostics,
                                       const IssuePredicate& wanted) {
    const std::string bundle_path = bundle.path().string();
    // The same checks as verify's reader: hostile names, links, duplicates (a forged second
    // item), NFC twins, encryption, bombs, CRC damage. Such a bundle is skipped whole.
    if (!bundle.check_all()) {
        add_errors_of(bundle, diagnostics);
        diagnostics.add(make_error("PB-BUNDLE-DAMAGED", bundle_path, 0,
                                   "damaged or hostile bundle: not read (see 'paperbag verify')"));
        return std::nullopt;
    }
    const BundleEntry* mets = find_mets(bundle);
    if (mets == nullptr) {
        add_errors_of(bundle, diagnostics);
        diagnostics.add(make_error("PB-EXPORT-NOT-PAPERBAG", bundle_path, 0,
                                   "not a paperbag bundle: no <bag>/data/mets.xml"));
        return std::nullopt;
    }
    const std::string data =
        mets->name.substr(0, mets->name.size() - std::string("mets.xml").size());
    const std::string mets_path = bundle.entry_path(mets->name);
    const auto mets_bytes = bundle.read(*mets, max_mets_size);
    if (!mets_bytes) {
        add_errors_of(bundle, diagnostics);
        diagnostics.add(make_error("PB-EXPORT-READ", mets_path, 0, "cannot read the METS"));
        return std::nullopt;
    }
    auto parsed = read_paperbag_mets(*mets_bytes, mets_path, diagnostics);
    if (!parsed) return std::nullopt;
    Issue& issue = parsed->issue;
    if (wanted && !wanted(issue)) return std::move(issue);

    auto read_item = [&](const std::string& id) -> std::optional<std::string> {
        const auto it = parsed->items.find(id);
        if (it == parsed->items.end()) {
            diagnostics.add(
                make_error("PB-EXPORT-READ", mets_path, 0, "'" + id + "' has no NewsML-G2 item"));
            return std::nullopt;
        }
        const BundleEntry* entry = bundle.find(data + it->second);
        auto bytes = entry ? bundle.read(*entry, max_item_size) : std::nullopt;
        if (!bytes) {
            add_errors_of(bundle, diagnostics);
            diagnostics.add(make_error("PB-EXPORT-READ", bundle.entry_path(data + it->second), 0,
                                       "cannot read this NewsML-G2 item"));
        }
        return bytes;
    };
    for (Article& article : issue.articles) {
        const auto bytes = read_item(article.id);
        if (!bytes ||
            !read_newsml_article(*bytes, bundle.entry_path(data + parsed->items[article.id]),
                                 article, diagnostics))
            return std::nullopt;
    }
    for (Illustration& illustration : issue.illustrations) {
        const auto bytes = read_item(illustration.id);
        if (!bytes ||
            !read_newsml_picture(*bytes, bundle.entry_path(data + parsed->items[illustration.id]),
                                 illustration, diagnostics))
            return std::nullopt;
    }
    return std::move(issue);
}

}  // namespace paperbag
