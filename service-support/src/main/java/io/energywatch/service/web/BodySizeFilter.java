package io.energywatch.service.web;

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
 * problem at once (nothing is read, nothing reaches a handler or, in the gateway, a service); a chunked body is counted
 * as it is read and fails with {@link BodyTooLargeException} when it passes the limit, which {@link ProblemResponses}
 * (or the gateway's proxy) answers as the same 413. Bodies are never buffered here.
 */
public final class BodySizeFilter extends OncePerRequestFilter {

    private static final String STREAMED = "the streamed body went past it";

    private record Compiled(String name, List<PathPattern> patterns, DataSize max) {
    }

    private final List<Compiled> classes;
    private final DataSize defaultMax;

    public BodySizeFilter(BodyLimits limits) {
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
                detail(name, max, what), Map.of("limit", max.toBytes(), "routeClass", name));
    }

    private static String detail(String name, DataSize max, String what) {
        return "The body of a request to %s must not exceed %s (%d bytes); %s.".formatted(name, readable(max),
                max.toBytes(), what);
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

        public String routeClass() {
            return routeClass;
        }

        public DataSize max() {
            return max;
        }

        /** The 413 problem's detail. */
        public String detail() {
            return BodySizeFilter.detail(routeClass, max, STREAMED);
        }

        /** Answers the 413 problem this exception stands for. */
        public void write(HttpServletResponse response) throws IOException {
            reject(response, routeClass, max, STREAMED);
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
