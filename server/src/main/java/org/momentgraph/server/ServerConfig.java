package org.momentgraph.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the REST server listens and what it accepts.
 *
 * @param host          interface to bind, e.g. 127.0.0.1 (local only) or 0.0.0.0
 * @param port          TCP port; 0 picks a free one
 * @param bodyLimit     largest request body in bytes; larger ones get 413
 * @param maxQueryChars longest accepted query text; longer ones get 400
 * @param corsOrigins   regular expressions of browser origins allowed to call the API; "*" allows any
 * @param dataRoot      folder under which clients may name server-side files ({@code features_path});
 *                      empty disables server-side paths
 */
public record ServerConfig(String host, int port, long bodyLimit, int maxQueryChars,
                           List<String> corsOrigins, Optional<Path> dataRoot) {

    /** http(s)://localhost, 127.0.0.1 or [::1] on any port. */
    public static final String LOCALHOST_ORIGINS = "https?://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d+)?";
    public static final long DEFAULT_BODY_LIMIT = 32L * 1024 * 1024;
    public static final int DEFAULT_MAX_QUERY_CHARS = 500;

    public ServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (bodyLimit < 1 || maxQueryChars < 1) {
            throw new IllegalArgumentException("bodyLimit and maxQueryChars must be positive");
        }
        corsOrigins = List.copyOf(corsOrigins);
        dataRoot = dataRoot == null ? Optional.empty() : dataRoot;
    }

    /** Local-only defaults: 127.0.0.1:8080, 32 MiB bodies, 500-character queries, localhost CORS, no data root. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, DEFAULT_BODY_LIMIT, DEFAULT_MAX_QUERY_CHARS,
                List.of(LOCALHOST_ORIGINS), Optional.empty());
    }

    public ServerConfig withHost(String host) {
        return new ServerConfig(host, port, bodyLimit, maxQueryChars, corsOrigins, dataRoot);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(host, port, bodyLimit, maxQueryChars, corsOrigins, dataRoot);
    }

    public ServerConfig withBodyLimit(long bodyLimit) {
        return new ServerConfig(host, port, bodyLimit, maxQueryChars, corsOrigins, dataRoot);
    }

    public ServerConfig withMaxQueryChars(int maxQueryChars) {
        return new ServerConfig(host, port, bodyLimit, maxQueryChars, corsOrigins, dataRoot);
    }

    public ServerConfig withCorsOrigins(List<String> corsOrigins) {
        return new ServerConfig(host, port, bodyLimit, maxQueryChars, corsOrigins, dataRoot);
    }

    public ServerConfig withDataRoot(Path dataRoot) {
        return new ServerConfig(host, port, bodyLimit, maxQueryChars, corsOrigins, Optional.ofNullable(dataRoot));
    }
}
