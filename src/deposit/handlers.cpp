// The SWORD v2 endpoints of the intake server. Every refusal is a SWORD error document with
// its HTTP status; every request is logged (without credentials).
#include <Poco/Base64Decoder.h>
#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "deposit/server_context.hpp"
#include "deposit/sword_xml.hpp"
#include "paperbag/view.hpp"

namespace paperbag {

namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

constexpr std::string_view paperbag_error = "urn:x-paperbag:sword:error:";

// A refusal: status, SWORD error URI, summary, optional report.
struct Refused {
    int status;
    std::string href;
    std::string summary;
    std::string verbose;
    bool recorded = false;  // the intake already recorded it (with the quarantined file)
};

std::string sword_error(std::string_view name) {
    return std::string(sword::error_base) + std::string(name);
}

std::string own_error(std::string_view name) {
    return std::string(paperbag_error) + std::string(name);
}

std::string decode_base64(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    return std::string((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
}

// filename=... or filename="..." of a Content-Disposition header; empty when absent.
std::string disposition_filename(const std::string& header) {
    std::string value;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header, value, params);
    if (Poco::icompare(value, "attachment") != 0) return {};
    return params.get("filename", "");
}

class SwordHandler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit SwordHandler(ServerContext& context) : context_(context) {}

    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
        try {
            route(request, response);
        } catch (const Refused& r) {
            if (!r.recorded && (!depositor_.empty() || r.status != 401))
                context_.intake.refuse(depositor_, filename_, r.status, r.summary);
            send_error(response, r);
            linger(request);
        } catch (const Poco::TimeoutException&) {
            send_error(response, Refused{408, own_error("Timeout"),
                                         "the client sent too slowly; request timed out", ""});
        } catch (const Poco::Exception&) {
            // The connection broke: nothing can be answered.
            status_ = 400;
        } catch (const std::exception& e) {
            // paperbag::Error from the store or the ledger, std::filesystem errors.
            send_error(
                response,
                Refused{500, own_error("ServerError"),
                        "the server could not store the deposit: " + std::string(e.what()), ""});
        }
        context_.log.write(
            request.clientAddress().host().toString(), depositor_,
            request.getMethod() + " " + request.getURI() + " " + request.getVersion(), status_,
            bytes_, request.get("Referer", ""), request.get("User-Agent", ""));
    }

private:
    void route(HTTPServerRequest& request, HTTPServerResponse& response) {
        const std::string& method = request.getMethod();
        const std::string path = request.getURI().substr(0, request.getURI().find('?'));
        const auto only = [&](const char* allowed) {
            if (method != allowed) {
                response.set("Allow", allowed);
                throw Refused{405, sword_error("MethodNotAllowed"),
                              method + " is not allowed on " + path, ""};
            }
        };
        if (path == "/health") {
            only("GET");
            return send(response, 200, "application/json", "{\"status\":\"ok\"}\n");
        }
        if (path == "/sword/servicedocument") {
            only("GET");
            authenticate(request);
            return send(
                response, 200, "application/atomsvc+xml",
                sword::service_document(context_.base, depositor_, context_.options.max_upload));
        }
        constexpr std::string_view collection = "/sword/collection/";
        if (path.starts_with(collection)) {
            only("POST");
            return deposit(request, response, path.substr(collection.size()));
        }
        for (std::string_view prefix : {"/sword/edit/", "/sword/statement/", "/sword/media/"}) {
            if (!path.starts_with(prefix)) continue;
            only("GET");
            return retrieve(request, response, prefix, path.substr(prefix.size()));
        }
        constexpr std::string_view view = "/view/";
        if (path.starts_with(view)) {
            only("GET");
            return review(request, response, path.substr(view.size()));
        }
        throw Refused{404, own_error("NotFound"), "no such resource: " + path, ""};
    }

