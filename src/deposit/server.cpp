// paperbag serve: the Poco HTTP(S) server around the intake store.
#include <pthread.h>
#include <signal.h>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <ctime>
#include <iostream>

#include "deposit/server_context.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(ServerContext& context) : context_(context) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        return make_sword_handler(context_).release();
    }

private:
    ServerContext& context_;
};

std::string log_field(const std::string& value) {
    if (value.empty()) return "-";
    std::string out;
    for (unsigned char c : value) {
        if (c == '"' || c == '\\')
            out += '\\', out += static_cast<char>(c);
        else if (c < 0x20 || c == 0x7f)
            out += '?';
        else
            out += static_cast<char>(c);
    }
    return out;
}

Poco::Net::ServerSocket open_socket(const ServeOptions& o,
                                    const Poco::Net::SocketAddress& address) {
    if (o.tls_cert.empty() != o.tls_key.empty())
        throw Error("PB-USAGE", "", "--tls-cert and --tls-key go together");
    if (o.tls_cert.empty()) return Poco::Net::ServerSocket(address, static_cast<int>(o.queue));
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, o.tls_key, o.tls_cert, "",
                               Poco::Net::Context::VERIFY_NONE);
    context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                              Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    return Poco::Net::SecureServerSocket(address, static_cast<int>(o.queue), context);
}

}  // namespace

AccessLog::AccessLog(const std::filesystem::path& file) {
    if (file == "-") {
        to_stderr_ = true;
        return;
    }
    file_.open(file, std::ios::app);
    if (!file_) throw_system_error("cannot open", file.string());
}

void AccessLog::write(const std::string& client, const std::string& user,
                      const std::string& request_line, int status, std::uint64_t bytes,
                      const std::string& referer, const std::string& agent) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char when[64];
    std::strftime(when, sizeof when, "%d/%b/%Y:%H:%M:%S +0000", &tm);
    const std::string line = client + " - " + log_field(user) + " [" + when + "] \"" +
                             log_field(request_line) + "\" " + std::to_string(status) + " " +
                             (bytes == 0 ? "-" : std::to_string(bytes)) + " \"" +
                             log_field(referer) + "\" \"" + log_field(agent) + "\"\n";
    std::lock_guard lock(mutex_);
    if (to_stderr_) {
        std::cerr << line << std::flush;
    } else {
        file_ << line;
        file_.flush();
    }
}

int run_server(const ServeOptions& options) {
    if (options.store.empty()) throw Error("PB-USAGE", "", "--store is required");
    std::filesystem::create_directories(options.store);
    const Poco::Net::SocketAddress address = [&] {
        try {
            return Poco::Net::SocketAddress(options.listen);
        } catch (const Poco::Exception& e) {
            throw Error("PB-USAGE", "", "--listen " + options.listen + ": " + e.displayText());
        }
    }();
    if (options.tls_cert.empty() && !address.host().isLoopback() && !options.insecure)
        throw Error("PB-USAGE", "",
                    "refusing plain HTTP on " + options.listen +
                        ", which is not a loopback address: give --tls-cert and --tls-key, or "
                        "--insecure behind a TLS proxy");

    // SIGINT/SIGTERM are taken by sigwait below: blocked before any thread starts, so
    // every worker inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    ServerContext context{
        options,
        Intake(options.store, Ledger::open(options.ledger, options.store.string()),
               options.quarantine_days),
        "",
        AccessLog(options.access_log.empty() ? options.store / "access.log" : options.access_log)};
    context.intake.recover();

    Poco::Net::ServerSocket socket = [&] {
        try {
            return open_socket(options, address);
        } catch (const Poco::Exception& e) {
            throw Error("PB-IO", options.listen, "cannot listen: " + e.displayText());
        }
    }();
    const Poco::Net::SocketAddress bound = socket.address();
    context.base =
        std::string(options.tls_cert.empty() ? "http" : "https") + "://" + bound.toString();

    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(static_cast<int>(options.jobs));
    params->setMaxQueued(static_cast<int>(options.queue));
    params->setTimeout(Poco::Timespan(static_cast<long>(options.timeout), 0));
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(static_cast<long>(options.timeout), 0));
    params->setServerName("paperbag");
    Poco::Net::HTTPServer server(new Factory(context), socket, params);
    server.start();
    if (options.announce != nullptr)
        *options.announce << "paperbag serve: listening on " << context.base << std::endl;

    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stopAll(true);
    return 0;
}

}  // namespace paperbag
