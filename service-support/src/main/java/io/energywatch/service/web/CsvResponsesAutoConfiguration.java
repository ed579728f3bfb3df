package io.energywatch.service.web;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;

/**
 * {@code text/csv} on every list answer of a servlet service ({@link CsvHttpMessageConverter}), and in its OpenAPI
 * document as the alternative media type of those operations' 200 answers.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(CSVFormat.class)
public class CsvResponsesAutoConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<JsonMapper> mapper;

    public CsvResponsesAutoConfiguration(ObjectProvider<JsonMapper> mapper) {
        this.mapper = mapper;
    }

    /** Appended after the defaults: JSON is listed first, so it stays the answer when the client takes anything. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        var csv = new CsvHttpMessageConverter(mapper.getIfAvailable(() -> JsonMapper.builder().build()));
        builder.configureMessageConvertersList(converters -> converters.add(csv));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OperationCustomizer")
    static class CsvOpenApi {

        static final String CSV_DESCRIPTION = "The same list as CSV (RFC 4180, UTF-8) when Accept is text/csv: a header "
                + "row from the fields (a nested object's as a.b), one row per element, lists joined with |, instants "
                + "ISO-8601 UTC, absent values empty.";

        @Bean
        OperationCustomizer csvAlternative() {
            return (operation, handler) -> {
                Class<?> returned = returnedBody(handler);
                if (returned == null || operation.getResponses() == null) {
                    return operation;
                }
                ApiResponse ok = operation.getResponses().get("200");
                if (ok == null) {
                    return operation;
                }
                if (ok.getContent() == null) {
                    ok.setContent(new Content());
                }
                boolean paged = PageResponse.class.isAssignableFrom(returned);
                ok.getContent().addMediaType(CsvHttpMessageConverter.TEXT_CSV.toString(), new MediaType()
                        .schema(new StringSchema().description(CSV_DESCRIPTION + (paged ? " The page's metadata is "
                                + "in the X-Total-Count and Link headers." : ""))));
                if (paged) {
                    ok.addHeaderObject(CsvHttpMessageConverter.TOTAL_COUNT, new Header()
                            .description("text/csv only: totalElements of the page").schema(new IntegerSchema()
                                    .format("int64")));
                    ok.addHeaderObject(HttpHeaders.LINK, new Header().description("text/csv only: RFC 8288 links "
                            + "to the first, prev, next and last pages").schema(new StringSchema()));
                }
                return operation;
            };
        }

        /** The body type of a list answer (unwrapping ResponseEntity), or null when the answer is not one. */
        static @Nullable Class<?> returnedBody(HandlerMethod handler) {
            ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
            if (HttpEntity.class.isAssignableFrom(type.toClass())) {
                type = type.as(HttpEntity.class).getGeneric(0);
            }
            Class<?> body = type.toClass();
            boolean list = PageResponse.class.isAssignableFrom(body) || Collection.class.isAssignableFrom(body)
                    || TabularResponse.class.isAssignableFrom(body);
            return list ? body : null;
        }
    }
}