    // /view/<bundle>/[file] or /view/<deposit-id>/[file]: the review of a stored bundle
    // (docs/review.md), made on request; a depositor's own deposits read-only, every deposit
    // with corrections for staff. <bundle> is the bundle's file name, with or without ".zip"
    // (the newest version when several are held).
    void review(HTTPServerRequest& request, HTTPServerResponse& response, const std::string& rest) {
        authenticate(request);
        const auto slash = rest.find('/');
        const std::string id = rest.substr(0, slash);
        const auto& staff = context_.options.staff;
        const bool is_staff = std::find(staff.begin(), staff.end(), depositor_) != staff.end();
        std::optional<HeldIssue> issue = context_.intake.ledger().find_by_id(id);
        if (!issue) issue = find_by_bundle_name(id, is_staff);
        if (!issue || (issue->depositor != depositor_ && !is_staff))
            throw Refused{404, own_error("NotFound"), "no deposit " + id + " of " + depositor_, ""};
        if (slash == std::string::npos) {  // relative image links need the folder form
            response.set("Location", "/view/" + id + "/");
            return send(response, 301, "text/plain", "/view/" + id + "/\n");
        }
        const std::string name =
            rest.substr(slash + 1).empty() ? "index.html" : rest.substr(slash + 1);
        ViewOptions options;
        options.corrections = is_staff;
        options.note = is_staff ? "served for staff: corrections on" : "served read-only";
        Diagnostics ignored;
        const Review made = make_review(context_.intake.store() / issue->path, options, ignored);
        const auto file = made.files.find(name);
        if (file == made.files.end())
            throw Refused{404, own_error("NotFound"), "no such file in the review: " + name, ""};
        response.set("Content-Security-Policy",
                     "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
                     "script-src 'unsafe-inline'");
        send(response, 200,
             name.ends_with(".html")  ? "text/html; charset=utf-8"
             : name.ends_with(".png") ? "image/png"
             : name.ends_with(".jpg") ? "image/jpeg"
                                      : "application/octet-stream",
             file->second);
    }

    // The newest held version of the bundle named `name` ("x.zip" or "x") that the
    // authenticated depositor may see.
    std::optional<HeldIssue> find_by_bundle_name(const std::string& name, bool is_staff) {
        std::optional<HeldIssue> found;
        if (name.empty()) return found;
        for (HeldIssue& held : context_.intake.ledger().issues()) {
            const std::filesystem::path path(held.path);
            if (path.filename().string() != name && path.stem().string() != name) continue;
            if (held.depositor != depositor_ && !is_staff) continue;
            if (!found || held.version > found->version) found = std::move(held);
        }
        return found;
    }

    void authenticate(const HTTPServerRequest& request) {
        const std::string header = request.get("Authorization", "");
        std::string user, token;
        if (header.starts_with("Bearer ")) {
            token = header.substr(7);
        } else if (header.starts_with("Basic ")) {
            const std::string pair = decode_base64(header.substr(6));
            const auto colon = pair.find(':');
            if (colon != std::string::npos) {
                user = pair.substr(0, colon);
                token = pair.substr(colon + 1);
            }
        }
        const auto who = Depositors(context_.options.store).authenticate(user, token);
        if (!who)
            throw Refused{401, own_error("AuthenticationFailed"),
                          header.empty() ? "authentication required (HTTP Basic or Bearer token)"
                                         : "the credentials were not accepted",
                          ""};
        depositor_ = *who;
    }

