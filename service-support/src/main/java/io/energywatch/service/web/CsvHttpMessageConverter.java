package io.energywatch.service.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractSmartHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes every list answer as {@code text/csv} when the client asks for it ({@code Accept: text/csv}): a
 * {@link PageResponse} (its content; the paging goes to the {@code X-Total-Count} and {@code Link} headers, since the
 * body is rows only), a {@code List} of records, or a {@link TabularResponse}. Registered after the JSON converter, so
 * JSON stays the answer to {@code Accept: *}{@code /*} and to no Accept at all.
 */
public class CsvHttpMessageConverter extends AbstractSmartHttpMessageConverter<Object> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv");
    public static final String TOTAL_COUNT = "X-Total-Count";

    private final JsonMapper mapper;

    public CsvHttpMessageConverter(JsonMapper mapper) {
        super(TEXT_CSV);
        setDefaultCharset(StandardCharsets.UTF_8);
        this.mapper = mapper;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return PageResponse.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
                || TabularResponse.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(ResolvableType targetType, Class<?> valueClass, @Nullable MediaType mediaType) {
        return supports(valueClass) && canWrite(mediaType);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, @Nullable Map<String, Object> hints) {
        throw new HttpMessageNotReadableException("text/csv request bodies are not read here", input);
    }

    @Override
    protected void writeInternal(Object body, ResolvableType type, HttpOutputMessage output,
                                 @Nullable Map<String, Object> hints) throws IOException {
        List<?> rows;
        ResolvableType rowType;
        switch (body) {
            case PageResponse<?> page -> {
                rows = page.content();
                rowType = type.as(PageResponse.class).getGeneric(0);
                pagingHeaders(page, output.getHeaders());
            }
            case TabularResponse<?> table -> {
                rows = table.tableRows();
                rowType = ResolvableType.forClass(body.getClass()).as(TabularResponse.class).getGeneric(0);
            }
            case Collection<?> collection -> {
                rows = collection instanceof List<?> list ? list : new ArrayList<>(collection);
                rowType = type.as(Collection.class).getGeneric(0);
            }
            default -> throw new IllegalArgumentException("not a list: " + body.getClass().getName());
        }
        CsvTable table = CsvTable.of(rows, rowType.resolve(), mapper);
        Writer writer = new OutputStreamWriter(output.getBody(), charset(output.getHeaders()));
        table.write(writer);
        writer.flush();
    }

    /**
     * {@code X-Total-Count}, and RFC 8288 {@code Link}s to the first, previous, next and last pages: the request's own
     * path and query with {@code page} replaced, relative so they hold through the gateway.
     */
    static void pagingHeaders(PageResponse<?> page, HttpHeaders headers) {
        headers.set(TOTAL_COUNT, Long.toString(page.totalElements()));
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        long last = page.size() <= 0 || page.totalElements() == 0 ? 0 : (page.totalElements() - 1) / page.size();
        List<String> links = new ArrayList<>();
        links.add(link(request, page, 0, "first"));
        if (page.page() > 0) {
            links.add(link(request, page, Math.min(page.page() - 1, last), "prev"));
        }
        if (page.page() < last) {
            links.add(link(request, page, page.page() + 1, "next"));
        }
        links.add(link(request, page, last, "last"));
        headers.set(HttpHeaders.LINK, String.join(", ", links));
    }

    private static String link(HttpServletRequest request, PageResponse<?> page, long number, String rel) {
        StringBuilder uri = new StringBuilder(request.getRequestURI()).append('?');
        String query = request.getQueryString();
        if (query != null) {
            for (String parameter : query.split("&")) {
                String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                if (!parameter.isEmpty() && !name.equals("page") && !name.equals("size")) {
                    uri.append(parameter).append('&');
                }
            }
        }
        uri.append("page=").append(number).append("&size=").append(page.size());
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }

    private static Charset charset(HttpHeaders headers) {
        MediaType contentType = headers.getContentType();
        return contentType != null && contentType.getCharset() != null ? contentType.getCharset()
                : StandardCharsets.UTF_8;
    }
}
