package io.energywatch.service.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTextTest {

    @Test
    void aRejectedValueOf20MegabytesIsQuotedUpTo200Characters() {
        String huge = "x".repeat(20_000_000);
        var body = ProblemResponses.render(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "value '" + huge + "' is not a number", List.of(ProblemError.field("value", huge, "not a number"),
                        ProblemError.line(3, "timestamp", "'" + huge + "' is not a timestamp"))).getBody();

        assertThat(body.getDetail()).hasSizeLessThan(ProblemText.MAX_TEXT_CHARS + 40).startsWith("value 'xxx")
                .endsWith("… (20000024 characters)");
        @SuppressWarnings("unchecked")
        var errors = (List<ProblemError>) body.getProperties().get("errors");
        assertThat(errors.get(0).value()).hasSizeLessThan(ProblemText.MAX_VALUE_CHARS + 40)
                .endsWith("… (20000000 characters)");
        assertThat(errors.get(1).reason()).hasSizeLessThan(ProblemText.MAX_TEXT_CHARS + 40)
                .endsWith("… (20000021 characters)");
    }

    @Test
    void librariesMessagesLoseTheirClassNamesAndLocations() {
        assertThat(ProblemText.text("Cannot deserialize value of type `java.time.Instant` from String \"x\": Failed to "
                + "deserialize java.time.Instant: (java.time.format.DateTimeParseException) Text 'x' could not be parsed "
                + "at index 0\n at [Source: REDACTED; line: 1, column: 12]"))
                .isEqualTo("Cannot deserialize value of type Instant from String \"x\": Failed to deserialize Instant: "
                        + "Text 'x' could not be parsed at index 0");
        assertThat(ProblemText.text("Document nesting depth (1001) exceeds the maximum allowed (1000, from "
                + "`StreamReadConstraints.getMaxNestingDepth()`)"))
                .isEqualTo("Document nesting depth (1001) exceeds the maximum allowed (1000)");
        assertThat(ProblemText.text("No enum constant io.energywatch.contracts.Severity.APOCALYPTIC"))
                .isEqualTo("No enum constant Severity.APOCALYPTIC");
        assertThat(ProblemText.text("model 'anomaly-forest.electricity.sim.PT30M' does not exist"))
                .isEqualTo("model 'anomaly-forest.electricity.sim.PT30M' does not exist");
    }

    @Test
    void whatAValueShouldBeIsSaidWithoutNamingItsClass() {
        assertThat(ProblemText.expected(int.class)).isEqualTo("a number");
        assertThat(ProblemText.expected(Instant.class)).startsWith("an ISO-8601 instant");
        assertThat(ProblemText.expected(HttpStatus.Series.class)).startsWith("one of [INFORMATIONAL");
        assertThat(ProblemText.expected(List.class)).isEqualTo("an array");
        assertThat(ProblemText.expected(ProblemError.class)).isEqualTo("an object");
    }
}
