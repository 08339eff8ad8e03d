#include "validate/document_check.hpp"

#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <optional>

#include "core/embedded.hpp"
#include "io/file.hpp"
#include "io/unique_fd.hpp"
#include "io/xml_guard.hpp"
#include "io/xml_parse.hpp"
#include "paperbag/error_codes.hpp"
#include "validate/stream_check.hpp"

namespace paperbag {

namespace {

constexpr std::uint64_t max_in_memory = std::uint64_t{INT_MAX};
constexpr std::string_view builtin_prefix = "builtin:";
constexpr std::size_t max_text_node = 10'000'000;  // libxml2's XML_MAX_TEXT_LENGTH

// The line of a DOCTYPE in the prolog (after the XML declaration, comments, processing
// instructions and white space), or nothing when the prolog has none.
std::optional<std::uint64_t> doctype_line(std::string_view bytes) {
    std::uint64_t line = 1;
    std::size_t i = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    auto skip_to = [&](std::string_view end) {
        const auto at = bytes.find(end, i);
        const std::size_t stop = at == std::string_view::npos ? bytes.size() : at + end.size();
        line += static_cast<std::uint64_t>(std::count(
            bytes.begin() + static_cast<long>(i), bytes.begin() + static_cast<long>(stop), '\n'));
        i = stop;
    };
    while (i < bytes.size()) {
        const char c = bytes[i];
        if (c == '\n') {
            ++line;
            ++i;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (bytes.substr(i, 4) == "<!--") {
            skip_to("-->");
        } else if (bytes.substr(i, 2) == "<?") {
            skip_to("?>");
        } else if (bytes.substr(i, 9) == "<!DOCTYPE") {
            return line;
        } else {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

struct XmlReaderFree {
    void operator()(xmlTextReader* p) const noexcept { xmlFreeTextReader(p); }
};
using XmlReaderPtr = std::unique_ptr<xmlTextReader, XmlReaderFree>;

std::string text(const xmlChar* s) {
    return s ? reinterpret_cast<const char*>(s) : "";
}

std::string describe(const RootElement& r) {
    return "{" + r.ns + "}" + r.name + (r.version.empty() ? "" : " version " + r.version);
}

// The schemas that apply to a document of `row` under `profile`: the official one first.
std::vector<std::string> schemas_for(const SchemaRow& row, Profile profile) {
    std::vector<std::string> out{std::string(row.location)};
    if (profile == Profile::paperbag && !row.profile_schema.empty() &&
        !builtin::embedded_file(row.profile_schema).empty())
        out.push_back(std::string(builtin_prefix) + std::string(row.profile_schema));
    return out;
}

bool validate_tree(const XsdSchema& schema, xmlDoc* doc, FindingSink& sink, const std::string& code,
                   const std::string& label) {
    XmlSchemaValidCtxtPtr ctxt(xmlSchemaNewValidCtxt(schema.handle()));
    if (!ctxt) throw Error("PB-XSD", sink.path(), "cannot create a validation context");
    xmlSchemaSetValidStructuredErrors(ctxt.get(), &FindingSink::on_libxml_error, &sink);
    sink.set_libxml_code(code);
    const std::size_t before = sink.errors();
    const int rc = xmlSchemaValidateDoc(ctxt.get(), doc);
    if (rc > 0 && sink.errors() == before)
        sink.add(Severity::error, code, 0, "document is not valid against " + label);
    if (rc < 0)
        sink.add(Severity::error, code, 0, "internal error while validating against " + label);
    return rc == 0;
}

class DocumentChecker {
public:
    DocumentChecker(const DocumentSource& source, SchemaRegistry& registry,
                    const ValidateOptions& options)
        : source_(source),
          registry_(registry),
          options_(options),
          sink_(source.name, options.max_errors, options.skip) {
        outcome_.result.path = source.name;
    }

    DocumentOutcome run() {
        try {
            check();
        } catch (const Error& e) {
            // The error names what failed: this document, or a file it refers to (a damaged
            // bundle entry is blamed, not the METS that points at it).
            Diagnostic d = e.diagnostic();
            if (d.path.empty()) d.path = source_.name;
            // A damaged input makes the document invalid (exit 1); only a failure to run
            // (I/O, a missing schema) leaves it not validated (exit 2).
            not_validated_ = not_validated_ || error_kind(d.code) != ErrorKind::input;
            sink_.add(std::move(d));
        } catch (const std::exception& e) {
            sink_.add(Severity::error, "PB-IO", 0, std::string("cannot validate: ") + e.what());
            not_validated_ = true;
        }
        FileResult& r = outcome_.result;
        r.findings = sink_.findings();
        r.suppressed = sink_.suppressed();
        r.verdict = not_validated_       ? Verdict::not_validated
                    : sink_.errors() > 0 ? Verdict::invalid
                                         : Verdict::valid;
        return std::move(outcome_);
    }

private:
    void check() {
        if (source_.problem) {
            const std::string& code = source_.problem->code;
            not_validated_ = error_kind(code) != ErrorKind::input;
            sink_.add(*source_.problem);
            return;
        }
        const auto on_disk = source_.space->disk_path(source_.path);
        const bool huge = source_.size > options_.stream_threshold;
        std::string bytes;
        UniqueFd fd;
        StreamInput input;
        if (on_disk) {
            std::error_code ec;
            if (!std::filesystem::is_regular_file(*on_disk, ec))
                throw Error("PB-IO", source_.name, "not a regular file");
        }
        if (on_disk && huge) {
            // Huge files are never loaded: they are read through a descriptor as they stream.
            fd = UniqueFd(::open(on_disk->c_str(), O_RDONLY | O_CLOEXEC));
            if (!fd) throw_system_error("cannot open", source_.name);
        } else if (on_disk) {
            bytes = read_file(*on_disk, max_in_memory);
        } else if (huge && source_.space->open(source_.path)) {
            // A huge ZIP entry streams too, through pull readers of the entry.
            input.open = [this] { return source_.space->open(source_.path); };
        } else {
            bytes = source_.space->read_all(source_.path, max_in_memory);
        }
        input.fd = fd.get();
        input.bytes = bytes;
        RootElement element;
        if (!sniff_root(input, element)) return;
        const SchemaRow* row = identify(element);
        if (!row) return;
        // ALTO (the bulk of most collections) is validated streaming, its ID rules fed from
        // the SAX events; other documents are checked on a tree (their rules need one), and
        // huge files always stream.
        const bool alto = std::string_view(row->id).starts_with("alto-");
        if (huge || (alto && options_.profile != Profile::paperbag))
            return check_stream(*row, input, huge, alto && !huge);
        check_tree(*row, bytes);
    }

    void check_tree(const SchemaRow& row, const std::string& bytes) {
        XmlDocPtr doc = parse(bytes);
        if (!doc) return;
        xmlNode* root = xmlDocGetRootElement(doc.get());
        std::shared_ptr<const CompiledSchema> official_missing;
        bool any_used = false;
        for (const std::string& location : schemas_for(row, options_.profile)) {
            const bool is_profile = location != row.location;
            const auto compiled = registry_.get(location);
            if (!compiled->schema) {
                if (is_profile)
                    missing(*compiled, true);
                else
                    official_missing = compiled;
                continue;
            }
            any_used = true;
            outcome_.result.schemas.push_back(location);
            validate_tree(*compiled->schema, doc.get(), sink_,
                          is_profile ? "PB-PROFILE-XSD" : "PB-XSD", location);
        }
        // Without the official schema, paperbag's own profile schema still gives a verdict
        // (with a warning saying so); with neither, the document is not validated.
        if (official_missing) {
            if (any_used) {
                sink_.add(Severity::warning, "PB-SCHEMA-MISSING", 0,
                          "official schema " + official_missing->location +
                              " not available; validated against paperbag's profile schema only "
                              "(" +
                              missing_schema_advice() + ")");
            } else {
                missing(*official_missing, false);
                not_validated_ = true;
            }
        }
        if (options_.profile == Profile::none) return;
        RuleContext context{source_,       doc.get(), sink_, registry_, options_.stream_threshold,
                            outcome_.cross};
        const std::string_view id = row.id;
        if (id == "mets-1")
            check_mets_rules(context);
        else if (id.starts_with("alto-"))
            check_alto_rules(context);
        else if (id == "newsml-g2")
            check_newsml_rules(context);
        else if (id.starts_with("mods-") || id == "premis-3")
            check_metadata_dates(context, root);
    }

    // Validation without a tree: SAX events through the schema validator (memory stays flat
    // for huge files); the ALTO reference rules are fed from the same events.
    void check_stream(const SchemaRow& row, const StreamInput& input, bool huge, bool alto_ids) {
        const std::string location(row.location);
        const auto compiled = registry_.get(location);
        if (!compiled->schema) {
            not_validated_ = true;
            missing(*compiled, false);
            return;
        }
        outcome_.result.schemas.push_back(location);
        AltoReferences refs;
        stream_validate(*compiled->schema, input, sink_, "PB-XSD", location,
                        alto_ids ? &refs : nullptr);
        if (alto_ids) refs.report(sink_, options_.profile != Profile::none);
        if (huge && options_.profile != Profile::none)
            sink_.add(Severity::info, "PB-STREAMED", 0,
                      "file larger than " + std::to_string(options_.stream_threshold) +
                          " bytes: validated streaming against " + location +
                          "; profile rules and profile schemas that need the document tree were "
                          "skipped");
    }

    const SchemaRow* identify(const RootElement& element) {
        const SchemaRow* row = find_schema_row(element);
        if (!row) {
            not_validated_ = true;
            sink_.add(
                Severity::error, "PB-SCHEMA-UNKNOWN", 0,
                "not validated: no schema is known for the root element " + describe(element));
            return nullptr;
        }
        outcome_.result.kind = std::string(row->kind);
        return row;
    }

    void missing(const CompiledSchema& compiled, bool is_profile) {
        if (is_profile) {
            sink_.add(Severity::warning, "PB-SCHEMA-MISSING", 0,
                      "paperbag profile schema " + compiled.location +
                          " not applied: " + compiled.failure);
            return;
        }
        sink_.add(Severity::error, "PB-SCHEMA-MISSING", 0,
                  "not validated: schema " + compiled.location + " is not available (" +
                      compiled.failure + "); " + missing_schema_advice());
    }

    XmlDocPtr parse(const std::string& bytes) {
        if (bytes.empty()) {
            sink_.add(Severity::error, "PB-XML-SYNTAX", 0, "empty file: not an XML document");
            return nullptr;
        }
        // Refuse a DOCTYPE before libxml2 reads it: no DTD, no entity is ever processed.
        if (const auto line = doctype_line(bytes)) {
            refuse_doctype(*line);
            return nullptr;
        }
        if (const auto hit = check_xml_limits(bytes)) {
            sink_.add(limit_diagnostic(*hit, source_.name));
            return nullptr;
        }
        XmlParserCtxtPtr ctxt(xmlNewParserCtxt());
        if (!ctxt) throw Error("PB-XML", source_.name, "cannot create an XML parser");
        XmlDocPtr doc;
        {
            sink_.set_libxml_code("PB-XML-SYNTAX");
            LibxmlErrorsTo errors(sink_);
            doc.reset(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()),
                                        source_.name.c_str(), nullptr, safe_parse_options()));
            if (doc && !ctxt->wellFormed) doc.reset();
        }
        if (!doc) {
            if (sink_.errors() == 0)
                sink_.add(Severity::error, "PB-XML-SYNTAX", 0, "not well-formed XML");
            return nullptr;
        }
        if (xmlGetIntSubset(doc.get()) != nullptr) {  // e.g. a UTF-16 document's DOCTYPE
            refuse_doctype(1);
            return nullptr;
        }
        if (!xmlDocGetRootElement(doc.get())) {
            sink_.add(Severity::error, "PB-XML-SYNTAX", 0, "no root element");
            return nullptr;
        }
        if (bytes.size() > max_text_node && has_huge_text(doc.get())) return nullptr;
        return doc;
    }

    void refuse_doctype(std::uint64_t line) {
        sink_.add(Severity::error, "PB-XML-DTD", line,
                  "document type declaration (DOCTYPE) refused: DTDs and entities are not "
                  "loaded or expanded");
    }

    // libxml2 enforces its 10 MB text limit only on some code paths; enforce it everywhere.
    bool has_huge_text(xmlDoc* doc) {
        bool found = false;
        for_each_node(xmlDocGetRootElement(doc), [&](xmlNode* n) {
            if (found || (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)) return;
            if (n->content && xmlStrlen(n->content) > static_cast<int>(max_text_node)) {
                sink_.add(
                    Severity::error, "PB-XML-SYNTAX", line_of(n->parent),
                    "huge text node (over " + std::to_string(max_text_node) + " bytes) refused");
                found = true;
            }
        });
        return found;
    }

    // Reads just far enough to know the root element (and refuses a DOCTYPE first). For a
    // file, the descriptor is rewound afterwards.
    bool sniff_root(const StreamInput& input, RootElement& element) {
        const int fd = input.fd;
        std::string head;
        std::shared_ptr<ByteReader> pulled;
        if (input.open) {
            pulled = input.open();
            head.resize(64 * 1024);
            std::size_t done = 0;
            while (done < head.size()) {
                const std::ptrdiff_t n = pulled->read(head.data() + done, head.size() - done);
                if (n < 0) pulled->check();
                if (n <= 0) break;
                done += static_cast<std::size_t>(n);
            }
            head.resize(done);
            pulled = input.open();  // the root element is read from the start again
        } else if (fd >= 0) {
            head.resize(64 * 1024);
            const ssize_t n = ::pread(fd, head.data(), head.size(), 0);
            if (n < 0) throw_system_error("cannot read", source_.name);
            head.resize(static_cast<std::size_t>(n));
        }
        const std::string_view start =
            fd >= 0 || pulled ? std::string_view(head) : std::string_view(input.bytes);
        if (start.empty()) {
            sink_.add(Severity::error, "PB-XML-SYNTAX", 0, "empty file: not an XML document");
            return false;
        }
        if (const auto line = doctype_line(start.substr(0, 64 * 1024))) {
            refuse_doctype(*line);
            return false;
        }
        sink_.set_libxml_code("PB-XML-SYNTAX");
        LibxmlErrorsTo errors(sink_);
        // Through the XML guard: a gigabyte of whitespace before the root element would
        // otherwise be held in memory while the reader looks for it.
        XmlGuard guard;
        auto guarded = std::make_unique<GuardedSource>();
        guarded->guard = &guard;
        if (pulled) {
            guarded->pull = [pulled](char* buffer, std::size_t size) {
                return pulled->read(buffer, size);
            };
        } else if (fd >= 0) {
            guarded->fd.reset(::dup(fd));  // shares the offset, rewound below
            if (!guarded->fd) throw_system_error("cannot read", source_.name);
        } else {
            guarded->bytes = input.bytes;
        }
        XmlReaderPtr reader(xmlReaderForIO(&guarded_read, &guarded_close, guarded.get(),
                                           source_.name.c_str(), nullptr, safe_parse_options()));
        if (!reader) throw Error("PB-IO", source_.name, "cannot open for reading");
        guarded.release();  // owned by the reader now (guarded_close frees it)
        const MuteAfterLimit mute(sink_, guard);
        bool found = false;
        while (!found && xmlTextReaderRead(reader.get()) == 1) {
            const int type = xmlTextReaderNodeType(reader.get());
            if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
                refuse_doctype(1);
                return false;
            }
            if (type != XML_READER_TYPE_ELEMENT) continue;
            element.ns = text(xmlTextReaderConstNamespaceUri(reader.get()));
            element.name = text(xmlTextReaderConstLocalName(reader.get()));
            XmlCharPtr version(xmlTextReaderGetAttribute(
                reader.get(), BAD_CAST(element.name == "alto" ? "SCHEMAVERSION" : "version")));
            if (version) element.version = text(version.get());
            found = true;
        }
        if (const auto& hit = guard.hit()) {
            sink_.add(limit_diagnostic(*hit, source_.name));
            return false;
        }
        if (fd >= 0 && ::lseek(fd, 0, SEEK_SET) != 0)
            throw_system_error("cannot rewind", source_.name);
        if (!found && sink_.errors() == 0)
            sink_.add(Severity::error, "PB-XML-SYNTAX", 0, "no root element");
        return found;
    }

    const DocumentSource& source_;
    SchemaRegistry& registry_;
    const ValidateOptions& options_;
    FindingSink sink_;
    DocumentOutcome outcome_;
    bool not_validated_ = false;
};

}  // namespace

DocumentOutcome check_document(const DocumentSource& source, SchemaRegistry& registry,
                               const ValidateOptions& options) {
    init_libxml();
    return DocumentChecker(source, registry, options).run();
}

}  // namespace paperbag
