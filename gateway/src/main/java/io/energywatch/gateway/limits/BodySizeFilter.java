package io.energywatch.gateway.limits;

import io.energywatch.gateway.config.GatewayProperties;
import io.energywatch.service.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Request bodies no larger than their route class allows: a declared {@code Content-Length} over the limit is a 413
 * problem at once (nothing is read, nothing reaches a service); a chunked body is counted as it streams through to the
 * service and fails with {@link BodyTooLargeException} when it passes the limit. Bodies are never buffered here: an
 * upload streams from the caller to the service in the proxy's small buffers.
 */
public final class BodySizeFilter extends OncePerRequestFilter {

    private record Compiled(String name, List<PathPattern> patterns, DataSize max) {
    }

    private final List<Compiled> classes;
    private final DataSize defaultMax;

    public BodySizeFilter(GatewayProperties.BodyLimits limits) {
        this.defaultMax = limits.defaultMax();
        this.classes = limits.routes().stream().map(r -> new Compiled(r.name(),
                r.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(), r.max())).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Compiled limit = limitFor(request.getRequestURI());
        long max = limit.max().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            reject(response, limit, declared + " bytes declared");
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Counted(request, limit), response);
    }

    static void reject(HttpServletResponse response, String name, DataSize max, String what) throws IOException {
        ProblemWriter.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "The body of a request to %s must not exceed %s (%d bytes); %s.".formatted(name, readable(max),
                        max.toBytes(), what),
                Map.of("limit", max.toBytes(), "routeClass", name));
    }

    private static void reject(HttpServletResponse response, Compiled limit, String what) throws IOException {
        reject(response, limit.name(), limit.max(), what);
    }

    private Compiled limitFor(String uri) {
        PathContainer path = PathContainer.parsePath(uri);
        return classes.stream().filter(c -> c.patterns().stream().anyMatch(p -> p.matches(path))).findFirst()
                .orElse(new Compiled("any other route", List.of(), defaultMax));
    }

    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }

    /** A body read beyond its route class's limit while streaming (no Content-Length was declared). */
    public static final class BodyTooLargeException extends IOException {

        private final String routeClass;
        private final DataSize max;

        BodyTooLargeException(String routeClass, DataSize max) {
            super("request body larger than " + readable(max) + " for " + routeClass);
            this.routeClass = routeClass;
            this.max = max;
        }

        /** Answers the 413 problem this exception stands for. */
        public void write(HttpServletResponse response) throws IOException {
            reject(response, routeClass, max, "the streamed body went past it");
        }
    }

    /** The request with a body that counts what is read and stops at the limit. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final Compiled limit;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, Compiled limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final Compiled limit;
        private long read;

        CountingStream(ServletInputStream in, Compiled limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit.max().toBytes()) {
                throw new BodyTooLargeException(limit.name(), limit.max());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