    void deposit(HTTPServerRequest& request, HTTPServerResponse& response,
                 const std::string& owner) {
        authenticate(request);
        if (owner != depositor_)
            throw Refused{
                403, own_error("Forbidden"),
                "depositor " + depositor_ + " may not deposit into the collection of " + owner, ""};
        if (request.has("On-Behalf-Of"))
            throw Refused{412, sword_error("MediationNotAllowed"),
                          "mediated deposit is not supported", ""};
        std::string type = request.getContentType();
        type = type.substr(0, type.find(';'));
        if (type != "application/zip")
            throw Refused{415, sword_error("ErrorContent"),
                          "Content-Type must be application/zip, not '" + type + "'", ""};
        if (request.get("Packaging", "") != sword::bagit_packaging)
            throw Refused{415, sword_error("ErrorContent"),
                          "Packaging must be " + std::string(sword::bagit_packaging), ""};
        filename_ = disposition_filename(request.get("Content-Disposition", ""));
        if (!safe_upload_name(filename_))
            throw Refused{400, sword_error("ErrorBadRequest"),
                          "Content-Disposition must be 'attachment; filename=NAME.zip' with a "
                          "plain file name (letters, digits, '.', '_', '-'; no folders)",
                          ""};
        const std::string md5 = request.get("Content-MD5", "");
        if (md5.empty())
            throw Refused{400, sword_error("ErrorBadRequest"), "Content-MD5 is required", ""};
        const std::uint64_t limit = context_.options.max_upload;
        if (request.hasContentLength() &&
            static_cast<std::uint64_t>(request.getContentLength64()) > limit)
            throw Refused{
                413, sword_error("MaxUploadSizeExceeded"),
                "the upload is larger than the limit of " + std::to_string(limit) + " bytes", ""};

        std::unique_ptr<Upload> upload = context_.intake.begin(filename_);
        receive(request, *upload, limit);
        if (request.hasContentLength() &&
            upload->size() != static_cast<std::uint64_t>(request.getContentLength64()))
            throw Refused{400, sword_error("ErrorBadRequest"),
                          "the upload ended after " + std::to_string(upload->size()) + " of " +
                              std::to_string(request.getContentLength64()) + " bytes",
                          ""};
        upload->finish();
        const Outcome outcome = context_.intake.accept(*upload, depositor_, md5);
        if (!outcome.issue)
            throw Refused{outcome.status, outcome.error_href, outcome.summary, outcome.verbose,
                          true};
        const std::string edit = context_.base + "/sword/edit/" + outcome.issue->id;
        response.set("Location", edit);
        send(response, outcome.status, "application/atom+xml;type=entry",
             sword::deposit_receipt(context_.base, *outcome.issue));
    }

