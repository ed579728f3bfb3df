package io.energywatch.service.web;

import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import io.energywatch.service.stores.StoreAccessProperties;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTest {

    private final ProblemResponses problems = new ProblemResponses(new StoreAccessProperties(Duration.ofSeconds(7),
            new StoreAccessProperties.Mongodb(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(60)),
            new StoreAccessProperties.Kafka(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(10),
                    Duration.ofSeconds(30))));

    @Test
    void mongodbDownIsA503NamingTheStoreWithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = problems.unexpected(
                new DataAccessResourceFailureException("Timed out", new MongoTimeoutException("Timed out")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        ProblemDetail body = answer.getBody();
        assertThat(body.getType().toString()).isEqualTo(ProblemResponses.TYPE_BASE + "store-unavailable");
        assertThat(body.getTitle()).isEqualTo("MongoDB unavailable");
        assertThat(body.getProperties()).containsEntry("store", "mongodb");
        assertThat(body.getDetail()).contains("Retry in 7 s").contains("./energywatch stack status");
    }

    @Test
    void aWriteRefusedBecauseMongodbIsFullIsA507() {
        var full = new MongoWriteException(new WriteError(14031, "store full: limit of 1000 documents reached",
                new BsonDocument()), new ServerAddress(), Set.of());

        ResponseEntity<ProblemDetail> answer = problems.unexpected(new RuntimeException(full));

        assertThat(answer.getStatusCode().value()).isEqualTo(507);
        assertThat(answer.getBody().getType().toString()).isEqualTo(ProblemResponses.TYPE_BASE + "store-full");
        assertThat(answer.getBody().getProperties()).containsEntry("store", "mongodb");
        assertThat(answer.getBody().getDetail()).contains("store full: limit of 1000 documents reached");
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithoutJavaClassNames() {
        ResponseEntity<ProblemDetail> answer = problems.unexpected(
                new IllegalStateException("java.lang.NullPointerException in io.energywatch.Something"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getType().toString()).isEqualTo(ProblemResponses.TYPE_BASE + "internal-error");
        assertThat(answer.getBody().getDetail()).startsWith("The service failed unexpectedly")
                .doesNotContain("Exception").doesNotContain("io.energywatch").doesNotContain("java.");
    }

    @Test
    void springsOwnWebExceptionsKeepTheirStatus() {
        ResponseEntity<ProblemDetail> answer = problems.unexpected(
                new HttpRequestMethodNotSupportedException(HttpMethod.DELETE.name(), Set.of("GET")));

        assertThat(answer.getStatusCode().value()).isEqualTo(405);
        assertThat(answer.getBody().getType().toString()).isEqualTo(ProblemResponses.TYPE_BASE + "method-not-allowed");
    }

    record Forecast(String series, int horizonDays) {
    }

    @Test
    void aNumberItsFieldCannotHoldIsA400NamingTheField() {
        JacksonException cause = null;
        try {
            JsonMapper.builder().build().readValue("{\"series\": \"s\", \"horizonDays\": 1e309}", Forecast.class);
        } catch (JacksonException e) {
            cause = e;
        }

        ResponseEntity<ProblemDetail> answer = problems.unreadable(new HttpMessageNotReadableException("unreadable",
                cause, new MockHttpInputMessage(new byte[0])));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getType().toString()).isEqualTo(ProblemResponses.TYPE_BASE + "invalid-request");
        assertThat(answer.getBody().getProperties().get("errors")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).singleElement()
                .isEqualTo(new ProblemError(null, "horizonDays", null, "expected a number its type can hold: "
                        + "Numeric value (1e309) out of range of int (-2147483648 - 2147483647)"));
    }
}
