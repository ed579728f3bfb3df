package io.energywatch.ingestion.jobs;

import io.energywatch.ingestion.IngestionApi;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input suite of issue 3, through the REST API: every broken upload gets either a 4xx problem naming what is
 * wrong or per-row rejections naming line, field and value; the service stays healthy and later uploads succeed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputTest {

    private static final String ODRE_HEADER = new String(IngestionPipelineTest.odre(2000), StandardCharsets.UTF_8)
            .lines().findFirst().orElseThrow();
    private static final String METEO_HEADER = "region,day,TempMax_Deg,TempMin_Deg,Wind_kmh,Wet_percent,Visibility_km,"
            + "CloudCoverage_percent,Dayduration_Min";
    private static final String GENERIC = "format=generic-csv&timestampColumn=timestamp&valueColumn=value&unit=MW"
            + "&seriesId=electricity:11:ext-acme:PT30M&kind=consumption";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("bad-input-test"));
        registry.add("energywatch.ingestion.spool-dir", () -> System.getProperty("java.io.tmpdir") + "/ew-spool-"
                + UUID.randomUUID());
    }

    @Autowired
    Environment environment;
    IngestionApi api;

    @BeforeEach
    void client() {
        api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    @Test
    void aWrongDelimiterIsRefusedNamingTheDelimiter() throws Exception {
        var answer = api.upload(new String(IngestionPipelineTest.odre(2001), StandardCharsets.UTF_8).replace(';', ',')
                .getBytes(StandardCharsets.UTF_8), "kind=consumption");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("detail").asString()).contains("separated by ','");
    }

    @Test
    void aWrongEncodingIsRefusedNamingTheEncoding() throws Exception {
        byte[] latin1 = "ID;Date;Code INSEE région;Région;TMin (°C);TMax (°C);TMoy (°C)\n1;01/01/16;11;Île-de-France;1;2;3\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        var answer = api.upload(latin1, "kind=weather");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("detail").asString()).contains("not valid UTF-8");
    }

    @Test
    void anEmptyFileAndBinaryGarbageAreRefused() throws Exception {
        assertThat(api.upload(new byte[0], "kind=consumption").status()).isEqualTo(400);
        byte[] garbage = new byte[8192];
        new java.util.Random(11).nextBytes(garbage);
        var binary = api.upload(garbage, "kind=weather");
        assertThat(binary.status()).isEqualTo(422);
        assertThat(binary.body().path("detail").asString()).isNotBlank();
    }

    @Test
    void aTruncatedLastLineIsRejectedNamingItsLine() throws Exception {
        String full = new String(IngestionPipelineTest.odre(2002), StandardCharsets.UTF_8).stripTrailing();
        String truncated = full.substring(0, full.lastIndexOf('\n') + 30);
        JsonNode job = ingest(truncated.getBytes(StandardCharsets.UTF_8), "kind=consumption");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("rejections").findValuesAsString("line")).contains("5");
        assertThat(job.path("accepted").asLong()).isEqualTo(3);
    }

    @Test
    void nonNumericNanAndImpossibleDatesAreRejectedPerRowNamingFieldAndValue() throws Exception {
        JsonNode job = ingest(("""
                timestamp,value
                2023-05-01 10:00:00,5.5
                2023-05-01 10:30:00,12.3x
                2023-05-01 11:00:00,NaN
                2023-02-30 10:00:00,4.0
                2023-05-01 11:30:00,6.5
                """).getBytes(StandardCharsets.UTF_8), GENERIC);
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("accepted").asLong()).isEqualTo(2);
        assertThat(job.path("rejected").asLong()).isEqualTo(3);
        assertThat(reasons(job)).anyMatch(r -> r.contains("12.3x")).anyMatch(r -> r.contains("NaN"))
                .anyMatch(r -> r.contains("2023-02-30"));
        assertThat(job.path("rejections").findValuesAsString("field")).contains("value", "timestamp");
    }

    @Test
    void theDstChangeDaysFollowTheDesignRules() throws Exception {
        JsonNode job = ingest(("""
                timestamp,value
                2024-03-31 01:30:00,10
                2024-03-31 02:30:00,11
                2024-03-31 03:00:00,12
                2024-10-27 02:00:00,20
                2024-10-27 02:30:00,21
                2024-10-27 02:00:00,22
                2024-10-27 02:30:00,23
                2024-10-27 03:00:00,24
                """).getBytes(StandardCharsets.UTF_8), GENERIC.replace("ext-acme", "ext-dst"));
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        // 02:30 on 31 March does not exist in Paris; the repeated autumn hour is taken in order, so all four are kept.
        assertThat(job.path("rejected").asLong()).isEqualTo(1);
        assertThat(reasons(job).getFirst()).contains("DST");
        assertThat(job.path("accepted").asLong()).isEqualTo(7);
        assertThat(job.path("duplicates").asLong()).isZero();
    }

    @Test
    void aFiftyMegabyteSingleLineIsRejectedWithoutHarmAndAFileOfOnlyThatLineIsRefused() throws Exception {
        byte[] hugeLine = new byte[50 * 1024 * 1024];
        Arrays.fill(hugeLine, (byte) '7');
        byte[] withHeader = concat((ODRE_HEADER + "\n").getBytes(StandardCharsets.UTF_8), hugeLine);
        JsonNode job = ingest(withHeader, "kind=consumption");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("rejected").asLong()).isEqualTo(1);
        assertThat(reasons(job).getFirst()).containsIgnoringCase("long");

        var alone = api.upload(hugeLine, "kind=consumption");
        assertThat(alone.status()).isEqualTo(422);
    }

    @Test
    void aFileMixingTwoFormatsRejectsTheForeignRows() throws Exception {
        String odre = new String(IngestionPipelineTest.odre(2003), StandardCharsets.UTF_8);
        String mixed = odre + "Bretagne,2019/01/01,9.5,4.0,20.0,85.0,10.0,60.0,500\n"
                + "Corse,2019/01/01,14.0,8.0,15.0,70.0,12.0,30.0,560\n";
        JsonNode job = ingest(mixed.getBytes(StandardCharsets.UTF_8), "kind=consumption");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("accepted").asLong()).isEqualTo(5);
        assertThat(job.path("rejected").asLong()).isEqualTo(3);
        assertThat(job.path("rejections").findValuesAsString("line")).contains("6", "7");
    }

    @Test
    void anUnknownRegionIsRejectedNamingIt() throws Exception {
        JsonNode job = ingest((METEO_HEADER + "\n"
                + "Atlantis,2019/01/01,9.5,4.0,20.0,85.0,10.0,60.0,500\n"
                + "Bretagne,2019/01/02,9.5,4.0,20.0,85.0,10.0,60.0,500\n").getBytes(StandardCharsets.UTF_8),
                "kind=weather");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("accepted").asLong()).isEqualTo(1);
        assertThat(reasons(job)).singleElement().asString().contains("Atlantis");
    }

    @AfterAll
    static void theServiceStaysHealthyAndLaterUploadsSucceed(@Autowired Environment environment) throws Exception {
        var api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
        assertThat(api.get("/actuator/health").body().path("status").asString()).isEqualTo("UP");
        var later = api.upload(IngestionPipelineTest.odre(2004), "kind=consumption");
        assertThat(api.awaitJob(later.body().path("id").asString(), Duration.ofSeconds(60)).path("accepted").asLong())
                .isEqualTo(5);
    }

    private JsonNode ingest(byte[] body, String query) throws Exception {
        var answer = api.upload(body, query);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
        return api.awaitJob(answer.body().path("id").asString(), Duration.ofSeconds(60));
    }

    private static java.util.List<String> reasons(JsonNode job) {
        return job.path("rejections").findValuesAsString("reason");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
