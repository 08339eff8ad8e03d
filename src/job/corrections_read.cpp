// Reading a corrections file and checking it against docs/corrections.schema.json. The
// checks here are the schema's, one for one: a file the schema accepts is accepted, and the
// messages name the JSON Pointer of the offending value.
#include "paperbag/corrections.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <map>
#include <set>

#include "core/digest.hpp"
#include "core/unicode.hpp"
#include "io/file.hpp"

namespace paperbag {

namespace {

constexpr std::string_view format_name = "paperbag-corrections";

// The members each operation takes besides "op" (all required).
const std::map<std::string, std::set<std::string>>& operation_members() {
    static const std::map<std::string, std::set<std::string>> members = {
        {"reassign", {"block", "article"}}, {"merge", {"articles"}},
        {"split", {"article", "block"}},    {"link-headline", {"block", "article"}},
        {"furniture", {"block"}},
    };
    return members;
}

class Checker {
public:
    explicit Checker(const std::string& path) : path_(path) {}

    [[noreturn]] void fail(const std::string& pointer, const std::string& message) const {
        throw Error(make_error("PB-CORRECTIONS-SYNTAX", path_, 0,
                               (pointer.empty() ? std::string("/") : pointer) + ": " + message +
                                   " (see docs/corrections.schema.json)"));
    }

    void only(const Poco::JSON::Object& object, const std::set<std::string>& allowed,
              const std::string& pointer) const {
        for (const auto& [name, value] : object)
            if (!allowed.contains(name)) fail(pointer + "/" + name, "unknown member");
        for (const std::string& name : allowed)
            if (!object.has(name)) fail(pointer, "'" + name + "' is required");
    }

    std::string name(const Poco::JSON::Object& object, const std::string& member,
                     const std::string& pointer) const {
        const Poco::Dynamic::Var value = object.get(member);
        if (!value.isString()) fail(pointer + "/" + member, "must be a string");
        std::string text = value.extract<std::string>();
        if (text.empty()) fail(pointer + "/" + member, "must not be empty");
        return text;
    }

private:
    const std::string& path_;
};

Correction parse_item(const Poco::JSON::Object::Ptr& object, const Checker& check,
                      const std::string& pointer) {
    if (!object) check.fail(pointer, "must be an object");
    if (!object->has("op")) check.fail(pointer, "'op' is required");
    Correction item;
    item.op = check.name(*object, "op", pointer);
    const auto found = operation_members().find(item.op);
    if (found == operation_members().end())
        check.fail(pointer + "/op", "unknown operation '" + item.op +
                                        "' (reassign, merge, split, link-headline, furniture)");
    std::set<std::string> allowed = found->second;
    allowed.insert("op");
    check.only(*object, allowed, pointer);
    if (allowed.contains("block")) item.block = check.name(*object, "block", pointer);
    if (allowed.contains("article")) item.article = check.name(*object, "article", pointer);
    if (allowed.contains("articles")) {
        const Poco::JSON::Array::Ptr list = object->getArray("articles");
        if (!list || list->size() < 2)
            check.fail(pointer + "/articles", "must be an array of at least two article IDs");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = pointer + "/articles/" + std::to_string(i);
            const Poco::Dynamic::Var value = list->get(static_cast<unsigned>(i));
            if (!value.isString() || value.extract<std::string>().empty())
                check.fail(at, "must be a non-empty string");
            if (!seen.insert(value.extract<std::string>()).second)
                check.fail(at, "names an article twice");
            item.articles.push_back(value.extract<std::string>());
        }
    }
    return item;
}

}  // namespace

std::string article_div_id(const Article& article) {
    return "LOG_" + article.id;
}

Corrections parse_corrections(std::string_view bytes, const std::string& path) {
    const Checker check(path);
    if (!is_valid_utf8(bytes))
        throw Error(make_error("PB-CORRECTIONS-SYNTAX", path, 0, "not JSON: not UTF-8 text"));
    Poco::JSON::Object::Ptr root;
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var parsed = parser.parse(std::string(bytes));
        if (parsed.type() != typeid(Poco::JSON::Object::Ptr))
            check.fail("", "a corrections file is one JSON object");
        root = parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Error&) {
        throw;
    } catch (const Poco::Exception& e) {
        throw Error(make_error("PB-CORRECTIONS-SYNTAX", path, 0, "not JSON: " + e.displayText()));
    }
    check.only(*root, {"format", "version", "issue", "reviewer", "corrections"}, "");
    if (check.name(*root, "format", "") != format_name)
        check.fail("/format", "must be \"paperbag-corrections\"");
    const Poco::Dynamic::Var version = root->get("version");
    if (!version.isInteger() || version.convert<int>() != 1) check.fail("/version", "must be 1");
    Corrections out;
    out.path = path;
    out.sha256 = digest_hex(DigestAlgorithm::sha256, bytes);
    out.issue = check.name(*root, "issue", "");
    out.reviewer = check.name(*root, "reviewer", "");
    const Poco::JSON::Array::Ptr list = root->getArray("corrections");
    if (!list) check.fail("/corrections", "must be an array");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string pointer = "/corrections/" + std::to_string(i);
        const Poco::Dynamic::Var value = list->get(static_cast<unsigned>(i));
        if (value.type() != typeid(Poco::JSON::Object::Ptr))
            check.fail(pointer, "must be an object");
        out.items.push_back(parse_item(value.extract<Poco::JSON::Object::Ptr>(), check, pointer));
    }
    return out;
}

Corrections read_corrections(const std::string& path) {
    return parse_corrections(read_file(path, std::uint64_t{16} << 20), path);
}

}  // namespace paperbag
