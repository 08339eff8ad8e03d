// The input layer of `paperbag validate`: documents to validate, whatever they come from
// (a file, a folder, a ZIP bundle), and the "file space" around each one, where profile
// rules look up the files a document refers to (METS FLocat, ALTO referenced by METS).
// A bundle reader only has to provide a FileSpace to plug in.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paperbag/bundle_reader.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

// A tree of files addressed by normalised relative '/'-separated paths. Implementations
// never give access to anything outside the tree.
// Bytes pulled a piece at a time, for libxml2's streaming input.
class ByteReader {
public:
    virtual ~ByteReader() = default;
    // Reads the next bytes: their number, 0 at the end, -1 after a problem.
    virtual std::ptrdiff_t read(char* buffer, std::size_t size) = 0;
    // Throws the problem that made read() return -1 as an Error; nothing when there is none.
    virtual void check() const = 0;
};

class FileSpace {
public:
    virtual ~FileSpace() = default;
    // The size of the file at `path`, or nothing when there is no such regular file.
    virtual std::optional<std::uint64_t> size_of(const std::string& path) const = 0;
    // Streams the file's bytes to `sink` in pieces. Throws Error (PB-IO) when unreadable.
    virtual void read(const std::string& path,
                      const std::function<void(std::string_view)>& sink) const = 0;
    // The file on disk, when the space is a folder (for streaming libxml2 input).
    virtual std::optional<std::filesystem::path> disk_path(const std::string& path) const = 0;
    // A pull reader of the file, when the space has one (a ZIP); nullptr otherwise (a folder
    // streams through disk_path). Throws Error (PB-IO) when the file cannot be opened.
    virtual std::unique_ptr<ByteReader> open(const std::string&) const { return nullptr; }
    // The file's SHA-256 (lower-case hex) when it is already known from its bytes (a ZIP
    // entry verify has just read); nothing otherwise.
    virtual std::optional<std::string> known_sha256(const std::string&) const {
        return std::nullopt;
    }
    // Reads a whole file of at most `max_size` bytes (Error PB-TOO-LARGE beyond).
    std::string read_all(const std::string& path, std::uint64_t max_size) const;
};

// A folder on disk. Symbolic links that lead outside it are treated as missing.
std::shared_ptr<FileSpace> folder_space(const std::filesystem::path& root);

// A ZIP archive read without extracting, through BundleReader (implemented in zip_space.cpp).
// The usable file entries go to `entries`; BundleReader's findings about the archive and its
// entries (unsafe names, links, bombs, a file that is no ZIP) go to `problems`, with paths
// "archive!/entry". `known` (may be null) gives entries' SHA-256 already computed from their
// bytes (KnownEntryDigest). Throws Error (PB-IO) when the archive cannot be opened at all.
std::shared_ptr<FileSpace> zip_space(const std::filesystem::path& archive,
                                     std::vector<std::string>& entries, Diagnostics& problems,
                                     std::shared_ptr<const KnownDigests> known = nullptr);

// Resolves `href` (relative, '/'-separated, maybe with "." and "..") against the folder of
// `base` (a path in the space). Nothing when the result would leave the space or `href` is
// absolute. `href` is a decoded path: URLs are taken apart by the caller.
std::optional<std::string> resolve_in_space(const std::string& base, std::string_view href);

// One document to validate.
struct DocumentSource {
    std::string name;  // for reports: "dir/a.xml", "b.zip!/data/mets.xml"
    std::shared_ptr<const FileSpace> space;
    std::string path;  // the document's path in `space`
    std::uint64_t size = 0;
    std::optional<Diagnostic> problem;  // set when the input itself is unusable
    // Inside a BagIt bundle (a ZIP holding one bag, or the tree `paperbag build` validates):
    // the bundle profile applies and every packageItem reference must resolve in it.
    bool in_bundle = false;
    // Set for a file that is listed but not validated (an original OCR file in a bundle).
    std::optional<Diagnostic> skip;
};

// Which files found in folders and bundles are validated (--include / --exclude).
struct DocumentFilter {
    std::vector<std::string> include;  // none: every file
    std::vector<std::string> exclude;
    // True for a relative path ('/'-separated) that matches an include glob (or there is
    // none) and no exclude glob. A glob without '/' is also tried on the file name alone.
    bool keeps(const std::string& relative) const;
};

// Expands the command line: files as given, folders recursively (*.xml and files that
// start like XML), ZIP bundles (entries ending in .xml). In input order; folder contents
// sorted by path. Files in folders and bundles go through `filter`; files named directly
// do not. Throws Error (PB-IO) for an input that does not exist.
// `known`: SHA-256 digests of ZIP entries already computed from their bytes (verify's fixity
// pass), handed to the ZIP spaces.
std::vector<DocumentSource> collect_documents(const std::vector<std::string>& inputs,
                                              const DocumentFilter& filter = {},
                                              std::shared_ptr<const KnownDigests> known = nullptr);

}  // namespace paperbag
