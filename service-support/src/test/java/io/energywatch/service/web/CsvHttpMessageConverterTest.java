package io.energywatch.service.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The converter writes pages, lists and tabular answers as CSV and puts a page's metadata in headers. */
class CsvHttpMessageConverterTest {

    record Point(String series, double valueMw) {
    }

    record Report(String region, List<Point> points) implements TabularResponse<Point> {
        @Override
        public List<Point> tableRows() {
            return points;
        }
    }

    private final CsvHttpMessageConverter converter = new CsvHttpMessageConverter(JsonMapper.builder().build());

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aPageIsItsRowsWithTheTotalAndLinksInHeaders() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/enriched");
        request.setQueryString("series=gas:FR:odre:PT1H&page=1&size=2&from=2024-01-01");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        var page = new PageResponse<>(List.of(new Point("a", 1.5), new Point("b", 2)), 1, 2, 7);
        var out = new MockHttpOutputMessage();

        converter.write(page, ResolvableType.forClassWithGenerics(PageResponse.class, Point.class),
                CsvHttpMessageConverter.TEXT_CSV, out, null);

        assertThat(out.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo("series,valueMw\r\na,1.5\r\nb,2\r\n");
        assertThat(out.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(out.getHeaders().getFirst("X-Total-Count")).isEqualTo("7");
        String prefix = "</api/v1/enriched?series=gas:FR:odre:PT1H&from=2024-01-01&";
        assertThat(out.getHeaders().getFirst(HttpHeaders.LINK)).isEqualTo(
                prefix + "page=0&size=2>; rel=\"first\", " + prefix + "page=0&size=2>; rel=\"prev\", "
                        + prefix + "page=2&size=2>; rel=\"next\", " + prefix + "page=3&size=2>; rel=\"last\"");
    }

    @Test
    void anEmptyListStillHasItsHeaderRow() throws Exception {
        var out = new MockHttpOutputMessage();

        converter.write(List.of(), ResolvableType.forClassWithGenerics(List.class, Point.class),
                CsvHttpMessageConverter.TEXT_CSV, out, null);

        assertThat(out.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo("series,valueMw\r\n");
    }

    @Test
    void aTabularAnswerIsItsTable() throws Exception {
        var out = new MockHttpOutputMessage();

        converter.write(new Report("53", List.of(new Point("gas:53:grtgaz:PT1H", 3))),
                ResolvableType.forClass(Report.class), CsvHttpMessageConverter.TEXT_CSV, out, null);

        assertThat(out.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo("series,valueMw\r\ngas:53:grtgaz:PT1H,3\r\n");
    }

    @Test
    void onlyListsAndOnlyCsvAreWritten() {
        assertThat(converter.canWrite(ResolvableType.forClass(List.class), List.class, CsvHttpMessageConverter.TEXT_CSV))
                .isTrue();
        assertThat(converter.canWrite(ResolvableType.forClass(Point.class), Point.class,
                CsvHttpMessageConverter.TEXT_CSV)).isFalse();
        assertThat(converter.canWrite(ResolvableType.forClass(String.class), String.class,
                CsvHttpMessageConverter.TEXT_CSV)).isFalse();
        assertThat(converter.canWrite(ResolvableType.forClass(List.class), List.class, MediaType.APPLICATION_JSON))
                .isFalse();
        assertThat(converter.canRead(ResolvableType.forClass(List.class), CsvHttpMessageConverter.TEXT_CSV)).isFalse();
    }
}
