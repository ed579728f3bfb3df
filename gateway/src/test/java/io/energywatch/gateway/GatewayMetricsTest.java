package io.energywatch.gateway;

import io.energywatch.service.security.Role;
import io.energywatch.testsupport.PrometheusScrape;
import io.energywatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's {@code /actuator/prometheus}: a viewer's token reads it, no token does not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class GatewayMetricsTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        // No service answers: this test reads only the gateway's own endpoint.
        StandInRoutes.allTo(registry, () -> "http://127.0.0.1:9");
    }

    @Autowired
    Environment environment;

    @Test
    void aViewerScrapesTheGatewaysMetersLabelledWithItsName() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        assertThat(PrometheusScrape.of(port, null).status()).isEqualTo(401);

        var scrape = PrometheusScrape.of(port, TestTokens.token("prometheus", Role.VIEWER));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.matching("jvm_memory_used_bytes", "application", "gateway")).isNotEmpty();
        // The unauthenticated scrape above went through the server and was observed.
        assertThat(scrape.matching("http_server_requests_seconds_count", "status", "401")).isNotEmpty();
    }
}