    // Streams the body to the upload: never more than `limit` bytes, never slower than
    // min_rate on average once the grace period (the timeout) is over. Poco's request stream
    // hands the body over in pieces of 4 KiB (one recv each): with a Content-Length, only
    // the bytes Poco has already buffered come through it, and the rest is read from the
    // socket straight into the upload's buffers, up to 512 KiB per read (the socket keeps
    // the server's receive timeout).
    void receive(HTTPServerRequest& request, Upload& upload, std::uint64_t limit) {
        const auto start = std::chrono::steady_clock::now();
        const auto grace = std::chrono::seconds(context_.options.timeout);
        std::vector<char> buffer(1 << 20);
        // `n` more bytes are about to be taken: refused beyond the limit, and a client that
        // stays below the minimum rate after the grace period is cut off.
        const auto admit = [&](std::size_t n) {
            if (upload.size() + n > limit)
                throw Refused{
                    413, sword_error("MaxUploadSizeExceeded"),
                    "the upload is larger than the limit of " + std::to_string(limit) + " bytes",
                    ""};
            const auto elapsed = std::chrono::steady_clock::now() - start;
            if (elapsed > grace) {
                const double seconds = std::chrono::duration<double>(elapsed).count();
                if (static_cast<double>(upload.size() + n) / seconds <
                    static_cast<double>(context_.options.min_rate))
                    throw Poco::TimeoutException("upload slower than the minimum rate");
            }
        };
        const auto take = [&](std::size_t n) {
            admit(n);
            upload.write(buffer.data(), n);
        };
        std::istream& in = request.stream();
        auto* direct = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
        if (direct != nullptr && request.hasContentLength()) {
            // peek() moves what Poco's session holds into the stream's buffer; readsome()
            // takes it without touching the socket.
            const auto length = static_cast<std::uint64_t>(request.getContentLength64());
            if (length > 0 && in.peek() != std::char_traits<char>::eof()) {
                const std::streamsize n =
                    in.readsome(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                if (n > 0) take(static_cast<std::size_t>(n));
            }
            // The socket's bytes go straight into the upload's buffers (no copy).
            Poco::Net::StreamSocket& socket = direct->socket();
            while (upload.size() < length) {
                const std::span<char> space = upload.space();
                const std::uint64_t want =
                    std::min<std::uint64_t>(space.size(), length - upload.size());
                const int n = socket.receiveBytes(space.data(), static_cast<int>(want));
                if (n <= 0) break;  // the client closed: the caller sees the short upload
                admit(static_cast<std::size_t>(n));
                upload.commit(static_cast<std::size_t>(n));
            }
            return;
        }
        while (in.peek() != std::char_traits<char>::eof()) {
            // peek() read what the socket had; readsome() takes it without waiting for more.
            const std::streamsize n =
                in.readsome(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            if (n <= 0) break;
            take(static_cast<std::size_t>(n));
        }
        if (in.bad()) throw Poco::IOException("the upload was interrupted");
    }

    void retrieve(HTTPServerRequest& request, HTTPServerResponse& response, std::string_view kind,
                  const std::string& id) {
        authenticate(request);
        const std::optional<HeldIssue> issue = context_.intake.ledger().find_by_id(id);
        if (!issue || issue->depositor != depositor_)
            throw Refused{404, own_error("NotFound"), "no deposit " + id + " of " + depositor_, ""};
        if (kind == "/sword/edit/")
            return send(response, 200, "application/atom+xml;type=entry",
                        sword::deposit_receipt(context_.base, *issue));
        if (kind == "/sword/statement/")
            return send(response, 200, "application/atom+xml;type=feed",
                        sword::statement(context_.base, *issue, context_.intake.report(id)));
        const auto file = context_.intake.store() / issue->path;
        status_ = 200;
        bytes_ = issue->size;
        response.sendFile(file.string(), "application/zip");
    }

    void send(HTTPServerResponse& response, int status, const std::string& type,
              const std::string& body) {
        status_ = status;
        bytes_ = body.size();
        response.setStatus(static_cast<HTTPResponse::HTTPStatus>(status));
        response.setContentType(type);
        response.setContentLength64(static_cast<Poco::Int64>(body.size()));
        std::ostream& out = response.send();
        out << body;
        out.flush();  // on the wire now: linger() may follow
    }

    // A refusal may be sent before the body was read (413 from Content-Length, a wrong
    // token): closing at once would reset the connection (unread bytes make the kernel send
    // RST), and a client still sending could lose the answer. So the server stops sending
    // and reads, and drops, what the client still sends, for at most 2 seconds and 64 MiB,
    // before the connection is closed.
    static void linger(HTTPServerRequest& request) {
        auto* direct = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
        if (direct == nullptr) return;
        try {
            Poco::Net::StreamSocket& socket = direct->socket();
            socket.shutdownSend();
            socket.setReceiveTimeout(Poco::Timespan(0, 250000));
            std::vector<char> sink(64 * 1024);
            const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
            std::uint64_t drained = 0;
            while (drained < (std::uint64_t{64} << 20) &&
                   std::chrono::steady_clock::now() < until) {
                const int n = socket.receiveBytes(sink.data(), static_cast<int>(sink.size()));
                if (n <= 0) break;
                drained += static_cast<std::uint64_t>(n);
            }
        } catch (const Poco::Exception&) {
            // Timed out or reset: the answer went out; the connection closes now.
        }
    }

    void send_error(HTTPServerResponse& response, const Refused& r) {
        if (response.sent()) return;
        if (r.status == 401) response.set("WWW-Authenticate", "Basic realm=\"paperbag\"");
        // The body may not have been read: the connection cannot be reused.
        response.setKeepAlive(false);
        send(response, r.status, "application/xml",
             sword::error_document(r.href, r.summary, r.verbose, context_.intake.now()));
    }

    ServerContext& context_;
    std::string depositor_;
    std::string filename_;
    int status_ = 0;
    std::uint64_t bytes_ = 0;
};

}  // namespace

std::unique_ptr<Poco::Net::HTTPRequestHandler> make_sword_handler(ServerContext& context) {
    return std::make_unique<SwordHandler>(context);
}

}  // namespace paperbag
