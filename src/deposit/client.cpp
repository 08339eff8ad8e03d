// paperbag deposit: a SWORD v2 client for binary deposits of bundles.
#include <unistd.h>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/URI.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "deposit/md5.hpp"
#include "deposit/sword_xml.hpp"
#include "io/atomic_file.hpp"
#include "paperbag/deposit.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

namespace fs = std::filesystem;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

constexpr std::streamsize max_response = 16 << 20;

struct Reply {
    int status = 0;  // 0: the server could not be reached
    std::string body;
    std::string failure;  // why it could not be reached
};

class Client {
public:
    explicit Client(const DepositOptions& options) : options_(options) {}

    // One exchange, retried with backoff on connection errors and 5xx; never on 4xx.
    // `body` (optional) is a file sent as the request body.
    Reply exchange(const Poco::URI& uri, HTTPRequest request, const fs::path* body) {
        Reply reply;
        unsigned delay = options_.backoff_ms;
        for (unsigned attempt = 0;; ++attempt) {
            reply = once(uri, request, body);
            const bool retry = reply.status == 0 || reply.status >= 500;
            if (!retry || attempt >= options_.retries) return reply;
            std::this_thread::sleep_for(std::chrono::milliseconds(delay));
            delay *= 2;
        }
    }

private:
    std::unique_ptr<Poco::Net::HTTPClientSession> session(const Poco::URI& uri) {
        std::unique_ptr<Poco::Net::HTTPClientSession> s;
        if (uri.getScheme() == "https") {
            Poco::Net::initializeSSL();
            Poco::Net::Context::Ptr context = new Poco::Net::Context(
                Poco::Net::Context::TLS_CLIENT_USE, "", "", options_.ca_file,
                Poco::Net::Context::VERIFY_STRICT, 9, options_.ca_file.empty());
            s = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(),
                                                                context);
        } else {
            s = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
        }
        s->setTimeout(Poco::Timespan(120, 0));
        return s;
    }

    Reply once(const Poco::URI& uri, HTTPRequest request, const fs::path* body) {
        Reply reply;
        try {
            auto s = session(uri);
            request.set("Authorization", "Bearer " + options_.token);
            request.set("User-Agent", "paperbag-deposit");
            std::ostream& os = s->sendRequest(request);
            if (body != nullptr) send_file(os, s->socket(), *body);
            HTTPResponse response;
            std::istream& in = s->receiveResponse(response);
            reply.body.resize(static_cast<std::size_t>(max_response));
            in.read(reply.body.data(), max_response);
            reply.body.resize(static_cast<std::size_t>(in.gcount()));
            reply.status = static_cast<int>(response.getStatus());
        } catch (const Poco::Exception& e) {
            reply.status = 0;
            reply.failure = e.displayText();
        }
        return reply;
    }

    // The body goes to the socket in 1 MiB pieces: Poco's request stream would send it in
    // pieces of 4 KiB, one system call each. The request header, which Poco buffers in that
    // stream, is flushed first.
    void send_file(std::ostream& os, Poco::Net::StreamSocket& socket, const fs::path& file) {
        os.flush();
        if (!os) throw Poco::IOException("the connection broke while sending");
        std::ifstream in(file, std::ios::binary);
        if (!in) throw Poco::FileNotFoundException(file.string());
        const std::uint64_t total = fs::file_size(file);
        std::uint64_t sent = 0;
        int shown = -1;
        std::vector<char> buffer(1 << 20);
        while (in) {
            in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            const std::streamsize n = in.gcount();
            if (n <= 0) break;
            for (std::streamsize done = 0; done < n;) {
                const int piece =
                    socket.sendBytes(buffer.data() + done, static_cast<int>(n - done));
                if (piece <= 0) throw Poco::IOException("the connection broke while sending");
                done += piece;
            }
            sent += static_cast<std::uint64_t>(n);
            const int percent = total == 0 ? 100 : static_cast<int>(sent * 100 / total);
            if (options_.progress != nullptr && percent != shown) {
                shown = percent;
                *options_.progress << "\r" << file.filename().string() << " " << percent << "%"
                                   << std::flush;
            }
        }
        if (options_.progress != nullptr) *options_.progress << "\n";
    }

    const DepositOptions& options_;
};

std::string reasons(const Reply& reply) {
    if (const auto error = sword::parse_error(reply.body)) {
        std::string out = error->summary;
        if (!out.empty() && out.back() != '\n') out += '\n';
        return out + "  (" + error->href + ")\n";
    }
    return reply.body.substr(0, 2000) + "\n";
}

fs::path receipt_path(const fs::path& bundle) {
    std::string name = bundle.filename().string();
    if (name.ends_with(".zip")) name.resize(name.size() - 4);
    return bundle.parent_path() / (name + ".receipt.xml");
}

}  // namespace

int deposit_bundles(const DepositOptions& options, std::ostream& out, std::ostream& err) {
    if (options.token.empty())
        throw Error("PB-USAGE", "", "no token: give --token-file FILE or set PAPERBAG_TOKEN");
    Client client(options);
    Poco::URI target(options.url);
    if (target.getPath().find("/sword/collection/") == std::string::npos) {
        HTTPRequest request(HTTPRequest::HTTP_GET, target.getPathAndQuery(), HTTPRequest::HTTP_1_1);
        const Reply reply = client.exchange(target, request, nullptr);
        if (reply.status == 0 || reply.status >= 500) {
            err << "paperbag: error: " << options.url << ": the server could not be reached: "
                << (reply.status == 0 ? reply.failure : "HTTP " + std::to_string(reply.status))
                << " [PB-DEPOSIT-UNREACHABLE]\n";
            return 2;
        }
        if (reply.status != 200) {
            err << "paperbag: error: " << options.url << ": service document refused (HTTP "
                << reply.status << "): " << reasons(reply);
            return 1;
        }
        const auto href = sword::collection_href(reply.body);
        if (!href) {
            err << "paperbag: error: " << options.url
                << ": no collection in the service document [PB-DEPOSIT-REFUSED]\n";
            return 1;
        }
        target = Poco::URI(target, *href);
    }

    bool refused = false, unreachable = false;
    for (const fs::path& bundle : options.bundles) {
        const std::string md5 = md5_file_hex(bundle);
        HTTPRequest request(HTTPRequest::HTTP_POST, target.getPathAndQuery(),
                            HTTPRequest::HTTP_1_1);
        request.setContentType("application/zip");
        request.set("Packaging", std::string(sword::bagit_packaging));
        request.set("Content-MD5", md5);
        request.set("Content-Disposition", "attachment; filename=" + bundle.filename().string());
        request.setContentLength64(static_cast<Poco::Int64>(fs::file_size(bundle)));
        const Reply reply = client.exchange(target, request, &bundle);
        if (reply.status == 200 || reply.status == 201) {
            write_file_atomic(receipt_path(bundle), reply.body);
            out << bundle.string() << ": "
                << (reply.status == 201 ? "accepted" : "already held (first receipt)")
                << ", receipt " << receipt_path(bundle).string() << "\n";
        } else if (reply.status == 0 || reply.status >= 500) {
            unreachable = true;
            err << "paperbag: error: " << bundle.string() << ": the server could not be reached: "
                << (reply.status == 0 ? reply.failure : "HTTP " + std::to_string(reply.status))
                << " [PB-DEPOSIT-UNREACHABLE]\n";
        } else {
            refused = true;
            err << "paperbag: error: " << bundle.string() << ": refused (HTTP " << reply.status
                << "): " << reasons(reply);
        }
    }
    if (unreachable) return 2;
    return refused ? 1 : 0;
}

}  // namespace paperbag
