// Downloading a schema over HTTP(S) with Poco::Net: redirects followed (at most 5, only to
// http/https), timeouts on connect and read, a size limit, TLS certificates verified
// against the system's CA store.
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <istream>
#include <memory>

#include "paperbag/schemas.hpp"

namespace paperbag {

namespace {

std::unique_ptr<Poco::Net::HTTPClientSession> session_for(const Poco::URI& uri) {
    if (uri.getScheme() == "https") {
        static const Poco::Net::Context::Ptr context = new Poco::Net::Context(
            Poco::Net::Context::TLS_CLIENT_USE, "", "", "", Poco::Net::Context::VERIFY_RELAXED, 9,
            true /* the system's CA certificates */);
        return std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(),
                                                               context);
    }
    return std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
}

}  // namespace

std::string http_get(const std::string& url, int timeout_seconds, std::size_t max_size) {
    Poco::URI uri;
    try {
        uri = Poco::URI(url);
    } catch (const Poco::Exception& e) {
        throw Error("PB-HTTP", url, "not a valid URL: " + e.displayText());
    }
    for (int redirects = 0; redirects <= 5; ++redirects) {
        if (uri.getScheme() != "http" && uri.getScheme() != "https")
            throw Error("PB-HTTP", url,
                        "refusing to fetch '" + uri.toString() + "' (not http/https)");
        try {
            auto session = session_for(uri);
            session->setTimeout(Poco::Timespan(timeout_seconds, 0));
            Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(),
                                           Poco::Net::HTTPMessage::HTTP_1_1);
            request.set("User-Agent", "paperbag-schemas");
            session->sendRequest(request);
            Poco::Net::HTTPResponse response;
            std::istream& body = session->receiveResponse(response);
            const int status = static_cast<int>(response.getStatus());
            if (status >= 300 && status < 400 && response.has("Location")) {
                uri.resolve(response.get("Location"));
                continue;
            }
            if (status != 200)
                throw Error("PB-HTTP", url,
                            "HTTP " + std::to_string(status) + " " + response.getReason() +
                                " from " + uri.toString());
            std::string out;
            char buffer[65536];
            while (body) {
                body.read(buffer, sizeof buffer);
                out.append(buffer, static_cast<std::size_t>(body.gcount()));
                if (out.size() > max_size)
                    throw Error("PB-HTTP", url,
                                "response larger than " + std::to_string(max_size) + " bytes");
            }
            return out;
        } catch (const Poco::Exception& e) {
            throw Error("PB-HTTP", url, "download failed: " + e.displayText());
        }
    }
    throw Error("PB-HTTP", url, "too many redirects");
}

}  // namespace paperbag
